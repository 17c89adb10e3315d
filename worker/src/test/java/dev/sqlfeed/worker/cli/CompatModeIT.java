package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incremental queries that page themselves, run with baton-sql's semantics (compat mode). */
class CompatModeIT {
  @TempDir Path dir;

  @Test
  void aQueryPagedWithLimitAndOffset_isReadPageByPage_andReReadRowsAreDuplicates()
      throws Exception {
    String app = "jdbc:sqlite:" + dir.resolve("app.db");
    try (Connection c = DriverManager.getConnection(app);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, login TEXT, updated_at TEXT)");
      for (int id = 1; id <= 7; id++) {
        s.execute(
            "INSERT INTO users VALUES ("
                + id
                + ", 'u"
                + id
                + "', strftime('%Y-%m-%d %H:%M:%S', 'now', '-"
                + (20 - id)
                + " minutes'))");
      }
    }
    Path config =
        Files.writeString(
            dir.resolve("app.yml"),
            """
            app_name: compat
            connect:
              dsn: "sqlite:%s"
            resource_types:
              user:
                name: User
                list:
                  query: SELECT id, login FROM users
                  map: {id: ".id", display_name: ".login"}
                get:
                  query: SELECT id, login FROM users WHERE id = ?<id>
                incremental_sync:
                  query: >-
                    SELECT id, updated_at FROM users WHERE updated_at >= ?<since>
                    ORDER BY id LIMIT ?<Limit> OFFSET ?<Offset>
                  cursor_column: updated_at
                  pagination: {strategy: offset, primary_key: id, page_size: 2}
            """
                .formatted(dir.resolve("app.db")));
    String store = "jdbc:sqlite:" + dir.resolve("store.db");

    CliRun first = once(config, store);
    CliRun second = once(config, store);

    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(first.out()).contains("user: committed", "(7 rows, 7 new events, 0 duplicates)");
    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(second.out()).contains(" 0 new events");
    CliRun events = CliRun.run("events", "--store", store);
    assertThat(events.out().lines()).hasSize(7);
  }

  /**
   * baton-sql's cursor idiom on SQLite, where the first page's {@code id > ''} would be false for
   * every integer: the first page runs without the comparison, the next ones from the last key.
   */
  @Test
  void aQueryPagedWithTheCursorIdiom_readsEveryRowOnce_onSqlite() throws Exception {
    String app = "jdbc:sqlite:" + dir.resolve("app.db");
    try (Connection c = DriverManager.getConnection(app);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, login TEXT, updated_at TEXT)");
      for (int id = -3; id <= 3; id++) {
        s.execute(
            "INSERT INTO users VALUES ("
                + id
                + ", 'u"
                + id
                + "', strftime('%Y-%m-%d %H:%M:%S', 'now', '-"
                + (20 + id)
                + " minutes'))");
      }
    }
    Path config =
        Files.writeString(
            dir.resolve("app.yml"),
            """
            app_name: compat
            connect:
              dsn: "sqlite:%s"
            resource_types:
              user:
                name: User
                list:
                  query: SELECT id, login FROM users
                  map: {id: ".id", display_name: ".login"}
                get:
                  query: SELECT id, login FROM users WHERE id = ?<id>
                incremental_sync:
                  query: >-
                    SELECT id, updated_at FROM users WHERE updated_at >= ?<since>
                    AND id > ?<Cursor> ORDER BY id LIMIT ?<Limit>
                  cursor_column: updated_at
                  pagination: {strategy: cursor, primary_key: id, page_size: 2}
            """
                .formatted(dir.resolve("app.db")));
    String store = "jdbc:sqlite:" + dir.resolve("store.db");

    CliRun run = once(config, store);

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("user: committed", "(7 rows, 7 new events, 0 duplicates)");
  }

  private static CliRun once(Path config, String store) {
    return CliRun.once(Map.of(), config, store);
  }
}
