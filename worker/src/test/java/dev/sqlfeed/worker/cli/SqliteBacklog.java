package dev.sqlfeed.worker.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An SQLite application with many users, the config of app {@code acme} that lists them, and a real
 * {@code sqlfeed sync} of it: for the tests that stop a sync halfway, whose rows keep it staging
 * long enough to be caught at it.
 */
final class SqliteBacklog {
  private SqliteBacklog() {}

  /**
   * Writes {@code app.db}, a table of {@code rows} users named {@code user 1} and on, and {@code
   * app.yml}, the config that lists them, into {@code dir}.
   *
   * @return the config file
   */
  static Path write(Path dir, int rows) throws SQLException, IOException {
    Path source = dir.resolve("app.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
      s.execute(
          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < "
              + rows
              + ") INSERT INTO users SELECT i, 'user ' || i FROM n");
    }
    Path config = dir.resolve("app.yml");
    Files.writeString(
        config,
        """
        app_name: acme
        connect:
          dsn: "sqlite:%s"
        resource_types:
          user:
            name: User
            list:
              query: SELECT id, name FROM users
              map: {id: ".id", display_name: ".name"}
        """
            .formatted(source));
    return config;
  }

  /**
   * A {@code sqlfeed sync --in-process} of {@code config} into {@code store} in a process of its
   * own, started from the packaged jar, its output and errors written to {@code log}.
   */
  static ProcessBuilder syncProcess(Path config, String store, Path log) {
    return new ProcessBuilder(
            SqlfeedJar.command(
                "sync", "--in-process", "--config", config.toString(), "--store", store))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
  }
}
