package dev.sqlfeed.ports.fullsync;

import static dev.sqlfeed.ports.SampleMirror.entitlement;
import static dev.sqlfeed.ports.SampleMirror.grant;
import static dev.sqlfeed.ports.SampleMirror.ref;
import static dev.sqlfeed.ports.SampleMirror.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.mirror.Entitlement;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.Resource;
import dev.sqlfeed.ports.MirrorCounts;
import dev.sqlfeed.ports.ReconcileCounts;
import dev.sqlfeed.ports.SourceEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The walk that turns two sorted mirrors into events, with a page writer that records pages. */
class ReconciliationTest {
  private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

  private final List<List<SourceEvent>> pages = new ArrayList<>();

  private Reconciliation reconciliation(int pageSize) {
    return new Reconciliation(
        new ReconcileEvents(7, START),
        new KeyOrder(KeyOrder.CODE_POINTS),
        page -> {
          pages.add(page);
          return page;
        },
        pageSize);
  }

  @Test
  void differencesComeInKeyOrder_inPagesOfTheGivenSize_andAreCountedPerKind() {
    Sides mirror =
        new Sides(
            List.of(resource("group", "a"), resource("group", "b"), resource("user", "1")),
            List.of(entitlement("group", "a", "member"), entitlement("group", "b", "member")),
            List.of(grant("group", "a", "member", "1"), grant("group", "b", "member", "1")));
    Sides staged =
        new Sides(
            List.of(resource("group", "b", "B!"), resource("user", "1"), resource("user", "2")),
            List.of(entitlement("group", "b", "member")),
            List.of(grant("group", "b", "member", "2")));
    Reconciliation r = reconciliation(2);

    r.run(mirror, staged);

    assertThat(pages).hasSize(3);
    assertThat(pages.stream().flatMap(List::stream).map(e -> describe(e.event())))
        .containsExactly(
            "resource_deleted group:a",
            "resource_changed group:b",
            "grant_revoked group:b member user:1",
            "grant_created group:b member user:2",
            "resource_changed user:2");
    assertThat(r.applied()).isEqualTo(new ReconcileCounts(false, 2, 1, 1, 1));
    assertThat(r.staged()).isEqualTo(new MirrorCounts(3, 1, 1));
  }

  @Test
  void idsEscapeColonsAndPercents_soThatNoTwoDifferencesShareOne() {
    ReconcileEvents events = new ReconcileEvents(3, START);

    String a = events.grantCreated(new Grant(ref("g", "a:b"), "m", ref("u", "1"))).event().id();
    String b = events.grantCreated(new Grant(ref("g", "a"), "b:m", ref("u", "1"))).event().id();

    assertThat(a).isEqualTo("reconcile:3:grant_created:g:a%3Ab:m:u:1");
    assertThat(b).isEqualTo("reconcile:3:grant_created:g:a:b%3Am:u:1");
    assertThat(events.resourceDeleted(ref("g", "50%")).event().id())
        .isEqualTo("reconcile:3:resource_deleted:g:50%25");
  }

  @Test
  void aWriterThatFailsHalfWay_leavesTheCountsOfThePagesItWrote() {
    Sides mirror = new Sides(List.of(), List.of(), List.of());
    Sides staged =
        new Sides(
            List.of(resource("user", "1"), resource("user", "2"), resource("user", "3")),
            List.of(),
            List.of());
    List<SourceEvent> written = new ArrayList<>();
    Reconciliation r =
        new Reconciliation(
            new ReconcileEvents(1, START),
            new KeyOrder(KeyOrder.CODE_POINTS),
            page -> {
              if (!written.isEmpty()) {
                throw new IllegalStateException("store gone");
              }
              written.addAll(page);
              return page;
            },
            2);

    assertThatThrownBy(() -> r.run(mirror, staged)).hasMessage("store gone");
    assertThat(r.applied()).isEqualTo(new ReconcileCounts(false, 2, 0, 0, 0));
  }

  @Test
  void eventsThatThePageWriterLeavesOut_areNotCounted() {
    Reconciliation r =
        new Reconciliation(
            new ReconcileEvents(1, START),
            new KeyOrder(KeyOrder.CODE_POINTS),
            page -> page.subList(1, page.size()));

    r.run(
        new Sides(List.of(), List.of(), List.of()),
        new Sides(List.of(resource("user", "1"), resource("user", "2")), List.of(), List.of()));

    assertThat(r.applied()).isEqualTo(new ReconcileCounts(false, 1, 0, 0, 0));
  }

  @Test
  void aSideOutOfKeyOrder_isTheStoresMistake_andStopsTheWalk() {
    Sides sorted = new Sides(List.of(), List.of(), List.of());
    Sides unsorted =
        new Sides(List.of(resource("user", "2"), resource("user", "1")), List.of(), List.of());

    assertThatThrownBy(() -> reconciliation(10).run(sorted, unsorted))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("staged records are not in key order");
  }

  @Test
  void theGuard_suppressesLaterIncrementalEventsOfTheSameEntity_notReconciliationsOwn() {
    ReconcileGuard guard = new ReconcileGuard(10);
    ReconcileEvents events = new ReconcileEvents(1, START);
    guard.saw(
        new dev.sqlfeed.ports.StoredEvent(
            11,
            "acme",
            new FeedEvent.GrantCreated(
                "g", "team.grants.0.changes", ref("group", "a"), "member", ref("user", "1"), START),
            START));
    guard.saw(
        new dev.sqlfeed.ports.StoredEvent(
            12, "acme", events.resourceDeleted(ref("user", "9")).event(), START));
    guard.saw(
        new dev.sqlfeed.ports.StoredEvent(
            13,
            "acme",
            new FeedEvent.ResourceChanged("r", "group", ref("group", "b"), START),
            START));

    assertThat(guard.seenUpTo()).isEqualTo(13);
    assertThat(guard.suppresses(events.grantRevoked(grant("group", "a", "member", "1")).event()))
        .isTrue();
    assertThat(guard.suppresses(events.grantRevoked(grant("group", "a", "member", "2")).event()))
        .isFalse();
    assertThat(guard.suppresses(events.resourceDeleted(ref("group", "a")).event())).isTrue();
    assertThat(guard.suppresses(events.grantCreated(grant("group", "b", "member", "5")).event()))
        .isTrue();
    assertThat(guard.suppresses(events.resourceDeleted(ref("user", "9")).event())).isFalse();
  }

  private static String describe(FeedEvent e) {
    String ref = e.resource().resourceType() + ":" + e.resource().resourceId();
    if (e instanceof FeedEvent.GrantEvent g) {
      return e.kind()
          + " "
          + ref
          + " "
          + g.entitlement()
          + " "
          + g.principal().resourceType()
          + ":"
          + g.principal().resourceId();
    }
    return e.kind() + " " + ref;
  }

  /** A side given as three lists already in key order. */
  private record Sides(List<Resource> r, List<Entitlement> e, List<Grant> g)
      implements SortedMirror {
    @Override
    public Iterator<Resource> resources() {
      return r.iterator();
    }

    @Override
    public Iterator<Entitlement> entitlements() {
      return e.iterator();
    }

    @Override
    public Iterator<Grant> grants() {
      return g.iterator();
    }
  }
}
