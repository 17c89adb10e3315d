package dev.sqlfeed.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.error.StoreException;
import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.MirrorRecord;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import dev.sqlfeed.ports.Checkpoint;
import dev.sqlfeed.ports.MirrorChange;
import dev.sqlfeed.ports.PageWriteResult;
import dev.sqlfeed.ports.SampleMirror;
import dev.sqlfeed.ports.SourceEvent;
import dev.sqlfeed.ports.StoredEvent;
import dev.sqlfeed.ports.SyncStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The JDBC store's event log on every database it supports, against real servers. */
class JooqSyncStoreEventLogIT {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123456Z");
  private static final String SOURCE = "team.grants.0.changes";

  /**
   * Version 4 indexes the log by resource, so that asking whether it has events about a resource is
   * a lookup; a version 3 store gains the index when it opens, and the step may run again.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aVersion3Store_gainsTheEventsByResourceIndex_andTheStepMayRunAgain(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase database = TestDatabases.create(kind)) {
      OldStores.make(database, T0, 3, db -> assertThat(EventIndexSchema.has(db)).isFalse());
      try (SyncStore store = open(database)) {
        assertThat(store.writePage("hr", List.of(created("c1", "1")), commit()).appended())
            .isEqualTo(1);
      }
      try (Connection c = database.connect()) {
        DSLContext db = jooq(c, database);
        assertThat(EventIndexSchema.has(db)).isTrue();
        EventIndexSchema.version4(db, StoreDialect.of(database.jdbcUrl()));
        assertThat(EventIndexSchema.has(db)).isTrue();
      }
      assertThat(schemaVersions(database))
          .containsExactlyElementsOf(IntStream.rangeClosed(1, StoreSchema.LATEST).boxed().toList());
    }
  }

  /**
   * Version 9 writes the event keys again in time order: a version 8 store's events are still known
   * afterwards (a re-read is a duplicate), the step may run again, and a key dropped as delivered
   * keeps its hash.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aVersion8Store_getsTimeOrderedEventKeys_andStillKnowsItsEvents(TestDatabase.Kind kind)
      throws Exception {
    SourceEvent logged = created("grant:team:ops:1:2026-11-25T10:00:00.123456Z:7", "1");
    SourceEvent delivered = created("grant:team:ops:2:2026-11-25T10:00:01Z:8", "2");
    try (TestDatabase database = TestDatabases.create(kind)) {
      OldStores.make(
          database,
          T0,
          8,
          db -> {
            String id = logged.event().id();
            db.insertInto(EventLogSchema.EVENTS, EventLogSchema.EVENT_COLUMNS)
                .values(
                    EventRows.row(
                        1, "hr", EventRows.hash("hr", id), logged.event(), StoreSchema.text(T0)))
                .execute();
            db.insertInto(
                    DeliveredSchema.DELIVERED,
                    EventLogSchema.EVENT_KEY,
                    StoreSchema.APP,
                    EventLogSchema.SEQ)
                .values(EventRows.hash("hr", delivered.event().id()), "hr", 1L)
                .execute();
            db.update(EventLogSchema.EVENT_SEQ).set(EventLogSchema.LAST_SEQ, 1L).execute();
          });
      try (SyncStore store = open(database)) {
        assertThat(store.writePage("hr", List.of(logged, delivered), commit()))
            .isEqualTo(new PageWriteResult(0, 2, 1));
        assertThat(store.heldIds("hr", List.of(logged.event().id(), "grant:other")))
            .containsExactly(logged.event().id());
      }
      try (Connection c = database.connect()) {
        DSLContext db = jooq(c, database);
        EventKeySchema.version9(db, StoreDialect.of(database.jdbcUrl()));
        assertThat(
                db.select(EventLogSchema.EVENT_KEY)
                    .from(EventLogSchema.EVENTS)
                    .fetch(EventLogSchema.EVENT_KEY))
            .containsExactly(EventRows.key("hr", logged.event().id()));
      }
      assertThat(schemaVersions(database))
          .containsExactlyElementsOf(IntStream.rangeClosed(1, StoreSchema.LATEST).boxed().toList());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aVersion1StoreIsMigratedOnOpenAndKeepsItsMirror(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabases.create(kind)) {
      Resource1 old = new Resource1(SampleMirror.resource("user", "1"));
      OldStores.make(database, T0, 1, old::insert);
      assertThat(schemaVersions(database)).containsExactly(1);

      try (SyncStore store = open(database)) {
        assertThat(export(store)).containsExactly(old.record().toJsonLine());
        PageWriteResult result = store.writePage("hr", List.of(created("c1", "1")), commit());
        assertThat(result).isEqualTo(new PageWriteResult(1, 0, 1));
        assertThat(store.checkpoint("hr", SOURCE)).isPresent();
      }
      try (SyncStore store = open(database)) {
        assertThat(store.events(Optional.empty(), 0, 10)).hasSize(1);
        assertThat(export(store)).hasSize(2);
      }
      assertThat(schemaVersions(database))
          .containsExactlyElementsOf(IntStream.rangeClosed(1, StoreSchema.LATEST).boxed().toList());
    }
  }

  static Stream<Arguments> failingTables() {
    List<Arguments> cases = new ArrayList<>();
    for (TestDatabase.Kind kind : TestDatabase.Kind.values()) {
      // grants: a statement in the middle of the page; checkpoints: the page's last statement.
      cases.add(Arguments.of(kind, "grants"));
      cases.add(Arguments.of(kind, "checkpoints"));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}, {1} missing")
  @MethodSource("failingTables")
  void aPageWhoseStatementFailsMidwayRollsBackWhole(TestDatabase.Kind kind, String table)
      throws Exception {
    try (TestDatabase database = TestDatabases.create(kind);
        SyncStore store = open(database)) {
      store.writePage("hr", List.of(created("c1", "1")), commit());
      List<StoredEvent> events = store.events(Optional.empty(), 0, 10);
      List<String> mirror = export(store);
      List<SourceEvent> page = new ArrayList<>();
      for (int i = 2; i < 1_000; i++) {
        page.add(created("c" + i, "" + i));
        page.add(
            new SourceEvent(
                new FeedEvent.ResourceChanged(
                    "r" + i, "user", SampleMirror.ref("user", "" + i), T0),
                List.of(
                    new MirrorChange.PutResource(
                        SampleMirror.resource("user", "" + i), List.of()))));
      }
      rename(database, table, table + "_away");
      Checkpoint later = new Checkpoint("hr", SOURCE, T0.plusSeconds(60), T0.plusSeconds(60));

      assertThatThrownBy(() -> store.writePage("hr", page, Optional.of(later)))
          .isInstanceOfSatisfying(
              StoreException.class,
              e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.QUERY_FAILED))
          .hasMessageStartingWith("writing a page of events of hr");
      rename(database, table + "_away", table);

      assertThat(store.events(Optional.empty(), 0, 10_000)).isEqualTo(events);
      assertThat(export(store)).isEqualTo(mirror);
      assertThat(store.checkpoint("hr", SOURCE)).contains(commit().orElseThrow());
      assertThat(store.writePage("hr", page, Optional.of(later)))
          .isEqualTo(new PageWriteResult(page.size(), 0, page.size() + 1));
      assertThat(store.checkpoint("hr", SOURCE)).contains(later);
    }
  }

  /** A resource written into a version-1 store as that version's code wrote it. */
  private record Resource1(MirrorRecord record) {
    void insert(DSLContext db) {
      List<Object> values = new ArrayList<>();
      values.add("hr");
      values.addAll(MirrorTable.RESOURCES.values(record));
      db.insertInto(
              MirrorTable.RESOURCES.mirror(),
              StoreSchema.withFirst(StoreSchema.APP, MirrorTable.RESOURCES.columns()))
          .values(values)
          .execute();
    }
  }

  private static SourceEvent created(String id, String user) {
    Grant g = SampleMirror.grant("team", "ops", "member", user);
    return new SourceEvent(
        new FeedEvent.GrantCreated(id, SOURCE, g.resource(), g.entitlement(), g.principal(), T0),
        List.of(new MirrorChange.PutGrant(g)));
  }

  private static Optional<Checkpoint> commit() {
    return Optional.of(new Checkpoint("hr", SOURCE, T0, T0));
  }

  private static SyncStore open(TestDatabase database) {
    return JdbcStores.open(database.jdbcUrl(), database.user(), database.password());
  }

  private static List<String> export(SyncStore store) {
    List<String> lines = new ArrayList<>();
    store.exportMirror(Optional.of("hr"), r -> lines.add(r.toJsonLine()));
    return lines;
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

  private static void rename(TestDatabase database, String from, String to) throws SQLException {
    try (Connection c = database.connect()) {
      jooq(c, database).alterTable(DSL.name(from)).renameTo(DSL.name(to)).execute();
    }
  }

  private static DSLContext jooq(Connection c, TestDatabase database) {
    return DSL.using(c, StoreDialect.of(database.jdbcUrl()).jooq());
  }
}
