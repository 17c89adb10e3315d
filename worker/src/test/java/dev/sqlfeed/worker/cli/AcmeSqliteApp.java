package dev.sqlfeed.worker.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The SQLite application of {@code config/feed/acme-incremental.yml}, as the tests that run a
 * worker on it create it in their own directory: users ada, bob and cy (ids 1 to 3) last changed
 * 50, 40 and 30 minutes ago, team ops, ada a member of it and bob a former member; six events in
 * all. The config points at it and the store is an SQLite file beside it.
 *
 * @param jdbcUrl the app database's JDBC URL
 * @param config the config file
 * @param store the store's JDBC URL
 */
record AcmeSqliteApp(String jdbcUrl, Path config, String store) {
  /** When ada joined, and bob joined and left, in minutes before now. */
  record Memberships(int adaJoined, int bobJoined, int bobLeft) {
    static final Memberships RECENT = new Memberships(20, 25, 10);
  }

  /** The app in {@code dir}, memberships {@link Memberships#RECENT}. */
  static AcmeSqliteApp create(Path dir) throws IOException, SQLException {
    return create(dir, Memberships.RECENT);
  }

  static AcmeSqliteApp create(Path dir, Memberships m) throws IOException, SQLException {
    AcmeSqliteApp app = empty(dir);
    app.sql(
        "INSERT INTO users VALUES (1, 'ada', "
            + minutesAgo(50)
            + "), (2, 'bob', "
            + minutesAgo(40)
            + "), (3, 'cy', "
            + minutesAgo(30)
            + ")",
        "INSERT INTO teams VALUES ('ops', 'Operations')",
        "INSERT INTO team_members VALUES ('ops', 1, "
            + minutesAgo(m.adaJoined())
            + ", NULL), ('ops', 2, "
            + minutesAgo(m.bobJoined())
            + ", "
            + minutesAgo(m.bobLeft())
            + ")");
    return app;
  }

  /**
   * The app in {@code dir} with its three tables ({@code users}, {@code teams}, {@code
   * team_members}) and no rows, for a test that writes its own.
   */
  static AcmeSqliteApp empty(Path dir) throws IOException, SQLException {
    Path db = dir.resolve("acme.db");
    AcmeSqliteApp app =
        new AcmeSqliteApp(
            "jdbc:sqlite:" + db,
            Files.writeString(
                dir.resolve("app.yml"),
                incrementalConfig().replace("sqlite:acme.db", "sqlite:" + db),
                StandardCharsets.UTF_8),
            "jdbc:sqlite:" + dir.resolve("store.db"));
    app.sql(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, login TEXT, updated_at TEXT)",
        "CREATE TABLE teams (slug TEXT PRIMARY KEY, name TEXT)",
        "CREATE TABLE team_members (team_slug TEXT, user_id INTEGER, created_at TEXT,"
            + " deleted_at TEXT)");
    return app;
  }

  /** The text of {@code config/feed/acme-incremental.yml}. */
  static String incrementalConfig() throws IOException {
    try {
      return Files.readString(
          Path.of(AcmeSqliteApp.class.getResource("/config/feed/acme-incremental.yml").toURI()));
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }

  /** SQLite's text for the time {@code minutes} before now, as the app's columns hold it. */
  static String minutesAgo(int minutes) {
    return "strftime('%Y-%m-%d %H:%M:%S', 'now', '-" + minutes + " minutes')";
  }

  /** Runs statements on the app's database. */
  void sql(String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }
}
