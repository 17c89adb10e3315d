package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code sqlfeed sync} process killed with SIGKILL halfway through staging leaves its run
 * {@code RUNNING} and its staged rows behind; the next sync recognises at once, by the run's free
 * lock, that its process is gone: it marks the run abandoned, drops its staging and succeeds.
 */
class KilledSyncIT {
  private static final int ROWS = 200_000;

  @TempDir Path dir;

  @Test
  void aSyncKilledMidRun_intoAnSqliteStore_isAbandonedAtOnceByTheNextSync() throws Exception {
    Path storeFile = dir.resolve("store.db");
    killThenSyncAgain(
        "jdbc:sqlite:" + storeFile,
        Map.of(),
        () -> {
          if (!Files.exists(storeFile)) {
            // Connecting would create the file before the sync does.
            throw new SQLException("no store file yet");
          }
          return DriverManager.getConnection("jdbc:sqlite:" + storeFile);
        });
  }

  @Test
  void aSyncKilledMidRun_intoAPostgresStore_isAbandonedAtOnceByTheNextSync() throws Exception {
    try (TestDatabase db = TestDatabases.create(TestDatabase.Kind.POSTGRES)) {
      killThenSyncAgain(db.jdbcUrl(), AcmeExample.withStore(Map.of(), db), db::connect);
    }
  }

  /** Connects to the store for the test's own reads. */
  private interface StoreConnections {
    Connection connect() throws SQLException;
  }

  private void killThenSyncAgain(
      String store, Map<String, String> env, StoreConnections connections) throws Exception {
    Path config = SqliteBacklog.write(dir, ROWS);
    ProcessBuilder builder = SqliteBacklog.syncProcess(config, store, dir.resolve("sync.log"));
    builder.environment().putAll(env);
    Process sync = builder.start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (staged(connections) == 0 && sync.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(sync.isAlive()).as(Files.readString(dir.resolve("sync.log"))).isTrue();
    } finally {
      sync.destroyForcibly(); // SIGKILL: no hook runs, nothing is recorded
    }
    assertThat(sync.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(query(connections, "SELECT outcome FROM sync_runs")).isEqualTo("RUNNING");
    assertThat(staged(connections)).isPositive();

    long started = System.nanoTime();
    CliRun.run(env, "sync", "--in-process", "--config", config.toString(), "--store", store)
        .exits(ExitCode.OK);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    String killedRun = "SELECT %s FROM sync_runs WHERE id = (SELECT min(id) FROM sync_runs)";
    String nextRun = "SELECT %s FROM sync_runs WHERE id = (SELECT max(id) FROM sync_runs)";
    assertThat(query(connections, killedRun.formatted("outcome"))).isEqualTo("FAILED");
    assertThat(query(connections, killedRun.formatted("message")))
        .startsWith("abandoned: ")
        .contains("its process is gone (the run's lock is free)");
    assertThat(staged(connections)).isZero();
    assertThat(query(connections, nextRun.formatted("outcome"))).isEqualTo("SUCCEEDED");
    assertThat(query(connections, nextRun.formatted("resource_count")))
        .isEqualTo(String.valueOf(ROWS));
    // No hour-long window: the whole second sync, a full read included, ends in minutes at most.
    assertThat(took).isLessThan(Duration.ofMinutes(10));
  }

  private static long staged(StoreConnections store) {
    try {
      String count = query(store, "SELECT count(*) FROM stage_resources");
      return count == null ? 0 : Long.parseLong(count);
    } catch (SQLException e) {
      return 0; // Not created yet, or locked by the sync's write: look again.
    }
  }

  private static String query(StoreConnections store, String sql) throws SQLException {
    try (Connection c = store.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
