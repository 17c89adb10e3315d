package dev.sqlfeed.worker.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one-type app that many end-to-end tests run: a {@code users(id, login, updated_at)} table
 * read by a list query, a {@code get}, and an incremental source paged by {@code id}.
 */
public final class UsersApp {
  /** The {@code user} resource type, as an entry under {@code resource_types} (not indented). */
  public static final String USER_TYPE =
      """
      user:
        name: User
        list:
          query: SELECT id, login FROM users
          map: {id: ".id", display_name: ".login"}
        get:
          query: SELECT id, login FROM users WHERE id = ?<id>
        incremental_sync:
          query: SELECT id, updated_at FROM users WHERE updated_at >= ?<since>
          cursor_column: updated_at
          pagination: {primary_key: id}
      """;

  private static final DateTimeFormatter SQLITE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  private UsersApp() {}

  /**
   * Writes the app's {@code users} table into a new SQLite database at {@code db}: {@code rows}
   * users (ids from 1, logins {@code u1} and on), all changed in the last half hour, ten in each
   * millisecond, so that equal cursors straddle page edges. A backlog for the crash suites.
   */
  static void sqliteBacklog(Path db, int rows) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      c.createStatement()
          .execute("CREATE TABLE users (id INTEGER PRIMARY KEY, login TEXT, updated_at TEXT)");
      c.createStatement().execute("CREATE INDEX users_updated ON users (updated_at, id)");
      c.setAutoCommit(false);
      LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).minusMinutes(30);
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO users VALUES (?, ?, ?)")) {
        for (int id = 1; id <= rows; id++) {
          insert.setInt(1, id);
          insert.setString(2, "u" + id);
          insert.setString(3, start.plusNanos(id / 10 * 1_000_000L).format(SQLITE));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      c.commit();
    }
  }

  /**
   * The whole config.
   *
   * @param settings the top-level {@code incremental_sync} block's lines, not indented, e.g. {@code
   *     "page_size: 50\npoll_interval: 1s"}
   */
  public static String config(String appName, String dsn, String settings) {
    return "app_name: "
        + appName
        + "\nconnect:\n  dsn: \""
        + dsn
        + "\"\nincremental_sync:\n"
        + settings.indent(2)
        + "resource_types:\n"
        + USER_TYPE.indent(2);
  }

  /** {@link #USER_TYPE} without its {@code pagination}: a source read without a key. */
  public static String userTypeWithoutKey() {
    return USER_TYPE.replace("    pagination: {primary_key: id}\n", "");
  }
}
