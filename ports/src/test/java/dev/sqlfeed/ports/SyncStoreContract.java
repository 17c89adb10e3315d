package dev.sqlfeed.ports;

import static dev.sqlfeed.ports.SampleMirror.entitlement;
import static dev.sqlfeed.ports.SampleMirror.grant;
import static dev.sqlfeed.ports.SampleMirror.ref;
import static dev.sqlfeed.ports.SampleMirror.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.error.StoreException;
import dev.sqlfeed.domain.mirror.Entitlement;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.MirrorRecord;
import dev.sqlfeed.domain.mirror.Resource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link SyncStore} must do. Subclasses say how to open a new, empty store; each test
 * gets its own.
 */
public abstract class SyncStoreContract extends StoreContract {
  protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

  @Test
  void stagedRecordsAreInvisibleUntilCommit() {
    try (FullSyncWrite first = store.beginFullSync("hr", T0)) {
      first.put(List.of(resource("user", "1")));
      assertThat(export("hr")).isEmpty();
      assertThat(store.apps()).isEmpty();
      first.commit(T0.plusSeconds(1));
    }
    try (FullSyncWrite second = store.beginFullSync("hr", T0.plusSeconds(2))) {
      second.put(List.of(resource("user", "2")));
      assertThat(export("hr")).containsExactly(line(resource("user", "1")));
      second.commit(T0.plusSeconds(3));
    }
    assertThat(export("hr")).containsExactly(line(resource("user", "2")));
    assertThat(store.apps()).containsExactly("hr");
  }

  @Test
  void commitReplacesTheAppsWholeMirror() {
    sync(
        "hr",
        List.of(
            resource("group", "1"),
            resource("group", "2"),
            entitlement("group", "1", "member"),
            entitlement("group", "2", "member"),
            grant("group", "1", "member", "7"),
            grant("group", "2", "member", "7")));
    List<MirrorRecord> next =
        List.of(
            resource("group", "2", "Renamed"),
            entitlement("group", "2", "member"),
            grant("group", "2", "member", "8"));

    SyncRun run = sync("hr", next);

    assertThat(export("hr")).containsExactlyElementsOf(lines(next));
    assertThat(run.counts()).isEqualTo(new MirrorCounts(1, 1, 1));
  }

  @Test
  void anEmptySyncEmptiesTheMirrorAndTheAppStaysListed() {
    sync("hr", List.of(resource("user", "1"), grant("group", "1", "member", "1")));

    SyncRun run = sync("hr", List.of());

    assertThat(export("hr")).isEmpty();
    assertThat(run.counts()).isEqualTo(MirrorCounts.ZERO);
    assertThat(store.apps()).containsExactly("hr");
  }

  @Test
  void aFailedSyncLeavesThePreviousMirrorAndRecordsItsMessage() {
    List<MirrorRecord> before = List.of(resource("user", "1"), grant("group", "1", "member", "1"));
    sync("hr", before);

    SyncRun failed;
    try (FullSyncWrite write = store.beginFullSync("hr", T0.plusSeconds(10))) {
      write.put(List.of(resource("user", "2"), resource("user", "3")));
      failed = write.fail(T0.plusSeconds(11), "source hr: connection refused");
    }

    assertThat(export("hr")).containsExactlyElementsOf(lines(before));
    assertThat(failed.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
    assertThat(failed.message()).isEqualTo("source hr: connection refused");
    assertThat(failed.endedAt()).isEqualTo(T0.plusSeconds(11));
    assertThat(failed.counts()).isEqualTo(new MirrorCounts(2, 0, 0));
    assertThat(store.syncRuns("hr").get(0)).isEqualTo(failed);
  }

  @Test
  void aWriteClosedWithoutCommitIsRecordedAsAbortedAndChangesNothing() {
    List<MirrorRecord> before = List.of(resource("user", "1"));
    sync("hr", before);

    try (FullSyncWrite write = store.beginFullSync("hr", T0.plusSeconds(10))) {
      write.put(List.of(resource("user", "2")));
    }

    assertThat(export("hr")).containsExactlyElementsOf(lines(before));
    SyncRun aborted = store.syncRuns("hr").get(0);
    assertThat(aborted.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
    assertThat(aborted.message()).startsWith("aborted");
    assertThat(aborted.endedAt()).isNotNull();
  }

  @Test
  void aFirstSyncThatFailsLeavesNoMirror() {
    try (FullSyncWrite write = store.beginFullSync("hr", T0)) {
      write.put(List.of(resource("user", "1")));
      write.fail(T0.plusSeconds(1), "mapping failed");
    }

    assertThat(store.apps()).isEmpty();
    assertThat(export("hr")).isEmpty();
  }

  @Test
  void aLaterPutOfTheSameKeyReplacesTheEarlierOne() {
    SyncRun run;
    try (FullSyncWrite write = store.beginFullSync("hr", T0)) {
      write.put(
          List.of(
              resource("user", "1", "Old"),
              new Entitlement(ref("group", "1"), "member", "Old", "old", null, List.of()),
              grant("group", "1", "member", "1")));
      write.put(
          List.of(
              resource("user", "1", "New"),
              new Entitlement(ref("group", "1"), "member", "New", "new", "assignment", List.of()),
              grant("group", "1", "member", "1"),
              resource("user", "2", "First"),
              resource("user", "2", "Second"),
              grant("group", "1", "member", "1")));
      run = write.commit(T0.plusSeconds(1));
    }

    assertThat(export("hr"))
        .containsExactly(
            line(resource("user", "1", "New")),
            line(resource("user", "2", "Second")),
            line(new Entitlement(ref("group", "1"), "member", "New", "new", "assignment", null)),
            line(grant("group", "1", "member", "1")));
    assertThat(run.counts()).isEqualTo(new MirrorCounts(2, 1, 1));
  }

  @Test
  void exportIsInCanonicalOrderByCodePoint() {
    List<MirrorRecord> expected = SampleMirror.inCanonicalOrder();
    sync("hr", SampleMirror.shuffled(expected));

    assertThat(export("hr"))
        .as("shuffled with seed %d", SampleMirror.SEED)
        .containsExactlyElementsOf(lines(expected));
  }

  @Test
  void keysThatDifferOnlyInCaseOrATrailingSpaceAreDifferentKeys() {
    List<MirrorRecord> records =
        List.of(
            resource("user", "ANNA"),
            resource("user", "Anna"),
            resource("user", "anna"),
            resource("user", "anna "),
            resource("user", "ånna"));

    SyncRun run = sync("hr", SampleMirror.shuffled(records));

    assertThat(run.counts().resources()).isEqualTo(5);
    assertThat(export("hr")).containsExactlyElementsOf(lines(records));
  }

  @Test
  void everyValueRoundTripsExactly() {
    List<MirrorRecord> records = SampleMirror.withEveryValue();

    sync("hr", records);

    assertThat(export("hr")).containsExactlyElementsOf(lines(records));
  }

  @Test
  void twoAppsDoNotTouchEachOther() {
    List<MirrorRecord> alpha = List.of(resource("user", "1", "Alpha's"), grant("g", "1", "m", "1"));
    List<MirrorRecord> zeta = List.of(resource("user", "1", "Zeta's"), resource("user", "2"));
    sync("alpha", alpha);
    sync("Zeta", zeta);

    sync("alpha", List.of(resource("user", "3")));
    try (FullSyncWrite write = store.beginFullSync("Zeta", T0.plusSeconds(5))) {
      write.put(List.of(resource("user", "4")));
    }

    assertThat(export("Zeta")).containsExactlyElementsOf(lines(zeta));
    assertThat(export("alpha")).containsExactly(line(resource("user", "3")));
    assertThat(store.apps()).containsExactly("Zeta", "alpha");
    assertThat(store.syncRuns("Zeta")).extracting(SyncRun::app).containsOnly("Zeta");
    assertThat(store.syncRuns("alpha")).hasSize(2);
  }

  @Test
  void exportOfEveryAppOrdersEqualKeysByApp() {
    sync("alpha", List.of(resource("user", "1", "Alpha's"), resource("user", "2")));
    sync("Zeta", List.of(resource("user", "1", "Zeta's")));

    List<String> lines = new ArrayList<>();
    store.exportMirror(Optional.empty(), r -> lines.add(r.toJsonLine()));

    assertThat(lines)
        .containsExactly(
            line(resource("user", "1", "Zeta's")),
            line(resource("user", "1", "Alpha's")),
            line(resource("user", "2")));
    assertThat(export("nobody")).isEmpty();
  }

  @Test
  void syncRunsRecordStartEndOutcomeAndCountsNewestFirst() {
    Instant withNanos = Instant.parse("2026-03-01T09:00:00.123456789Z");
    SyncRun succeeded;
    try (FullSyncWrite write = store.beginFullSync("hr", withNanos)) {
      write.put(
          List.of(
              resource("group", "1"),
              resource("user", "1"),
              entitlement("group", "1", "member"),
              grant("group", "1", "member", "1"),
              grant("group", "1", "member", "2"),
              grant("group", "1", "member", "3")));
      succeeded = write.commit(T0);
    }
    SyncRun failed;
    try (FullSyncWrite write = store.beginFullSync("hr", T0.plusSeconds(60))) {
      failed = write.fail(T0.plusSeconds(61), "boom");
    }
    FullSyncWrite running = store.beginFullSync("hr", T0.plusSeconds(120));

    List<SyncRun> runs = store.syncRuns("hr");

    assertThat(succeeded)
        .extracting(
            SyncRun::app,
            SyncRun::startedAt,
            SyncRun::endedAt,
            SyncRun::outcome,
            SyncRun::counts,
            SyncRun::message)
        .containsExactly(
            "hr",
            Instant.parse("2026-03-01T09:00:00.123456Z"),
            T0,
            SyncRun.Outcome.SUCCEEDED,
            new MirrorCounts(2, 1, 3),
            null);
    assertThat(runs).hasSize(3);
    assertThat(runs.get(0))
        .extracting(SyncRun::startedAt, SyncRun::endedAt, SyncRun::outcome, SyncRun::counts)
        .containsExactly(T0.plusSeconds(120), null, SyncRun.Outcome.RUNNING, MirrorCounts.ZERO);
    assertThat(runs.subList(1, 3)).containsExactly(failed, succeeded);
    assertThat(runs.get(0).id()).isGreaterThan(failed.id());
    assertThat(failed.id()).isGreaterThan(succeeded.id());
    running.close();
    assertThat(store.syncRuns("nobody")).isEmpty();
  }

  @Test
  void anEndedWriteRefusesMoreWork() {
    FullSyncWrite write = store.beginFullSync("hr", T0);
    write.put(List.of(resource("user", "1")));
    write.commit(T0.plusSeconds(1));

    assertThatThrownBy(() -> write.put(List.of(resource("user", "2"))))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> write.commit(T0)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> write.fail(T0, "late")).isInstanceOf(IllegalStateException.class);
    write.close();

    assertThat(store.syncRuns("hr"))
        .extracting(SyncRun::outcome)
        .containsExactly(SyncRun.Outcome.SUCCEEDED);
    assertThat(export("hr")).containsExactly(line(resource("user", "1")));
  }

  @Test
  void twoWritesOpenAtOnceStageApartAndTheLastCommitWins() {
    FullSyncWrite first = store.beginFullSync("hr", T0);
    FullSyncWrite second = store.beginFullSync("hr", T0.plusSeconds(1));
    first.put(List.of(resource("user", "1")));
    second.put(List.of(resource("user", "2"), resource("user", "3")));

    first.commit(T0.plusSeconds(2));
    assertThat(export("hr")).containsExactly(line(resource("user", "1")));
    SyncRun run = second.commit(T0.plusSeconds(3));

    assertThat(export("hr"))
        .containsExactly(line(resource("user", "2")), line(resource("user", "3")));
    assertThat(run.counts()).isEqualTo(new MirrorCounts(2, 0, 0));
  }

  @Test
  void namesAndIdsUpToTheLimitsAreKeptAndLongerOnesRefused() {
    String app = "a".repeat(MirrorKeyLimits.NAME);
    String type = "t".repeat(MirrorKeyLimits.NAME - 1) + "é";
    String entitlement = "e".repeat(MirrorKeyLimits.NAME);
    String id = "é".repeat(MirrorKeyLimits.ID - 2) + "😀";
    List<MirrorRecord> longest =
        List.of(
            new Resource(ref(type, id), "x", null, ref(type, id), Map.of()),
            new Entitlement(ref(type, id), entitlement, "x", null, null, List.of(type)),
            new Grant(ref(type, id), entitlement, ref(type, id)));
    sync(app, longest);

    try (FullSyncWrite write = store.beginFullSync(app, T0.plusSeconds(5))) {
      assertThatThrownBy(() -> write.put(List.of(resource("user", id + "x"))))
          .isInstanceOfSatisfying(
              StoreException.class,
              e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.QUERY_FAILED))
          .hasMessageContaining("resource id is 256 characters long");
      assertThatThrownBy(() -> write.put(List.of(grant("g", "1", entitlement + "x", "1"))))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("entitlement id");
    }
    assertThatThrownBy(() -> store.beginFullSync(app + "x", T0))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("app name");

    assertThat(export(app)).containsExactlyElementsOf(lines(longest));
  }

  @Test
  void aMirrorOf20000GrantsCommitsFromOneBatch() {
    List<MirrorRecord> records = bigMirror("u", 20_000);

    SyncRun run = sync("hr", records);
    SyncRun again = sync("hr", bigMirror("v", 20_000));

    assertThat(run.counts()).isEqualTo(new MirrorCounts(1, 1, 20_000));
    assertThat(again.counts()).isEqualTo(new MirrorCounts(1, 1, 20_000));
    List<String> lines = export("hr");
    assertThat(lines).hasSize(20_002);
    assertThat(lines.get(2)).isEqualTo(line(grant("group", "1", "member", "v00001")));
    assertThat(lines.get(20_001)).isEqualTo(line(grant("group", "1", "member", "v20000")));
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aReaderSeesNoMirrorOrTheWholeBaselineNeverAPart() throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    Collection<String> seen = new ConcurrentLinkedQueue<>();
    CompletableFuture<Void> reader =
        CompletableFuture.runAsync(
            () -> {
              while (!done.get()) {
                Map<String, Long> prefixes =
                    export("hr").stream()
                        .filter(l -> l.startsWith("{\"type\":\"grant\""))
                        .collect(
                            Collectors.groupingBy(
                                l -> l.contains("\"principal_id\":\"new") ? "new" : "other",
                                Collectors.counting()));
                seen.add(prefixes.toString());
              }
            });

    try {
      sync("hr", bigMirror("new", 5_000));
    } finally {
      done.set(true);
    }
    reader.get(60, TimeUnit.SECONDS);

    assertThat(seen).allMatch(s -> s.equals("{}") || s.equals("{new=5000}"));
    assertThat(export("hr")).hasSize(5_002).last().asString().contains("new05000");
  }

  /** One group, its entitlement and {@code count} grants to users {@code prefix00001...}. */
  protected static List<MirrorRecord> bigMirror(String prefix, int count) {
    List<MirrorRecord> records = new ArrayList<>(count + 2);
    records.add(resource("group", "1"));
    records.add(entitlement("group", "1", "member"));
    IntStream.rangeClosed(1, count)
        .forEach(
            i -> records.add(grant("group", "1", "member", String.format("%s%05d", prefix, i))));
    return records;
  }

  /** Runs a full sync of {@code records} and commits it. */
  protected SyncRun sync(String app, List<? extends MirrorRecord> records) {
    try (FullSyncWrite write = store.beginFullSync(app, T0)) {
      write.put(records);
      return write.commit(T0.plus(Duration.ofSeconds(1)));
    }
  }

  /** The app's mirror as {@code sqlfeed export} prints it. */
  protected List<String> export(String app) {
    List<String> lines = new ArrayList<>();
    store.exportMirror(Optional.of(app), r -> lines.add(r.toJsonLine()));
    return lines;
  }

  protected static String line(MirrorRecord record) {
    return record.toJsonLine();
  }

  protected static List<String> lines(List<? extends MirrorRecord> records) {
    return records.stream().map(MirrorRecord::toJsonLine).toList();
  }
}
