package dev.sqlfeed.jdbc;

import static dev.sqlfeed.ports.SampleMirror.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.error.StoreException;
import dev.sqlfeed.domain.mirror.MirrorRecord;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import dev.sqlfeed.ports.FullSyncWrite;
import dev.sqlfeed.ports.MirrorCounts;
import dev.sqlfeed.ports.ReconcileCounts;
import dev.sqlfeed.ports.StoredEvent;
import dev.sqlfeed.ports.SyncRun;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.ports.fullsync.DeadRuns;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reconciliation in the JDBC store on every database it supports, against real servers: a store of
 * the previous schema version, and runs left behind by a process that died ({@link
 * JooqStoreContractsIT} runs the contract).
 */
class JooqReconciliationIT {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aStoreOfSchemaVersion2_opensUpgraded_keepsItsRuns_andItsNextSyncReconciles(
      TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase database = TestDatabases.create(kind)) {
      // What sqlfeed with schema version 2 left after one full sync of one user.
      OldStores.make(
          database,
          T0,
          2,
          db -> {
            new OldStores.Run(
                    "SUCCEEDED",
                    new MirrorCounts(1, 0, 0),
                    Map.of(
                        StoreSchema.STARTED_AT, "2026-11-24T10:00:00.000000Z",
                        StoreSchema.ENDED_AT, "2026-11-24T10:00:01.000000Z"))
                .insert(db);
            db.insertInto(
                    StoreSchema.MIRRORS,
                    StoreSchema.APP,
                    StoreSchema.RUN_ID,
                    StoreSchema.REPLACED_AT)
                .values("hr", 1L, "2026-11-24T10:00:01.000000Z")
                .execute();
            db.insertInto(
                    MirrorTable.RESOURCES.mirror(),
                    StoreSchema.withFirst(StoreSchema.APP, MirrorTable.RESOURCES.columns()))
                .values(oldUserRow())
                .execute();
          });

      try (SyncStore store = open(database, Clock.systemUTC())) {
        SyncRun old = store.syncRuns("hr").get(0);
        assertThat(old.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(old.counts()).isEqualTo(new MirrorCounts(1, 0, 0));
        assertThat(old.reconciled()).isEqualTo(ReconcileCounts.NONE);
        assertThat(store.apps()).containsExactly("hr");

        SyncRun next = sync(store, List.of(resource("user", "2")));

        assertThat(next.reconciled()).isEqualTo(new ReconcileCounts(false, 1, 1, 0, 0));
        assertThat(store.syncRuns("hr").get(0)).isEqualTo(next);
        assertThat(store.events(Optional.empty(), 0, 10))
            .extracting(e -> e.event().kind())
            .containsExactly("resource_deleted", "resource_changed");
      }
      assertThat(schemaVersions(database))
          .containsExactlyElementsOf(IntStream.rangeClosed(1, StoreSchema.LATEST).boxed().toList());
      assertThat(StoreSchema.LATEST).isEqualTo(9);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aRunThatADeadProcessLeftRunning_isMarkedAbandoned_byTheNextFullSyncOfItsApp(
      TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase database = TestDatabases.create(kind)) {
      long deadRun;
      SyncStore dead = open(database, Clock.systemUTC());
      FullSyncWrite unfinished = dead.beginFullSync("hr", T0);
      unfinished.put(List.of(resource("user", "1"), resource("user", "2")));
      deadRun = dead.syncRuns("hr").get(0).id();
      // The process dies: its store goes away with the write still open.
      dead.close();
      unfinished.close();
      assertThat(stagedRows(database, deadRun)).isEqualTo(2);

      Clock later = Clock.offset(Clock.systemUTC(), DeadRuns.ABANDONED_AFTER.plusMinutes(1));
      try (SyncStore store = open(database, later)) {
        SyncRun run = sync(store, List.of(resource("user", "3")));

        List<SyncRun> runs = store.syncRuns("hr");
        assertThat(runs).extracting(SyncRun::id).containsExactly(run.id(), deadRun);
        assertThat(runs.get(1).outcome()).isEqualTo(SyncRun.Outcome.FAILED);
        assertThat(runs.get(1).message()).startsWith("abandoned: no sign of life since ");
        assertThat(runs.get(1).endedAt()).isNotNull();
        assertThat(stagedRows(database, deadRun)).isZero();
        assertThat(run.reconciled()).isEqualTo(ReconcileCounts.BASELINE);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"SQLITE", "POSTGRES"})
  void aRunThatShowedLifeRecently_orIsOpenInThisStore_isLeftRunning(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabases.create(kind);
        SyncStore other = open(database, Clock.systemUTC());
        SyncStore store = open(database, Clock.systemUTC())) {
      FullSyncWrite elsewhere = other.beginFullSync("hr", T0);
      elsewhere.put(List.of(resource("user", "1")));
      FullSyncWrite here = store.beginFullSync("hr", T0.plusSeconds(1));

      SyncRun run = sync(store, List.of(resource("user", "2")));

      assertThat(store.syncRuns("hr"))
          .filteredOn(r -> r.id() != run.id())
          .extracting(SyncRun::outcome)
          .containsOnly(SyncRun.Outcome.RUNNING);
      elsewhere.put(List.of(resource("user", "3")));
      SyncRun committed = elsewhere.commit(T0.plusSeconds(5));
      assertThat(committed.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
      here.close();
      elsewhere.close();
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"SQLITE", "MARIADB"})
  void aRunMarkedAbandonedThatWasAliveAfterAll_failsOnItsNextWrite_andChangesNothing(
      TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabases.create(kind);
        SyncStore slow = open(database, Clock.systemUTC());
        SyncStore hasty =
            open(
                database,
                Clock.offset(
                    Clock.systemUTC(), DeadRuns.ABANDONED_AFTER.plus(Duration.ofHours(1))))) {
      sync(slow, List.of(resource("user", "1")));
      FullSyncWrite write = slow.beginFullSync("hr", T0.plusSeconds(60));
      write.put(List.of(resource("user", "2")));
      sync(hasty, List.of(resource("user", "1")));

      assertThatThrownBy(() -> write.put(List.of(resource("user", "3"))))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("is no longer running: another full sync marked it abandoned");
      assertThatThrownBy(() -> write.commit(T0.plusSeconds(61)))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("no longer running");
      write.close();

      assertThat(export(slow)).containsExactly(resource("user", "1").toJsonLine());
      assertThat(slow.events(Optional.empty(), 0, 10)).extracting(StoredEvent::seq).isEmpty();
    }
  }

  private static Object[] oldUserRow() {
    return new Object[] {"hr", "user", "1", "Ada", null, null, null, "{}"};
  }

  private static SyncRun sync(SyncStore store, List<? extends MirrorRecord> records) {
    Instant start = Instant.now();
    try (FullSyncWrite write = store.beginFullSync("hr", start)) {
      write.put(records);
      return write.commit(start.plusSeconds(1));
    }
  }

  private static List<String> export(SyncStore store) {
    List<String> lines = new ArrayList<>();
    store.exportMirror(Optional.of("hr"), r -> lines.add(r.toJsonLine()));
    return lines;
  }

  private static SyncStore open(TestDatabase database, Clock clock) {
    return JdbcStores.open(database.jdbcUrl(), database.user(), database.password(), clock);
  }

  private static int stagedRows(TestDatabase database, long runId) throws SQLException {
    try (Connection c = database.connect()) {
      return jooq(c, database)
          .fetchCount(MirrorTable.RESOURCES.stage(), StoreSchema.RUN_ID.eq(runId));
    }
  }

  private static List<Integer> schemaVersions(TestDatabase database) throws SQLException {
    try (Connection c = database.connect()) {
      return jooq(c, database)
          .select(StoreSchema.VERSION)
          .from(StoreSchema.SCHEMA_VERSION)
          .orderBy(StoreSchema.VERSION)
          .fetch(StoreSchema.VERSION);
    }
  }

  private static DSLContext jooq(Connection c, TestDatabase database) {
    return DSL.using(c, StoreDialect.of(database.jdbcUrl()).jooq());
  }
}
