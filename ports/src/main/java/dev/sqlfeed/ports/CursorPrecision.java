package dev.sqlfeed.ports;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How finely a cursor column can tell two moments apart, as the reader learns it from the column's
 * type. A coarse column stores a change made at 10:25:47.8 as 10:25:47 (or as the day), so a window
 * that starts at a finer instant than the column holds must be widened to the column's precision,
 * or the row falls below it.
 */
public enum CursorPrecision {
  /** A date without a time: PostgreSQL {@code date}, MariaDB {@code DATE}. */
  DAY(ChronoUnit.DAYS),
  /** Whole seconds: {@code DATETIME(0)}, {@code TIMESTAMP(0)}, epoch seconds. */
  SECOND(ChronoUnit.SECONDS),
  /** Fractions of a second, or not known to be coarser: nothing to widen. */
  FRACTION(ChronoUnit.NANOS);

  private final ChronoUnit unit;

  CursorPrecision(ChronoUnit unit) {
    this.unit = unit;
  }

  /** The start of the day or second that {@code t} falls in, in UTC; {@code t} when finer. */
  public Instant floor(Instant t) {
    return t.truncatedTo(unit);
  }
}
