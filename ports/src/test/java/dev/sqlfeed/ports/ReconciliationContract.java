package dev.sqlfeed.ports;

import static dev.sqlfeed.ports.SampleMirror.entitlement;
import static dev.sqlfeed.ports.SampleMirror.grant;
import static dev.sqlfeed.ports.SampleMirror.ref;
import static dev.sqlfeed.ports.SampleMirror.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.MirrorRecord;
import dev.sqlfeed.domain.mirror.Resource;
import dev.sqlfeed.ports.fullsync.KeyOrder;
import dev.sqlfeed.ports.fullsync.ReconcileEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * How every {@link SyncStore} reconciles a full sync with the mirror: an app's first full sync is a
 * baseline without events; every later one writes each difference as exactly one event, and a
 * second one right after finds none. Subclasses say how to open a new, empty store.
 */
public abstract class ReconciliationContract extends StoreContract {
  protected static final String APP = "acme";
  protected static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123456Z");

  private int syncs;

  /** Three users, two groups with a member entitlement each, three memberships. */
  protected static List<MirrorRecord> acme() {
    return List.of(
        resource("group", "dev", "Developers"),
        resource("group", "ops", "Operations"),
        resource("user", "1", "Ada"),
        resource("user", "2", "Bob"),
        resource("user", "3", "Cy"),
        entitlement("group", "dev", "member"),
        entitlement("group", "ops", "member"),
        grant("group", "dev", "member", "3"),
        grant("group", "ops", "member", "1"),
        grant("group", "ops", "member", "2"));
  }

  @Test
  void theFirstFullSyncIsABaseline_writesNoEvents_andSaysSo() {
    SyncRun run = sync(acme());

    assertThat(run.reconciled()).isEqualTo(ReconcileCounts.BASELINE);
    assertThat(run.reconciled().baseline()).isTrue();
    assertThat(run.counts()).isEqualTo(new MirrorCounts(5, 2, 3));
    assertThat(store.events(Optional.empty(), 0, 100)).isEmpty();
    assertThat(export()).containsExactlyElementsOf(lines(acme()));
    assertThat(store.syncRuns(APP).get(0)).isEqualTo(run);
  }

  @Test
  void aHardDeletedUser_isExactlyOneResourceDeleted_andASecondReconciliationFindsNothing() {
    sync(acme());
    List<MirrorRecord> read = without(acme(), r -> r.equals(resource("user", "3", "Cy")));

    SyncRun run = sync(read);

    List<StoredEvent> events = events();
    assertThat(events).hasSize(1);
    FeedEvent event = events.get(0).event();
    assertThat(event).isInstanceOf(FeedEvent.ResourceDeleted.class);
    assertThat(event.kind()).isEqualTo("resource_deleted");
    assertThat(event.resource()).isEqualTo(ref("user", "3"));
    assertThat(event.source()).isEqualTo(ReconcileEvents.SOURCE);
    assertThat(event.id()).isEqualTo("reconcile:" + run.id() + ":resource_deleted:user:3");
    assertThat(event.cursor()).isEqualTo(run.startedAt());
    assertThat(events.get(0).app()).isEqualTo(APP);
    assertThat(run.reconciled()).isEqualTo(new ReconcileCounts(false, 0, 1, 0, 0));
    assertThat(run.counts()).isEqualTo(new MirrorCounts(4, 2, 3));
    assertThat(export()).containsExactlyElementsOf(lines(read));

    SyncRun again = sync(read);

    assertThat(events()).hasSize(1);
    assertThat(again.reconciled()).isEqualTo(ReconcileCounts.NONE);
    assertThat(again.reconciled().baseline()).isFalse();
    assertThat(export()).containsExactlyElementsOf(lines(read));
  }

  @Test
  void aHardDeletedGroup_isOneResourceDeleted_itsEntitlementAndGrantsGoWithIt() {
    sync(acme());
    List<MirrorRecord> read = without(acme(), r -> r.resource().equals(ref("group", "dev")));

    SyncRun run = sync(read);

    assertThat(events())
        .extracting(e -> e.event().kind() + " " + e.event().resource().resourceId())
        .containsExactly("resource_deleted dev");
    assertThat(run.reconciled()).isEqualTo(new ReconcileCounts(false, 0, 1, 0, 0));
    assertThat(export()).containsExactlyElementsOf(lines(read));
    assertThat(sync(read).reconciled().total()).isZero();
    assertThat(events()).hasSize(1);
  }

  @Test
  void aHardDeletedMembership_isExactlyOneGrantRevoked() {
    sync(acme());
    Grant gone = grant("group", "ops", "member", "1");
    List<MirrorRecord> read = without(acme(), r -> r.equals(gone));

    SyncRun run = sync(read);

    List<StoredEvent> events = events();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).event())
        .isEqualTo(
            new FeedEvent.GrantRevoked(
                "reconcile:" + run.id() + ":grant_revoked:group:ops:member:user:1",
                ReconcileEvents.SOURCE,
                ref("group", "ops"),
                "member",
                ref("user", "1"),
                run.startedAt()));
    assertThat(run.reconciled()).isEqualTo(new ReconcileCounts(false, 0, 0, 0, 1));
    assertThat(export()).containsExactlyElementsOf(lines(read));
    assertThat(sync(read).reconciled()).isEqualTo(ReconcileCounts.NONE);
    assertThat(events()).hasSize(1);
  }

  @Test
  void aChangedDisplayName_isOneResourceChanged_withTheNewResource() {
    sync(acme());
    List<MirrorRecord> read = replace(acme(), resource("user", "2", "Robert"));

    SyncRun run = sync(read);

    assertThat(events())
        .extracting(e -> e.event().kind() + " " + e.event().resource().resourceId())
        .containsExactly("resource_changed 2");
    assertThat(run.reconciled()).isEqualTo(new ReconcileCounts(false, 1, 0, 0, 0));
    assertThat(export()).containsExactlyElementsOf(lines(read));
    assertThat(sync(read).reconciled().total()).isZero();
  }

  @Test
  void changedTraitsOrAnotherEntitlementSet_isResourceChanged_grantsOfTheResourceStay() {
    sync(acme());
    List<MirrorRecord> read = new ArrayList<>(acme());
    read.set(
        2,
        new Resource(
            ref("user", "1"), "Ada", null, null, Map.of("user", Map.of("status", "disabled"))));
    read.add(7, entitlement("group", "ops", "owner"));

    SyncRun run = sync(read);

    assertThat(events())
        .extracting(e -> e.event().kind() + " " + e.event().resource())
        .containsExactly(
            "resource_changed " + ref("group", "ops"), "resource_changed " + ref("user", "1"));
    assertThat(run.reconciled()).isEqualTo(new ReconcileCounts(false, 2, 0, 0, 0));
    assertThat(export()).containsExactlyElementsOf(lines(read));
  }

  @Test
  void newRows_areResourceChangedAndGrantCreated_inKeyOrder() {
    sync(acme());
    List<MirrorRecord> read = new ArrayList<>(acme());
    read.add(5, resource("user", "4", "Dee"));
    read.add(read.size(), grant("group", "ops", "member", "4"));

    SyncRun run = sync(read);

    assertThat(events())
        .extracting(StoredEvent::event)
        .containsExactly(
            new FeedEvent.GrantCreated(
                "reconcile:" + run.id() + ":grant_created:group:ops:member:user:4",
                ReconcileEvents.SOURCE,
                ref("group", "ops"),
                "member",
                ref("user", "4"),
                run.startedAt()),
            new FeedEvent.ResourceChanged(
                "reconcile:" + run.id() + ":resource_changed:user:4",
                ReconcileEvents.SOURCE,
                ref("user", "4"),
                run.startedAt()));
    assertThat(run.reconciled()).isEqualTo(new ReconcileCounts(false, 1, 0, 1, 0));
    assertThat(export()).containsExactlyElementsOf(lines(read));
  }

  @Test
  void everyKindAtOnce_eachDifferenceOneEvent_countsRecordedInSyncRuns() {
    sync(acme());
    List<MirrorRecord> read =
        List.of(
            resource("group", "ops", "Ops"),
            resource("user", "1", "Ada"),
            resource("user", "2", "Bob"),
            resource("user", "5", "Eve"),
            entitlement("group", "ops", "member"),
            grant("group", "ops", "member", "2"),
            grant("group", "ops", "member", "5"));

    SyncRun run = sync(read);

    // dev deleted (with its grant), ops renamed, user 3 deleted, user 5 new; ops/1 revoked, ops/5
    // created.
    assertThat(run.reconciled()).isEqualTo(new ReconcileCounts(false, 2, 2, 1, 1));
    assertThat(events()).hasSize(6);
    assertThat(store.syncRuns(APP).get(0)).isEqualTo(run);
    assertThat(store.syncRuns(APP).get(0).reconciled()).isEqualTo(run.reconciled());
    assertThat(store.syncRuns(APP).get(1).reconciled()).isEqualTo(ReconcileCounts.BASELINE);
    assertThat(export()).containsExactlyElementsOf(lines(read));
    assertThat(sync(read).reconciled()).isEqualTo(ReconcileCounts.NONE);
    assertThat(events()).hasSize(6);
  }

  @Test
  void eventsAfterTheGuard_suppressTheDifferencesOfTheirEntities() {
    sync(acme());
    FullSyncWrite write = store.beginFullSync(APP, T0.plusSeconds(60));
    // While the full read runs, an incremental source writes: user 2 renamed, a new membership of
    // user 3 in ops, the membership of user 2 in ops revoked.
    Resource renamed = resource("user", "2", "Bobby");
    Grant added = grant("group", "ops", "member", "3");
    Grant revoked = grant("group", "ops", "member", "2");
    store.writePage(
        APP,
        List.of(
            new SourceEvent(
                new FeedEvent.ResourceChanged("resource:user:2:t", "user", ref("user", "2"), T0),
                List.of(new MirrorChange.PutResource(renamed, List.of()))),
            new SourceEvent(
                new FeedEvent.GrantCreated(
                    "grant:ops:3:t",
                    "group.grants.0.changes",
                    ref("group", "ops"),
                    "member",
                    ref("user", "3"),
                    T0),
                List.of(new MirrorChange.PutGrant(added))),
            new SourceEvent(
                new FeedEvent.GrantRevoked(
                    "revoke:ops:2:t",
                    "group.grants.0.revokes",
                    ref("group", "ops"),
                    "member",
                    ref("user", "2"),
                    T0),
                List.of(new MirrorChange.DeleteGrant(revoked)))),
        Optional.empty());
    // The read saw the old state of those three, and (unguarded) user 1 deleted.
    List<MirrorRecord> read = without(acme(), r -> r.equals(resource("user", "1", "Ada")));
    write.put(read);

    SyncRun run = write.commit(T0.plusSeconds(61));
    write.close();

    assertThat(events().subList(3, events().size()))
        .extracting(e -> e.event().kind() + " " + e.event().resource())
        .containsExactly("resource_deleted " + ref("user", "1"));
    assertThat(run.reconciled()).isEqualTo(new ReconcileCounts(false, 0, 1, 0, 0));
    List<MirrorRecord> expected = new ArrayList<>(read);
    expected.set(expected.indexOf(resource("user", "2", "Bob")), renamed);
    expected.remove(revoked);
    expected.add(added);
    assertThat(export()).containsExactlyElementsOf(lines(expected));

    // The next full sync, with nothing written meanwhile, makes the mirror what it reads.
    SyncRun next = sync(read);
    assertThat(next.reconciled()).isEqualTo(new ReconcileCounts(false, 1, 0, 1, 1));
    assertThat(export()).containsExactlyElementsOf(lines(read));
  }

  @Test
  void eventsBeforeTheGuard_suppressNothing() {
    sync(acme());
    store.writePage(
        APP,
        List.of(
            new SourceEvent(
                new FeedEvent.ResourceChanged("resource:user:2:t", "user", ref("user", "2"), T0),
                List.of(new MirrorChange.PutResource(resource("user", "2", "Bobby"), List.of())))),
        Optional.empty());

    SyncRun run = sync(acme());

    assertThat(run.reconciled()).isEqualTo(new ReconcileCounts(false, 1, 0, 0, 0));
    assertThat(export()).containsExactlyElementsOf(lines(acme()));
  }

  @Test
  void anotherAppsEventsAfterTheGuard_suppressNothing() {
    sync(acme());
    FullSyncWrite write = store.beginFullSync(APP, T0.plusSeconds(60));
    store.writePage(
        "other",
        List.of(
            new SourceEvent(
                new FeedEvent.ResourceDeleted("gone:user:1", "user", ref("user", "1"), T0),
                List.of(new MirrorChange.DeleteResource(ref("user", "1"))))),
        Optional.empty());
    write.put(without(acme(), r -> r.resource().equals(ref("user", "1"))));

    SyncRun run = write.commit(T0.plusSeconds(61));
    write.close();

    assertThat(run.reconciled()).isEqualTo(new ReconcileCounts(false, 0, 1, 0, 0));
  }

  @Test
  void manyDifferences_areWrittenInPages_withGapFreeSeqs() {
    List<MirrorRecord> before = new ArrayList<>();
    before.add(resource("group", "all", "All"));
    before.add(entitlement("group", "all", "member"));
    for (int i = 0; i < 2_500; i++) {
      before.add(grant("group", "all", "member", String.format("u%05d", i)));
    }
    sync(before);
    List<MirrorRecord> read = new ArrayList<>(before.subList(0, 2));
    for (int i = 1_000; i < 3_700; i++) {
      read.add(grant("group", "all", "member", String.format("u%05d", i)));
    }

    SyncRun run = sync(read);

    assertThat(run.reconciled()).isEqualTo(new ReconcileCounts(false, 0, 0, 1_200, 1_000));
    List<StoredEvent> events = store.events(Optional.of(APP), 0, 10_000);
    assertThat(events).hasSize(2_200);
    assertThat(events.get(2_199).seq()).isEqualTo(2_200);
    assertThat(export()).containsExactlyElementsOf(lines(read));
  }

  @Test
  void keysThatTripCollations_reconcileToNothing_andOneRemovedIsOneEvent() {
    List<MirrorRecord> records = SampleMirror.inCanonicalOrder();
    sync(records);

    assertThat(sync(records).reconciled()).isEqualTo(ReconcileCounts.NONE);
    Grant gone = new Grant(ref("group", "9"), "member", ref("user", "😀"));
    List<MirrorRecord> read = without(records, r -> r.equals(gone));
    SyncRun run = sync(read);

    assertThat(run.reconciled()).isEqualTo(new ReconcileCounts(false, 0, 0, 0, 1));
    assertThat(events())
        .extracting(e -> ((FeedEvent.GrantEvent) e.event()).principal())
        .containsExactly(ref("user", "😀"));
    assertThat(export()).containsExactlyElementsOf(lines(read));
  }

  /** Runs a full sync of {@code records}, each one starting a minute after the last. */
  protected SyncRun sync(List<? extends MirrorRecord> records) {
    Instant start = T0.plusSeconds(60L * syncs++);
    try (FullSyncWrite write = store.beginFullSync(APP, start)) {
      write.put(SampleMirror.shuffled(records));
      return write.commit(start.plusSeconds(1));
    }
  }

  protected List<StoredEvent> events() {
    return store.events(Optional.of(APP), 0, 100_000);
  }

  protected List<String> export() {
    List<String> lines = new ArrayList<>();
    store.exportMirror(Optional.of(APP), r -> lines.add(r.toJsonLine()));
    return lines;
  }

  protected static List<String> lines(List<? extends MirrorRecord> records) {
    List<MirrorRecord> sorted = new ArrayList<>(records);
    sorted.sort((a, b) -> KeyOrder.CODE_POINTS.compare(sortKey(a), sortKey(b)));
    return sorted.stream().map(MirrorRecord::toJsonLine).toList();
  }

  private static String sortKey(MirrorRecord record) {
    return String.join("\u0000", InMemorySyncStore.key(record));
  }

  private static List<MirrorRecord> without(
      List<MirrorRecord> records, Predicate<MirrorRecord> gone) {
    return records.stream().filter(gone.negate()).toList();
  }

  private static List<MirrorRecord> replace(List<MirrorRecord> records, Resource with) {
    return records.stream()
        .map(
            r ->
                r instanceof Resource res && res.resource().equals(with.resource())
                    ? (MirrorRecord) with
                    : r)
        .toList();
  }
}
