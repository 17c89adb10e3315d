package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.feed.CanonicalTime;
import dev.sqlfeed.ports.StoredEvent;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.worker.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What incremental sync promises about changes that race with it, end to end through {@code sqlfeed
 * run --once} over SQLite: a transaction that commits late with an older cursor value is still
 * seen, and rows updated while a scan pages are all emitted, in that cycle or the next.
 */
class IncrementalSemanticsIT {
  private static final DateTimeFormatter SQLITE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @TempDir Path dir;
  private String app;
  private String store;

  @BeforeEach
  void createApplication() throws SQLException {
    app = "jdbc:sqlite:" + dir.resolve("app.db");
    store = "jdbc:sqlite:" + dir.resolve("store.db");
    sql(
        "PRAGMA journal_mode=WAL",
        "CREATE TABLE users (id INTEGER PRIMARY KEY, login TEXT, updated_at TEXT NOT NULL)");
  }

  private Path config(int pageSize) throws Exception {
    String yaml =
        UsersApp.config("races", "sqlite:" + dir.resolve("app.db"), "page_size: " + pageSize);
    return Files.writeString(dir.resolve("app-" + pageSize + ".yml"), yaml);
  }

  private static String secondsAgo(long seconds) {
    return "'" + LocalDateTime.now(ZoneOffset.UTC).minusSeconds(seconds).format(SQLITE) + "'";
  }

  private void sql(String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(app);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout=10000");
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  private void once(Path config) {
    CliRun run = CliRun.once(Map.of(), config, store);
    assertThat(run.code()).as(run.toString()).isZero();
  }

  private List<StoredEvent> events() {
    try (SyncStore s = Wiring.existingStore(store, Map.of())) {
      return s.events(Optional.empty(), 0, 100_000);
    }
  }

  @Test
  void aLateCommitWithAnOlderCursorValue_isStillEmitted_withDefaultSettings() throws Exception {
    Path config = config(1000);
    sql(
        "INSERT INTO users VALUES (1, 'ada', " + secondsAgo(30) + ")",
        "INSERT INTO users VALUES (2, 'bob', " + secondsAgo(20) + ")");
    once(config);
    assertThat(events()).hasSize(2);

    // A transaction that started earlier (its row stamped 25 s ago) commits only now, after the
    // committed cursor passed its timestamp. The default overlap (1m) re-reads that far back.
    sql("INSERT INTO users VALUES (3, 'cy', " + secondsAgo(25) + ")");
    once(config);

    assertThat(events())
        .extracting(e -> e.event().resource().resourceId())
        .containsExactlyInAnyOrder("1", "2", "3");
  }

  @Test
  void rowsUpdatedWhileAScanPages_areAllEmitted_inThatCycleOrTheNext() throws Exception {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder insert = new StringBuilder("INSERT INTO users VALUES ");
    for (int id = 1; id <= 120; id++) {
      insert.append(id == 1 ? "" : ", ").append("(").append(id).append(", 'u").append(id);
      insert.append("', ").append(secondsAgo(600 - id)).append(")");
    }
    sql(insert.toString());
    Path config = config(3);

    AtomicBoolean scanning = new AtomicBoolean(true);
    CompletableFuture<Void> updates =
        CompletableFuture.runAsync(
            () -> {
              try {
                while (scanning.get()) {
                  int id = 1 + random.nextInt(120);
                  // Stamps the row with about "now", as an application does: it moves from behind
                  // or ahead of the scan's position to inside the running window or past it.
                  sql(
                      "UPDATE users SET updated_at = "
                          + secondsAgo(random.nextInt(11))
                          + " WHERE id = "
                          + id);
                  Thread.sleep(5);
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    try {
      once(config);
    } finally {
      scanning.set(false);
      updates.join();
    }
    Thread.sleep(3000); // past the safety lag, so the last updates fall inside the next window
    once(config);

    Map<String, String> lastCursor = new HashMap<>();
    try (Connection c = DriverManager.getConnection(app);
        ResultSet rs = c.createStatement().executeQuery("SELECT id, updated_at FROM users")) {
      while (rs.next()) {
        lastCursor.put(
            rs.getString(1),
            CanonicalTime.format(
                LocalDateTime.parse(rs.getString(2), SQLITE).toInstant(ZoneOffset.UTC)));
      }
    }
    List<StoredEvent> events = events();
    lastCursor.forEach(
        (id, cursor) ->
            assertThat(events)
                .as("seed %d: user %s last updated at %s", seed, id, cursor)
                .anyMatch(
                    e ->
                        e.event().resource().resourceId().equals(id)
                            && CanonicalTime.format(e.event().cursor()).equals(cursor)));
    assertThat(events).extracting(e -> e.event().id()).doesNotHaveDuplicates();
  }
}
