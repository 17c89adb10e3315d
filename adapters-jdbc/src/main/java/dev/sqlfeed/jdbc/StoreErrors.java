package dev.sqlfeed.jdbc;

import dev.sqlfeed.domain.error.DatabaseException.Kind;
import dev.sqlfeed.domain.error.StoreException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns whatever a driver, Hikari or jOOQ throws into a {@link StoreException} at the adapter's
 * edge, classified as Debezium does by SQLState: class 08 (connection) and 28 (authorization) are
 * {@code UNAVAILABLE}, the first transient and the second not; class 40 (rollback: deadlock,
 * serialization) and SQLite's BUSY and LOCKED are transient query failures; everything else is a
 * permanent query failure. No message carries a password: URLs are shown with it masked, and the
 * password itself is scrubbed from the database's own words.
 */
final class StoreErrors {
  private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)([^&;\\s]*)");
  private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/:@]*):[^/@]*@");
  private static final int MAX_DETAIL = 1_000;
  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;
  private static final int SQLITE_CANTOPEN = 14;
  private static final int SQLITE_NOTADB = 26;

  private final StoreDialect dialect;
  private final String url;
  private final List<String> secrets = new ArrayList<>();

  StoreErrors(StoreDialect dialect, String jdbcUrl, String password) {
    this.dialect = dialect;
    this.url = redactUrl(jdbcUrl);
    if (password != null && !password.isEmpty()) {
      secrets.add(password);
    }
    Matcher m = URL_PASSWORD.matcher(jdbcUrl);
    while (m.find()) {
      if (!m.group(2).isEmpty()) {
        secrets.add(m.group(2));
        secrets.add(URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
      }
    }
  }

  /** The URL with any password in it masked. */
  static String redactUrl(String jdbcUrl) {
    String masked = URL_PASSWORD.matcher(jdbcUrl).replaceAll("$1***");
    return URL_USER_INFO.matcher(masked).replaceAll("$1:***@");
  }

  /** The store's URL, password masked, for messages. */
  String url() {
    return url;
  }

  /** The store could not be opened at all: always {@code UNAVAILABLE}. */
  StoreException cannotOpen(Throwable e) {
    SQLException sql = sqlException(e);
    boolean transientFailure = sql == null || !state(sql).startsWith("28");
    return create(Kind.UNAVAILABLE, transientFailure, "cannot open the sync store", e);
  }

  /** A failure while doing {@code what} ("exporting the mirror of hr", ...). */
  StoreException translate(String what, RuntimeException e) {
    if (e instanceof StoreException known) {
      return known;
    }
    SQLException sql = sqlException(e);
    if (sql == null) {
      return create(Kind.QUERY_FAILED, false, what, e);
    }
    String state = state(sql);
    int sqliteCode = dialect == StoreDialect.SQLITE ? sql.getErrorCode() & 0xff : -1;
    if (sql instanceof SQLTransientConnectionException
        || state.startsWith("08")
        || state.startsWith("57P")
        || state.equals("53300")) {
      return create(Kind.UNAVAILABLE, true, what, e);
    }
    if (state.startsWith("28") || sqliteCode == SQLITE_CANTOPEN || sqliteCode == SQLITE_NOTADB) {
      return create(Kind.UNAVAILABLE, false, what, e);
    }
    boolean transientFailure =
        sql instanceof SQLTransientException
            || state.startsWith("40")
            || sqliteCode == SQLITE_BUSY
            || sqliteCode == SQLITE_LOCKED;
    return create(Kind.QUERY_FAILED, transientFailure, what, e);
  }

  private StoreException create(Kind kind, boolean transientFailure, String what, Throwable e) {
    SQLException sql = sqlException(e);
    String detail = scrub(String.valueOf(sql != null ? sql.getMessage() : e.getMessage()));
    // H2 appends the whole statement, which for a multi-row insert runs to many kilobytes.
    int statement = detail.indexOf("; SQL statement:");
    if (statement >= 0) {
      detail = detail.substring(0, statement);
    }
    if (detail.length() > MAX_DETAIL) {
      detail = detail.substring(0, MAX_DETAIL) + "...";
    }
    String message = what + " (store " + url + "): " + detail;
    // The cause goes along for the stack trace only when nothing in it names a secret.
    return new StoreException(kind, transientFailure, message, mentionsSecret(e) ? null : e);
  }

  private String scrub(String text) {
    String result = URL_PASSWORD.matcher(text).replaceAll("$1***");
    for (String secret : secrets) {
      result = result.replace(secret, "***");
    }
    return result;
  }

  private boolean mentionsSecret(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String text = String.valueOf(t.getMessage());
      if (URL_PASSWORD.matcher(text).find() || secrets.stream().anyMatch(text::contains)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** The innermost SQLException, whose message is the database's own. */
  private static SQLException sqlException(Throwable e) {
    SQLException found = null;
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        found = sql;
      }
    }
    return found;
  }

  private static String state(SQLException e) {
    return e.getSQLState() == null ? "" : e.getSQLState();
  }
}
