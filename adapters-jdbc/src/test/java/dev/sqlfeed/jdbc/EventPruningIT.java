package dev.sqlfeed.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import dev.sqlfeed.ports.EventPrune;
import dev.sqlfeed.ports.MirrorChange;
import dev.sqlfeed.ports.SampleMirror;
import dev.sqlfeed.ports.SourceEvent;
import dev.sqlfeed.ports.StoredEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pruning the JDBC store's event log on every database it supports, against real servers. */
class EventPruningIT {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  private static final String SOURCE = "team.grants.0.changes";

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void keep_removesAllButTheNewest_andSeqsGoOnRising(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabases.create(kind);
        JooqSyncStore store = open(database)) {
      store.writePage("hr", page(1, 10), Optional.empty());
      assertThat(store.pruneEvents(prune(Optional.empty(), OptionalLong.of(3), Long.MAX_VALUE)))
          .isEqualTo(7);
      assertThat(seqs(store)).containsExactly(8L, 9L, 10L);
      assertThat(store.heldIds("hr", List.of("e1", "e10"))).containsExactly("e10");
      store.writePage("hr", page(11, 11), Optional.empty());
      assertThat(seqs(store)).containsExactly(8L, 9L, 10L, 11L);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void olderThan_neverPrunesPastTheCeiling(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabases.create(kind);
        JooqSyncStore store = open(database)) {
      store.writePage("hr", page(1, 5), Optional.empty());
      store.writePage("payroll", page(6, 8), Optional.empty());
      Instant future = Instant.now().plus(1, ChronoUnit.HOURS);
      assertThat(store.pruneEvents(prune(Optional.of(future), OptionalLong.empty(), 4)))
          .isEqualTo(4);
      assertThat(seqs(store)).containsExactly(5L, 6L, 7L, 8L);
      Instant past = Instant.now().minus(1, ChronoUnit.HOURS);
      assertThat(store.pruneEvents(prune(Optional.of(past), OptionalLong.empty(), 100))).isZero();
      assertThat(store.pruneEvents(prune(Optional.empty(), OptionalLong.empty(), 100))).isZero();
      assertThat(store.pruneEvents(prune(Optional.of(future), OptionalLong.of(2), 100)))
          .isEqualTo(4);
      assertThat(seqs(store)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void anEventASinkOfItsAppHasNotPublished_isNeverPruned(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabases.create(kind);
        JooqSyncStore store = open(database)) {
      store.writePage("hr", page(1, 5), Optional.empty());
      store.writePage("payroll", page(6, 8), Optional.empty());
      store.saveSinkPosition("hr", "nats:SQLFEED_HR", 0);
      store.saveSinkPosition("hr", "nats:BACKUP", 4);
      OptionalLong none = OptionalLong.of(0);

      assertThat(store.pruneEvents(prune(Optional.empty(), none, Long.MAX_VALUE))).isEqualTo(3);
      assertThat(seqs(store)).containsExactly(1L, 2L, 3L, 4L, 5L);

      store.saveSinkPosition("hr", "nats:SQLFEED_HR", 2);
      assertThat(store.pruneEvents(prune(Optional.empty(), none, Long.MAX_VALUE))).isEqualTo(2);
      assertThat(seqs(store)).containsExactly(3L, 4L, 5L);

      store.saveSinkPosition("hr", "nats:SQLFEED_HR", 5);
      assertThat(store.pruneEvents(prune(Optional.empty(), none, Long.MAX_VALUE))).isEqualTo(2);
      assertThat(seqs(store)).containsExactly(5L);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void oneAppsRetention_countsAndRemovesOnlyThatAppsEvents(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabases.create(kind);
        JooqSyncStore store = open(database)) {
      store.writePage("hr", page(1, 3), Optional.empty());
      store.writePage("payroll", page(4, 6), Optional.empty());
      store.writePage("hr", page(7, 9), Optional.empty());
      Instant future = Instant.now().plus(1, ChronoUnit.HOURS);

      assertThat(store.pruneEvents(forApp("hr", Optional.empty(), OptionalLong.of(2))))
          .isEqualTo(4);
      assertThat(seqs(store)).containsExactly(4L, 5L, 6L, 8L, 9L);
      assertThat(store.pruneEvents(forApp("hr", Optional.empty(), OptionalLong.of(5)))).isZero();
      assertThat(store.pruneEvents(forApp("payroll", Optional.of(future), OptionalLong.empty())))
          .isEqualTo(3);
      assertThat(seqs(store)).containsExactly(8L, 9L);
      store.saveSinkPosition("hr", "nats:SQLFEED_HR", 8);
      assertThat(store.pruneEvents(forApp("hr", Optional.of(future), OptionalLong.empty())))
          .isEqualTo(1);
      assertThat(seqs(store)).containsExactly(9L);
    }
  }

  private static EventPrune forApp(String app, Optional<Instant> before, OptionalLong keep) {
    return new EventPrune(before, keep, Long.MAX_VALUE, Optional.of(app));
  }

  private static EventPrune prune(Optional<Instant> before, OptionalLong keep, long ceiling) {
    return new EventPrune(before, keep, ceiling);
  }

  private static List<Long> seqs(JooqSyncStore store) {
    return store.events(Optional.empty(), 0, 100).stream().map(StoredEvent::seq).toList();
  }

  private static List<SourceEvent> page(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> created("e" + i, "" + i)).toList();
  }

  private static SourceEvent created(String id, String user) {
    Grant g = SampleMirror.grant("team", "ops", "member", user);
    return new SourceEvent(
        new FeedEvent.GrantCreated(id, SOURCE, g.resource(), g.entitlement(), g.principal(), T0),
        List.of(new MirrorChange.PutGrant(g)));
  }

  private static JooqSyncStore open(TestDatabase database) {
    return (JooqSyncStore)
        JdbcStores.open(database.jdbcUrl(), database.user(), database.password());
  }
}
