package dev.sqlfeed.jdbc;

import dev.sqlfeed.domain.connect.ConnectionSpec;
import dev.sqlfeed.domain.error.DatabaseException.Kind;
import dev.sqlfeed.domain.error.SourceException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Turns what a driver, HikariCP or jOOQ throws into a {@link SourceException} at the adapter's
 * edge, classified by SQLState as Debezium does:
 *
 * <ul>
 *   <li>class 08 (connection), 57P (server shutting down), 53300 (too many connections), a broken
 *       socket: {@code UNAVAILABLE}, transient;
 *   <li>class 28 (authorization: wrong password, no such role) and 3D (no such database): {@code
 *       UNAVAILABLE}, permanent;
 *   <li>40001 and 40P01 (serialization failure, deadlock), the rest of class 40, MariaDB's lock
 *       wait timeout and deadlock codes, SQLite's BUSY and LOCKED, timeouts: {@code QUERY_FAILED},
 *       transient;
 *   <li>everything else (42 syntax, permission, unknown column; 22 bad value; 25 read-only): {@code
 *       QUERY_FAILED}, permanent.
 * </ul>
 *
 * <p>A failure to obtain a connection is {@code UNAVAILABLE} whatever its SQLState (MariaDB reports
 * an unknown database at login as 42000). The message is the origin, then the database's own words
 * on one line; the spec's password, and any password-looking URL part, is masked in it and in the
 * copies of the causes that travel with it.
 */
final class SourceErrors {
  private static final Set<Integer> MARIADB_TRANSIENT = Set.of(1205, 1213);
  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;
  private static final int SQLITE_CANTOPEN = 14;
  private static final int SQLITE_NOTADB = 26;

  private final ConnectionSpec spec;

  SourceErrors(ConnectionSpec spec) {
    this.spec = spec;
  }

  /** The spec this reader connects with, for messages: product and URL, password masked. */
  String target() {
    return spec.redactedUrl();
  }

  /** No driver on the class path accepts the URL: a configuration error, not an outage. */
  SourceException noDriver() {
    return new SourceException(
        Kind.UNAVAILABLE, false, "connect: no JDBC driver accepts the URL " + target(), null);
  }

  /** No connection could be had, while doing what {@code origin} names. */
  SourceException connecting(String origin, Throwable failure) {
    SQLException sql = innermost(failure);
    String state = state(sql);
    boolean permanent =
        state.startsWith("28")
            || state.startsWith("3D")
            || state.startsWith("42")
            || sqliteCode(sql) == SQLITE_CANTOPEN
            || sqliteCode(sql) == SQLITE_NOTADB
            || (sql == null && !hasIoCause(failure));
    String message =
        origin + ": cannot connect to " + target() + ": " + detail(sql == null ? failure : sql);
    return create(Kind.UNAVAILABLE, !permanent, message, failure);
  }

  /** A query failed while it ran or streamed. */
  SourceException querying(String origin, Throwable failure) {
    SQLException sql = innermost(failure);
    String message = origin + ": " + detail(sql == null ? failure : sql);
    String state = state(sql);
    if (sql == null) {
      boolean lost = hasIoCause(failure);
      return create(lost ? Kind.UNAVAILABLE : Kind.QUERY_FAILED, lost, message, failure);
    }
    if (state.startsWith("08")
        || state.startsWith("57P")
        || state.equals("53300")
        || sql instanceof SQLTransientConnectionException
        || (state.isEmpty() && hasIoCause(failure))) {
      return create(Kind.UNAVAILABLE, true, message, failure);
    }
    if (state.startsWith("28") || state.startsWith("3D")) {
      return create(Kind.UNAVAILABLE, false, message, failure);
    }
    int sqlite = sqliteCode(sql);
    boolean transientFailure =
        state.startsWith("40")
            || state.equals("57014")
            || sql instanceof SQLTimeoutException
            || sql instanceof SQLTransientException
            || (MARIADB_TRANSIENT.contains(sql.getErrorCode()) && state.startsWith("HY"))
            || sqlite == SQLITE_BUSY
            || sqlite == SQLITE_LOCKED;
    return create(Kind.QUERY_FAILED, transientFailure, message, failure);
  }

  private SourceException create(
      Kind kind, boolean transientFailure, String message, Throwable failure) {
    return new SourceException(kind, transientFailure, spec.redact(message), scrubbed(failure, 0));
  }

  /**
   * The database's message on one line. pgjdbc adds "Hint:" and "Position:" lines, MariaDB a
   * "(conn=N)" prefix that only identifies the session.
   */
  private static String detail(Throwable t) {
    String text = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    // A lost connection's own words ("An I/O error occurred while sending to the backend") say
    // nothing of why; the socket's exception under it does ("Connection reset").
    if (t.getCause() instanceof java.io.IOException io && io.getMessage() != null) {
      text += " (" + io.getClass().getSimpleName() + ": " + io.getMessage() + ")";
    }
    return text.replaceFirst("^\\(conn=\\d+\\) ", "").strip().replaceAll("\\s*\\R\\s*", "; ");
  }

  /**
   * The innermost SQLException with a SQLState, else the innermost one: HikariCP wraps the driver's
   * exception in its own timeout or pool-initialisation exception, jOOQ in a DataAccessException.
   */
  static SQLException innermost(Throwable failure) {
    SQLException withState = null;
    SQLException any = null;
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 20; t = next(t), depth++) {
      if (t instanceof SQLException sql) {
        any = sql;
        if (sql.getSQLState() != null) {
          withState = sql;
        }
      }
    }
    return withState != null ? withState : any;
  }

  private static Throwable next(Throwable t) {
    if (t.getCause() != null && t.getCause() != t) {
      return t.getCause();
    }
    return t instanceof SQLException sql ? sql.getNextException() : null;
  }

  private static boolean hasIoCause(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 20; t = next(t), depth++) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private static String state(SQLException sql) {
    return sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
  }

  /** sqlite-jdbc reports no SQLState; its error code is SQLite's (extended) result code. */
  private static int sqliteCode(SQLException sql) {
    if (sql == null
        || sql.getSQLState() != null
        || !String.valueOf(sql.getMessage()).startsWith("[SQLITE_")) {
      return -1;
    }
    return sql.getErrorCode() & 0xff;
  }

  /**
   * A copy of the cause chain with every message scrubbed, so that a stack trace printed for
   * debugging shows no secret either; classes are named in the messages, stack traces kept.
   */
  private Throwable scrubbed(Throwable t, int depth) {
    if (t == null || depth > 10) {
      return null;
    }
    String name = t.getClass().getName();
    Throwable copy;
    if (t instanceof SQLException sql) {
      String state = sql.getSQLState() == null ? "" : " [SQLState " + sql.getSQLState() + "]";
      copy =
          new SQLException(
              spec.redact(name + state + ": " + t.getMessage()),
              sql.getSQLState(),
              sql.getErrorCode());
    } else {
      copy = new Exception(spec.redact(name + ": " + t.getMessage()));
    }
    copy.setStackTrace(t.getStackTrace());
    Throwable cause = t.getCause() == t ? null : t.getCause();
    if (cause != null) {
      copy.initCause(scrubbed(cause, depth + 1));
    }
    return copy;
  }
}
