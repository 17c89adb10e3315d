package dev.sqlfeed.jdbc;

import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * How an instant is written as a bind value so that the database compares it with a cursor column
 * as the same moment. Sessions run in UTC (see {@link SourceDialect#sessionSql}), and a timestamp
 * without a zone holds UTC wall-clock time, so:
 *
 * <ul>
 *   <li>PostgreSQL gets an {@link OffsetDateTime} at UTC, which pgjdbc sends as {@code
 *       timestamptz}: exact against {@code timestamptz}, and against {@code timestamp} through
 *       PostgreSQL's cross-type operators, which convert in the session's zone (UTC) and still use
 *       an index.
 *   <li>MariaDB, H2, SQL Server, Oracle and others get the UTC wall clock as a {@link
 *       LocalDateTime}: MariaDB's {@code DATETIME} holds it as is and its {@code TIMESTAMP} is
 *       converted in the session zone (UTC); H2, SQL Server and Oracle convert to their zoned types
 *       in the session's zone, or at offset zero.
 *   <li>SQLite has no timestamp type; see {@link SqliteTimestamps}.
 * </ul>
 *
 * <p>The databases keep microseconds, so a bound is rounded to them in the direction that keeps it
 * inclusive and exact: a lower bound up, an upper bound down. A position read from a row is already
 * exact.
 */
interface TimestampForm {
  /** The least stored value that denotes {@code t} or a later instant. */
  Object atOrAfter(Instant t);

  /** The greatest stored value that denotes {@code t} or an earlier instant. */
  Object atOrBefore(Instant t);

  /**
   * Whether {@code t} can be stored: then the values from {@link #atOrAfter} to {@link #atOrBefore}
   * all denote {@code t}. Otherwise nothing stored denotes it and {@code atOrBefore(t)} is below
   * {@code atOrAfter(t)}.
   */
  boolean exact(Instant t);

  /** The form that the typed timestamp columns of {@code product} compare with. */
  static TimestampForm typed(Product product) {
    return product == Product.POSTGRES ? Typed.ZONED : Typed.WALL_CLOCK;
  }

  /** Typed columns: values with microseconds, zoned or as UTC wall clock. */
  enum Typed implements TimestampForm {
    ZONED {
      @Override
      Object value(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
      }
    },
    WALL_CLOCK {
      @Override
      Object value(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
      }
    };

    abstract Object value(Instant t);

    @Override
    public Object atOrAfter(Instant t) {
      Instant down = t.truncatedTo(ChronoUnit.MICROS);
      return value(down.equals(t) ? t : down.plus(1, ChronoUnit.MICROS));
    }

    @Override
    public Object atOrBefore(Instant t) {
      return value(t.truncatedTo(ChronoUnit.MICROS));
    }

    @Override
    public boolean exact(Instant t) {
      return t.getNano() % 1000 == 0;
    }
  }
}
