package dev.sqlfeed.jdbc;

import static dev.sqlfeed.ports.SampleMirror.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import dev.sqlfeed.ports.FullSyncWrite;
import dev.sqlfeed.ports.MirrorCounts;
import dev.sqlfeed.ports.ReconcileCounts;
import dev.sqlfeed.ports.SyncRun;
import dev.sqlfeed.ports.SyncStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A full sync whose process is killed ({@code kill -9}, no chance to clean up) is recognised as
 * dead at once by its run's lock ({@link RunLiveness}), not after {@link
 * dev.sqlfeed.ports.fullsync.DeadRuns#ABANDONED_AFTER}; a run whose process lives is left alone.
 */
class RunLivenessIT {
  @ParameterizedTest
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"SQLITE", "POSTGRES", "MARIADB"})
  void aRunWhoseProcessIsKilled_isAbandonedAtOnce_andItsStagingDropped(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase database = TestDatabases.create(kind)) {
      Process holder = startHolder(database);
      long runId;
      try {
        runId = readRunId(holder);
        try (SyncStore store = open(database)) {
          assertThat(store.syncRuns("hr"))
              .singleElement()
              .extracting(SyncRun::outcome)
              .isEqualTo(SyncRun.Outcome.RUNNING);
        }
      } finally {
        holder.destroyForcibly();
        assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(stagedRows(database, runId)).isEqualTo(2);

      try (SyncStore store = open(database)) {
        SyncRun dead = store.syncRuns("hr").get(0);
        assertThat(dead.id()).isEqualTo(runId);
        assertThat(dead.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
        assertThat(dead.message())
            .startsWith("abandoned: ")
            .contains("its process is gone (the run's lock is free)");
        assertThat(dead.endedAt()).isNotNull();
        assertThat(stagedRows(database, runId)).isZero();

        Instant start = Instant.now();
        try (FullSyncWrite write = store.beginFullSync("hr", start)) {
          write.put(List.of(resource("user", "3")));
          assertThat(write.commit(start.plusSeconds(1)).reconciled())
              .isEqualTo(ReconcileCounts.BASELINE);
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"SQLITE", "POSTGRES", "MARIADB"})
  void aRunOfAnotherStoreObject_staysRunning_untilThatStoreCloses(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabases.create(kind);
        SyncStore store = open(database)) {
      SyncStore other = open(database);
      FullSyncWrite write = other.beginFullSync("hr", Instant.now());
      write.put(List.of(resource("user", "1")));

      assertThat(store.syncRuns("hr"))
          .extracting(SyncRun::outcome)
          .containsExactly(SyncRun.Outcome.RUNNING);

      // Closing the store with the run open is what a dying process does: its lock goes with it.
      other.close();
      write.close();
      assertThat(store.syncRuns("hr"))
          .extracting(SyncRun::outcome)
          .containsExactly(SyncRun.Outcome.FAILED);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aStoreOfSchemaVersion3_opensUpgraded_andItsLocklessRunningRun_isJudgedByItsHeartbeat(
      TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase database = TestDatabases.create(kind)) {
      Instant beat = Instant.now();
      // A run that sqlfeed with schema version 3 left running a moment ago: it holds no lock.
      Map<Field<String>, String> times =
          Map.of(
              StoreSchema.STARTED_AT, StoreSchema.text(beat),
              SyncRunsSchema.HEARTBEAT_AT, StoreSchema.text(beat));
      OldStores.make(
          database, beat, 3, new OldStores.Run("RUNNING", MirrorCounts.ZERO, times)::insert);

      try (SyncStore store = open(database)) {
        assertThat(store.syncRuns("hr"))
            .extracting(SyncRun::outcome)
            .containsExactly(SyncRun.Outcome.RUNNING);
      }
      try (Connection c = database.connect()) {
        DSLContext db = jooq(c, database);
        assertThat(StoreSchema.version(db)).isEqualTo(StoreSchema.LATEST);
        assertThat(db.select(RunLocksSchema.RUN_LOCK).from(StoreSchema.SYNC_RUNS).fetch())
            .singleElement()
            .satisfies(r -> assertThat(r.value1()).isNull());
      }
    }
  }

  @Test
  void sideFile_isNextToTheStoreFile_andAbsentForAnInMemoryStore() {
    assertThat(FileRunLocks.sideFileOf("jdbc:sqlite:/tmp/x/store.db?foreign_keys=on"))
        .contains(Path.of("/tmp/x/store.db.sqlfeed-runs.lock"));
    assertThat(FileRunLocks.sideFileOf("jdbc:sqlite:file:/tmp/x/store.db"))
        .contains(Path.of("/tmp/x/store.db.sqlfeed-runs.lock"));
    assertThat(FileRunLocks.sideFileOf("jdbc:sqlite::memory:")).isEmpty();
    assertThat(FileRunLocks.sideFileOf("jdbc:sqlite:")).isEmpty();
    assertThat(FileRunLocks.sideFileOf("jdbc:sqlite:file:x?mode=memory&cache=shared")).isEmpty();
  }

  private static Process startHolder(TestDatabase database) throws IOException {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx128m",
            "-cp",
            System.getProperty("java.class.path"),
            HoldsARun.class.getName(),
            database.jdbcUrl(),
            orDash(database.user()),
            orDash(database.password()))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static long readRunId(Process holder) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("run ")) {
        return Long.parseLong(line.substring(4).trim());
      }
    }
    throw new AssertionError("the holding process ended without starting its run");
  }

  private static String orDash(String value) {
    return value == null || value.isEmpty() ? "-" : value;
  }

  private static SyncStore open(TestDatabase database) {
    return JdbcStores.open(
        database.jdbcUrl(), database.user(), database.password(), Clock.systemUTC());
  }

  private static int stagedRows(TestDatabase database, long runId) throws SQLException {
    try (Connection c = database.connect()) {
      return jooq(c, database)
          .fetchCount(MirrorTable.RESOURCES.stage(), StoreSchema.RUN_ID.eq(runId));
    }
  }

  private static DSLContext jooq(Connection c, TestDatabase database) {
    return DSL.using(c, StoreDialect.of(database.jdbcUrl()).jooq());
  }
}
