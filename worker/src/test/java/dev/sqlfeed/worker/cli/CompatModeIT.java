package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incremental queries that page themselves, run with baton-sql's semantics (compat mode). */
class CompatModeIT {
  @TempDir Path dir;

  @Test
  void aQueryPagedWithLimitAndOffset_isReadPageByPage_andReReadRowsAreDuplicates()
      throws Exception {
    users(1, id -> 20 - id);
    Path config =
        config(
            "ORDER BY id LIMIT ?<Limit> OFFSET ?<Offset>",
            "{strategy: offset, primary_key: id, page_size: 2}");
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
    users(-3, id -> 20 + id);
    Path config =
        config(
            "AND id > ?<Cursor> ORDER BY id LIMIT ?<Limit>",
            "{strategy: cursor, primary_key: id, page_size: 2}");
    String store = "jdbc:sqlite:" + dir.resolve("store.db");

    CliRun run = once(config, store);

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("user: committed", "(7 rows, 7 new events, 0 duplicates)");
  }

  /** Seven users in {@code app.db}, ids from {@code firstId}, each changed minutes ago as given. */
  private void users(int firstId, IntUnaryOperator minutesAgo) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"));
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, login TEXT, updated_at TEXT)");
      for (int id = firstId; id < firstId + 7; id++) {
        s.execute(
            "INSERT INTO users VALUES ("
                + id
                + ", 'u"
                + id
                + "', strftime('%Y-%m-%d %H:%M:%S', 'now', '-"
                + minutesAgo.applyAsInt(id)
                + " minutes'))");
      }
    }
  }

  /**
   * The config of {@code app.db}, whose incremental query pages itself: {@code paging} is its line
   * after the {@code since} comparison, {@code pagination} the source's pagination.
   */
  private Path config(String paging, String pagination) throws IOException {
    return Files.writeString(
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
                %s
              cursor_column: updated_at
              pagination: %s
        """
            .formatted(dir.resolve("app.db"), paging, pagination));
  }

  private static CliRun once(Path config, String store) {
    return CliRun.once(Map.of(), config, store);
  }
}
