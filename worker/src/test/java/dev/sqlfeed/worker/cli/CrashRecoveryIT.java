package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.ports.Checkpoint;
import dev.sqlfeed.ports.StoredEvent;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.worker.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker process killed with SIGKILL in the middle of a backlog, then a new worker: every change
 * is in the event log exactly once, the committed cursor never moves backwards, and the mirror
 * equals a fresh full sync.
 */
class CrashRecoveryIT {
  private static final int ROWS = 10_000;

  @TempDir Path dir;

  @Test
  void aKilledWorker_losesNothing_andDuplicatesNothing() throws Exception {
    UsersApp.sqliteBacklog(dir.resolve("app.db"), ROWS);
    Path config =
        Files.writeString(
            dir.resolve("app.yml"),
            UsersApp.config(
                "crash", "sqlite:" + dir.resolve("app.db"), "page_size: 50\npoll_interval: 1s"));
    String store = "jdbc:sqlite:" + dir.resolve("store.db");

    Process first =
        new ProcessBuilder(SqlfeedJar.run(config, store, RunCommandSqliteIT.freePort()))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("first.log").toFile())
            .start();
    long seenBeforeKill;
    Optional<Checkpoint> before;
    boolean killed;
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (events(store).size() < ROWS / 4 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      seenBeforeKill = events(store).size();
      assertThat(seenBeforeKill)
          .as(Files.readString(dir.resolve("first.log")))
          .isBetween((long) ROWS / 4, (long) ROWS - 1);
      before = checkpoint(store);
    } finally {
      first.destroyForcibly(); // SIGKILL, in the middle of the backlog
      killed = first.waitFor(60, TimeUnit.SECONDS);
    }
    // A first worker still alive would scan beside the second one and prove nothing.
    assertThat(killed).as("the killed worker is gone within 60 s").isTrue();

    CliRun second = CliRun.once(Map.of(), config, store);
    assertThat(second.code()).as(second.toString()).isZero();

    List<StoredEvent> events = events(store);
    assertThat(events).hasSize(ROWS);
    assertThat(events).extracting(e -> e.event().id()).doesNotHaveDuplicates();
    assertThat(events)
        .extracting(e -> e.event().resource().resourceId())
        .doesNotHaveDuplicates()
        .hasSize(ROWS);
    Optional<Checkpoint> after = checkpoint(store);
    assertThat(after).isPresent();
    before.ifPresent(b -> assertThat(after.get().cursor()).isAfterOrEqualTo(b.cursor()));

    String fullSync = "jdbc:sqlite:" + dir.resolve("full.db");
    CliRun sync = CliRun.run("sync", "--config", config.toString(), "--store", fullSync);
    assertThat(sync.code()).as(sync.err()).isZero();
    assertThat(MirrorLines.of(store, "crash")).isEqualTo(MirrorLines.of(fullSync, "crash"));
  }

  private static List<StoredEvent> events(String store) {
    if (!Files.exists(Path.of(store.substring("jdbc:sqlite:".length())))) {
      return List.of();
    }
    try (SyncStore s = Wiring.existingStore(store, Map.of())) {
      return s.events(Optional.empty(), 0, 2 * ROWS);
    }
  }

  private static Optional<Checkpoint> checkpoint(String store) {
    try (SyncStore s = Wiring.existingStore(store, Map.of())) {
      return s.checkpoint("crash", "user");
    }
  }
}
