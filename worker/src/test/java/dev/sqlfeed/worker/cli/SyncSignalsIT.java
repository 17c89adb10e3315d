package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code sqlfeed sync} process stopped by SIGTERM halfway: it says so on stderr, records its
 * run as {@code INTERRUPTED} with the counts it reached, leaves no staged row behind, and the next
 * sync succeeds.
 */
class SyncSignalsIT {
  private static final int ROWS = 400_000;

  @TempDir Path dir;

  @Test
  void sigtermDuringSync_recordsTheRunAsInterrupted_dropsItsStaging_andSaysSo() throws Exception {
    Path config = SqliteBacklog.write(dir, ROWS);
    Path storeFile = dir.resolve("store.db");
    String store = "jdbc:sqlite:" + storeFile;
    Process sync = SqliteBacklog.syncProcess(config, store, dir.resolve("sync.log")).start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (staged(storeFile) == 0 && sync.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(sync.isAlive()).as(Files.readString(dir.resolve("sync.log"))).isTrue();
      sync.destroy(); // SIGTERM
      assertThat(sync.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      sync.destroyForcibly();
    }
    String log = Files.readString(dir.resolve("sync.log"));

    assertThat(sync.exitValue()).as(log).isEqualTo(ExitCode.signalled(15));
    assertThat(log)
        .contains("sqlfeed: sync of acme interrupted by SIGTERM: run 1 recorded as INTERRUPTED")
        .contains("its staged rows were dropped")
        .doesNotContain("\tat ");
    assertThat(query(storeFile, "SELECT outcome FROM sync_runs")).isEqualTo("INTERRUPTED");
    assertThat(Long.parseLong(query(storeFile, "SELECT resource_count FROM sync_runs")))
        .isBetween(1L, ROWS - 1L);
    assertThat(query(storeFile, "SELECT message FROM sync_runs"))
        .isEqualTo("interrupted by SIGTERM");
    assertThat(staged(storeFile)).isZero();

    CliRun.run("sync", "--in-process", "--config", config.toString(), "--store", store)
        .exits(ExitCode.OK);
  }

  private static long staged(Path store) {
    if (!Files.exists(store)) {
      return 0;
    }
    try {
      return Long.parseLong(query(store, "SELECT count(*) FROM stage_resources"));
    } catch (SQLException e) {
      return 0; // Not created yet, or locked by the sync's write: look again.
    }
  }

  private static String query(Path store, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
