package dev.sqlfeed.ports;

import static dev.sqlfeed.ports.SampleMirror.entitlement;
import static dev.sqlfeed.ports.SampleMirror.grant;
import static dev.sqlfeed.ports.SampleMirror.ref;
import static dev.sqlfeed.ports.SampleMirror.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.error.StoreException;
import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.mirror.Entitlement;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.MirrorRecord;
import dev.sqlfeed.domain.mirror.Resource;
import dev.sqlfeed.domain.mirror.ResourceRef;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the {@link EventLog} of every {@link SyncStore} must do. Subclasses say how to open a new,
 * empty store; each test gets its own.
 */
public abstract class EventLogContract extends StoreContract {
  protected static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123456789Z");
  protected static final String HR = "hr";
  protected static final String SOURCE = "team.grants.0.changes";

  /** Seeds the random pages of {@link #randomPagesLeaveTheMirrorThatChangesAppliedOneByOneDo}. */
  protected static final long SEED = 20261125L;

  @Test
  void newEventsGetGapFreeSeqsFromOneAndComeBackAsWritten() {
    List<SourceEvent> page =
        List.of(
            created("g1", grant("team", "ops", "member", "1")),
            changed("r1", resource("team", "ops")),
            revoked("g2", grant("team", "ops", "member", "2")));
    Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);

    PageWriteResult result = store.writePage(HR, page, Optional.empty());

    Instant after = Instant.now();
    assertThat(result).isEqualTo(new PageWriteResult(3, 0, 3));
    List<StoredEvent> events = store.events(Optional.empty(), 0, 100);
    assertThat(events).extracting(StoredEvent::seq).containsExactly(1L, 2L, 3L);
    assertThat(events).extracting(StoredEvent::event).containsExactlyElementsOf(feedEvents(page));
    assertThat(events).extracting(StoredEvent::app).containsOnly(HR);
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.observedAt()).isBetween(before, after);
              assertThat(e.observedAt().getNano() % 1_000).isZero();
            });
    assertThat(store.writePage(HR, List.of(changed("r2", resource("team", "dev"))), none()))
        .isEqualTo(new PageWriteResult(1, 0, 4));
  }

  @Test
  void everyFieldOfEveryKindRoundTripsExactly() {
    String bigIds = "grant:group:9007199254740993:2026-11-25T10:00:00.123456Z:18446744073709551617";
    List<FeedEvent> events =
        List.of(
            new FeedEvent.GrantCreated(
                bigIds,
                SOURCE,
                ref("group", "9007199254740993"),
                "member",
                ref("user", "18446744073709551617"),
                T0),
            new FeedEvent.GrantRevoked(
                "revoke:gröup:Zoë 😀 日本:1969-12-31T23:59:59.999999999Z:-1",
                "group.grants.0.revokes",
                ref("gröup", "Zoë 😀 日本"),
                "mémber",
                ref("usér", "a "),
                Instant.parse("1969-12-31T23:59:59.999999999Z")),
            new FeedEvent.ResourceChanged(
                "resource:user:" + "x".repeat(600),
                "user",
                ref("user", "\"quoted\" \\ back\nslash"),
                Instant.parse("9999-12-31T23:59:59.999999999Z")),
            new FeedEvent.ResourceChanged(
                "resource:user:1:2026-11-25T10:00:00Z:1",
                "user",
                ref("user", "1"),
                Instant.parse("2026-11-25T10:00:00Z")));
    List<SourceEvent> page = events.stream().map(e -> new SourceEvent(e, List.of())).toList();

    store.writePage(HR, page, none());

    assertThat(store.events(Optional.of(HR), 0, 10))
        .extracting(StoredEvent::event)
        .containsExactlyElementsOf(events);
  }

  @Test
  void idsAreComparedExactlyHoweverLongTheyAre() {
    String longId = "grant:team:" + "7".repeat(600) + ":2026-11-25T10:00:00Z:";
    List<SourceEvent> page =
        List.of(
            created(longId + "1", grant("team", "ops", "member", "1")),
            created(longId + "2", grant("team", "ops", "member", "2")),
            created("a", grant("team", "ops", "member", "3")),
            created("A", grant("team", "ops", "member", "4")),
            created("a ", grant("team", "ops", "member", "5")),
            created("å", grant("team", "ops", "member", "6")));

    assertThat(store.writePage(HR, page, none())).isEqualTo(new PageWriteResult(6, 0, 6));
    assertThat(store.writePage(HR, page, none())).isEqualTo(new PageWriteResult(0, 6, 6));
    assertThat(store.events(Optional.empty(), 0, 10))
        .extracting(e -> e.event().id())
        .containsExactly(longId + "1", longId + "2", "a", "A", "a ", "å");
  }

  @Test
  void aDuplicateIsDroppedAndItsChangesAreNotAppliedAgain() {
    Grant g = grant("team", "ops", "member", "1");
    store.writePage(HR, List.of(created("created-1", g)), none());
    store.writePage(HR, List.of(revoked("revoked-1", g)), none());

    PageWriteResult again = store.writePage(HR, List.of(created("created-1", g)), none());

    assertThat(again).isEqualTo(new PageWriteResult(0, 1, 2));
    assertThat(export(HR)).isEmpty();
    assertThat(store.events(Optional.empty(), 0, 10)).hasSize(2);
  }

  @Test
  void aDuplicateWithinOnePageIsDroppedToo() {
    Grant g = grant("team", "ops", "member", "1");

    PageWriteResult result =
        store.writePage(
            HR,
            List.of(created("created-1", g), revoked("revoked-1", g), created("created-1", g)),
            none());

    assertThat(result).isEqualTo(new PageWriteResult(2, 1, 2));
    assertThat(export(HR)).isEmpty();
  }

  @Test
  void aResourceReReadInAnotherStateIsRestatedUnderACountedId_andTheSameStateAgainIsDropped() {
    Resource a = resource("team", "ops", "A");
    Resource b = resource("team", "ops", "B");
    store.writePage(HR, List.of(changed("r", a)), none());

    assertThat(store.writePage(HR, List.of(changed("r", a)), none()))
        .isEqualTo(new PageWriteResult(0, 1, 1));
    assertThat(store.writePage(HR, List.of(changed("r", b), changed("r", a)), none()))
        .isEqualTo(new PageWriteResult(2, 0, 3));
    assertThat(store.writePage(HR, List.of(changed("r", b), changed("r", b)), none()))
        .isEqualTo(new PageWriteResult(1, 1, 4));

    assertThat(store.events(Optional.empty(), 0, 10))
        .extracting(e -> e.event().id())
        .containsExactly("r", "r:again:1", "r:again:2", "r:again:3");
    assertThat(store.events(Optional.empty(), 0, 10).get(3).event())
        .isEqualTo(new FeedEvent.ResourceChanged("r:again:3", "team", ref("team", "ops"), T0));
    assertThat(export(HR)).containsExactly(line(b));
  }

  @Test
  void aRowThatLeavesAndRejoinsWithinOneTick_isRestatedEachTime() {
    Grant g = grant("team", "ops", "member", "1");
    String join = "grant:team:ops:1:2026-12-04T00:00:00Z:m1";
    String leave = "revoke:team:ops:1:2026-12-04T00:00:00Z:m1";
    store.writePage(HR, List.of(created(join, g), revoked(leave, g)), none());

    assertThat(store.writePage(HR, List.of(created(join, g)), none()))
        .isEqualTo(new PageWriteResult(1, 0, 3));
    assertThat(export(HR)).containsExactly(line(g));
    assertThat(store.writePage(HR, List.of(created(join, g), revoked(leave, g)), none()))
        .isEqualTo(new PageWriteResult(1, 1, 4));
    assertThat(export(HR)).isEmpty();
    assertThat(store.writePage(HR, List.of(revoked(leave, g), created(join, g)), none()))
        .isEqualTo(new PageWriteResult(1, 1, 5));

    assertThat(export(HR)).containsExactly(line(g));
    assertThat(store.events(Optional.empty(), 0, 10))
        .extracting(e -> e.event().id())
        .containsExactly(join, leave, join + ":again:1", leave + ":again:1", join + ":again:2");
  }

  @Test
  void joinLeaveAndRejoinInOnePage_restatesTheRejoin() {
    Grant g = grant("team", "ops", "member", "1");
    String join = "grant:team:ops:1:2026-12-04T00:00:00Z:m1";
    String leave = "revoke:team:ops:1:2026-12-04T00:00:00Z:m1";

    PageWriteResult result =
        store.writePage(HR, List.of(created(join, g), revoked(leave, g), created(join, g)), none());

    assertThat(result).isEqualTo(new PageWriteResult(3, 0, 3));
    assertThat(export(HR)).containsExactly(line(g));
  }

  @Test
  void aRevokeReReadAfterAnotherRowGrantedTheSameGrant_isDropped() {
    Grant g = grant("team", "ops", "member", "1");
    String m1Join = "grant:team:ops:1:2026-12-04T00:00:00Z:m1";
    String m1Leave = "revoke:team:ops:1:2026-12-04T00:00:00Z:m1";
    String m1LeaveLater = "revoke:team:ops:1:2026-12-05T00:00:00Z:m1";
    String m2Join = "grant:team:ops:1:2026-12-06T00:00:00Z:m2";
    store.writePage(HR, List.of(created(m1Join, g), revoked(m1Leave, g)), none());
    store.writePage(HR, List.of(revoked(m1LeaveLater, g), created(m2Join, g)), none());

    PageWriteResult reRead =
        store.writePage(HR, List.of(revoked(m1Leave, g), revoked(m1LeaveLater, g)), none());

    assertThat(reRead).isEqualTo(new PageWriteResult(0, 2, 4));
    assertThat(export(HR)).containsExactly(line(g));
  }

  @Test
  void aResourceDeletedEventIsNeverRestated() {
    Resource ops = resource("team", "ops");
    SourceEvent deleted =
        new SourceEvent(
            new FeedEvent.ResourceDeleted("gone", "event_feeds.audit", ops.resource(), T0),
            List.of(new MirrorChange.DeleteResource(ops.resource())));
    store.writePage(HR, List.of(deleted, changed("back", ops)), none());

    assertThat(store.writePage(HR, List.of(deleted), none()))
        .isEqualTo(new PageWriteResult(0, 1, 2));
    assertThat(export(HR)).containsExactly(line(ops));
  }

  @Test
  void deletedFromMirror_namesTheResourcesTheMirrorLacksAndTheLogHasResourceEventsAbout() {
    Grant onQa = grant("team", "qa", "member", "1");
    store.writePage(
        HR,
        List.of(
            changed("ops", resource("team", "ops")),
            changed("dev", resource("team", "dev")),
            event("dev-gone", new MirrorChange.DeleteResource(ref("team", "dev"))),
            created("qa-grant", onQa)),
        none());
    store.writePage(
        "crm",
        List.of(
            changed("x", resource("team", "x")),
            event("x-gone", new MirrorChange.DeleteResource(ref("team", "x")))),
        none());

    assertThat(
            store.deletedFromMirror(
                HR,
                List.of(
                    ref("team", "ops"),
                    ref("team", "dev"),
                    ref("team", "qa"),
                    ref("team", "x"),
                    ref("team", "new"),
                    ref("team", "dev"))))
        .containsExactly(ref("team", "dev"));
    assertThat(store.deletedFromMirror("crm", List.of(ref("team", "x"))))
        .containsExactly(ref("team", "x"));
    assertThat(store.deletedFromMirror(HR, List.of())).isEmpty();
  }

  @Test
  void grantsInMirror_givesTheGrantsOnEachResourceTheMirrorHoldsOrHoldsGrantsOn() {
    Grant a = grant("team", "ops", "member", "1");
    Grant b = grant("team", "ops", "admin", "2");
    Grant onDev = grant("team", "dev", "member", "1");
    store.writePage(
        HR,
        List.of(
            changed("ops", resource("team", "ops")),
            changed("qa", resource("team", "qa")),
            created("a", a),
            created("b", b),
            created("dev-grant", onDev)),
        none());
    store.writePage("crm", List.of(changed("ops", resource("team", "ops"))), none());

    assertThat(
            store.grantsInMirror(
                HR,
                List.of(
                    ref("team", "ops"), ref("team", "qa"), ref("team", "dev"), ref("team", "new"))))
        .isEqualTo(
            Map.of(
                ref("team", "ops"),
                Set.of(a, b),
                ref("team", "qa"),
                Set.of(),
                ref("team", "dev"),
                Set.of(onDev)));
    assertThat(store.grantsInMirror("crm", List.of(ref("team", "ops"))))
        .isEqualTo(Map.of(ref("team", "ops"), Set.of()));
    assertThat(store.grantsInMirror(HR, List.of())).isEmpty();
  }

  @Test
  void grantChecks_areOwedAndSettledWithTheirPage_dueByTheirSourceAndTime() {
    GrantCheck qa = check("team.grants.0.changes", "qa", "resource:team:qa:1", T0);
    GrantCheck dev =
        check("team.grants.0.changes", "dev", "resource:team:dev:1", T0.plusSeconds(5));
    GrantCheck other = check("team.grants.1.changes", "qa", "resource:team:qa:1", T0);
    store.writePage(
        HR,
        List.of(changed("qa", resource("team", "qa"))),
        none(),
        new GrantChecks(List.of(qa, dev, other), List.of()));
    store.writePage("crm", List.of(), none(), new GrantChecks(List.of(qa), List.of()));

    assertThat(store.grantChecksDue(HR, "team.grants.0.changes", T0.minusNanos(1), 10)).isEmpty();
    assertThat(store.grantChecksDue(HR, "team.grants.0.changes", T0, 10)).containsExactly(qa);
    assertThat(store.grantChecksDue(HR, "team.grants.0.changes", T0.plusSeconds(9), 10))
        .containsExactly(qa, dev);
    assertThat(store.grantChecksDue(HR, "team.grants.0.changes", T0.plusSeconds(9), 1))
        .containsExactly(qa);
    assertThat(store.grantChecksDue(HR, "team.grants.1.changes", T0.plusSeconds(9), 10))
        .containsExactly(other);

    // Owed again (a later event): replaces the check; settling the older one leaves the newer.
    GrantCheck again =
        check("team.grants.0.changes", "qa", "resource:team:qa:2", T0.plusSeconds(7));
    store.writePage(HR, List.of(), none(), new GrantChecks(List.of(again), List.of()));
    store.writePage(HR, List.of(), none(), new GrantChecks(List.of(), List.of(qa, dev)));
    assertThat(store.grantChecksDue(HR, "team.grants.0.changes", T0.plusSeconds(9), 10))
        .containsExactly(again);
    assertThat(store.grantChecksDue("crm", "team.grants.0.changes", T0, 10)).containsExactly(qa);

    // A page refused settles none of its checks.
    assertThatThrownBy(
            () ->
                store.writePage(
                    HR,
                    List.of(event("", new MirrorChange.DeleteResource(ref("team", "qa")))),
                    none(),
                    new GrantChecks(List.of(), List.of(again))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.grantChecksDue(HR, "team.grants.0.changes", T0.plusSeconds(9), 10))
        .containsExactly(again);
  }

  @Test
  void resourcesInMirror_givesTheResourcesTheMirrorHoldsAsItHoldsThem() {
    Resource ops = resource("team", "ops");
    store.writePage(
        HR,
        List.of(
            changed("ops", ops),
            changed("dev", resource("team", "dev")),
            event("dev-gone", new MirrorChange.DeleteResource(ref("team", "dev")))),
        none());

    assertThat(
            store.resourcesInMirror(
                HR, List.of(ref("team", "ops"), ref("team", "dev"), ref("team", "new"))))
        .isEqualTo(Map.of(ref("team", "ops"), ops));
    assertThat(store.resourcesInMirror("crm", List.of(ref("team", "ops")))).isEmpty();
    assertThat(store.resourcesInMirror(HR, List.of())).isEmpty();
  }

  private static GrantCheck check(String source, String team, String eventId, Instant due) {
    return new GrantCheck(source, ref("team", team), eventId, T0.minusSeconds(60), due);
  }

  @Test
  void aRestoreOfAGrantTheMirrorHolds_isDropped_evenWhenTheGrantCameEarlierInThePage() {
    Grant held = grant("team", "ops", "member", "1");
    Grant inPage = grant("team", "ops", "member", "2");
    Grant lacking = grant("team", "ops", "member", "3");
    store.writePage(
        HR, List.of(changed("ops", resource("team", "ops")), created("g1", held)), none());

    PageWriteResult result =
        store.writePage(
            HR,
            List.of(
                created("g2", inPage),
                created("restore:ops:1", held),
                created("restore:ops:2", inPage),
                created("restore:ops:3", lacking)),
            none());

    assertThat(result.appended()).isEqualTo(2);
    assertThat(result.duplicates()).isEqualTo(2);
    assertThat(ids(HR)).containsExactly("ops", "g1", "g2", "restore:ops:3");
  }

  @Test
  void aGrantCreatedThatARestoreDelivered_isDropped_untilTheGrantIsRevoked() {
    Grant restored = grant("team", "ops", "member", "1");
    Grant inPage = grant("team", "ops", "member", "2");
    store.writePage(
        HR,
        List.of(changed("ops", resource("team", "ops")), created("restore:ops:1", restored)),
        none());

    store.writePage(
        HR,
        List.of(
            created("g1", restored),
            created("restore:ops:2", inPage),
            created("g2", inPage),
            revoked("r2", inPage),
            created("g2-again", inPage)),
        none());
    // A deletion of the resource drops the grant without a grant event: a re-read of its row
    // (whose id the log lacks, since it was dropped) is still the delivered state.
    store.writePage(
        HR,
        List.of(event("ops-gone", new MirrorChange.DeleteResource(ref("team", "ops")))),
        none());
    store.writePage(HR, List.of(created("g1", restored)), none());
    store.writePage(HR, List.of(revoked("r1", restored), created("g1-again", restored)), none());
    store.writePage("crm", List.of(created("g1", restored)), none());

    assertThat(ids(HR))
        .containsExactly(
            "ops",
            "restore:ops:1",
            "restore:ops:2",
            "r2",
            "g2-again",
            "ops-gone",
            "r1",
            "g1-again");
    assertThat(ids("crm")).containsExactly("g1");
  }

  @Test
  void aGrantCreatedAfterTheRestoredGrantLeftTheMirror_isAppended() {
    Grant restored = grant("team", "ops", "member", "1");
    store.writePage(
        HR,
        List.of(changed("ops", resource("team", "ops")), created("restore:ops:1", restored)),
        none());
    // Reconciled away with its resource: no grant event says so.
    store.writePage(
        HR,
        List.of(event("ops-gone", new MirrorChange.DeleteResource(ref("team", "ops")))),
        none());

    store.writePage(HR, List.of(created("g1-new-row", restored)), none());

    assertThat(ids(HR)).containsExactly("ops", "restore:ops:1", "ops-gone", "g1-new-row");
    assertThat(export(HR)).containsExactly(line(restored));
  }

  @Test
  void heldIds_namesTheIdsTheAppsLogHas_asAppended_notOtherApps() {
    Grant g = grant("team", "ops", "member", "1");
    store.writePage(HR, List.of(created("g", g), changed("r", resource("team", "ops"))), none());
    // Re-read with changes that change the mirror: restated as r:again:1.
    store.writePage(
        HR, List.of(event("r", new MirrorChange.DeleteResource(ref("team", "ops")))), none());
    store.writePage("crm", List.of(created("only-crm", g)), none());

    assertThat(
            store.heldIds(HR, List.of("g", "r", "r:again:1", "r:again:2", "only-crm", "new", "g")))
        .containsExactlyInAnyOrder("g", "r", "r:again:1");
    assertThat(store.heldIds("crm", List.of("g", "only-crm"))).containsExactly("only-crm");
    assertThat(store.heldIds("nobody", List.of("g"))).isEmpty();
    assertThat(store.heldIds(HR, List.of())).isEmpty();
  }

  @Test
  void heldIds_answersForManyIdsAtOnce() {
    List<SourceEvent> page = new ArrayList<>();
    List<String> asked = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      if (i % 3 == 0) {
        page.add(created("m" + i, grant("team", "ops", "member", "" + i)));
      }
      asked.add("m" + i);
    }
    store.writePage(HR, page, none());

    assertThat(store.heldIds(HR, asked))
        .hasSize(page.size())
        .allSatisfy(id -> assertThat(Integer.parseInt(id.substring(1)) % 3).isZero());
  }

  @Test
  void eventIdsAreUniquePerAppNotAcrossApps() {
    Grant g = grant("team", "ops", "member", "1");
    store.writePage(HR, List.of(created("created-1", g)), none());

    PageWriteResult other = store.writePage("crm", List.of(created("created-1", g)), none());

    assertThat(other).isEqualTo(new PageWriteResult(1, 0, 2));
    assertThat(export("crm")).containsExactly(line(g));
  }

  @Test
  void eachChangeActsOnTheMirrorByKey() {
    sync(
        HR,
        List.of(
            resource("team", "ops"),
            resource("team", "dev"),
            resource("user", "1"),
            entitlement("team", "ops", "member"),
            entitlement("team", "ops", "admin"),
            entitlement("team", "dev", "member"),
            grant("team", "ops", "member", "1"),
            grant("team", "ops", "admin", "2"),
            grant("team", "dev", "member", "1"),
            new Grant(ref("role", "r"), "holder", ref("team", "dev"))));
    sync("crm", List.of(resource("team", "ops"), grant("team", "ops", "member", "1")));
    Resource renamed = resource("team", "ops", "Operations");
    Entitlement member =
        new Entitlement(ref("team", "ops"), "member", "Ops member", null, null, List.of("user"));

    store.writePage(
        HR,
        List.of(
            event("put-ops", new MirrorChange.PutResource(renamed, List.of(member))),
            event("delete-dev", new MirrorChange.DeleteResource(ref("team", "dev"))),
            event("put-again", new MirrorChange.PutGrant(grant("team", "ops", "member", "1"))),
            event("put-new", new MirrorChange.PutGrant(grant("team", "ops", "member", "3"))),
            event("delete-none", new MirrorChange.DeleteGrant(grant("team", "ops", "x", "9"))),
            event("delete-one", new MirrorChange.DeleteGrant(grant("team", "ops", "admin", "2"))),
            event("new-user", new MirrorChange.PutResource(resource("user", "3"), List.of()))),
        none());

    assertThat(export(HR))
        .containsExactly(
            line(renamed),
            line(resource("user", "1")),
            line(resource("user", "3")),
            line(member),
            line(new Grant(ref("role", "r"), "holder", ref("team", "dev"))),
            line(grant("team", "ops", "member", "1")),
            line(grant("team", "ops", "member", "3")));
    assertThat(export("crm"))
        .containsExactly(line(resource("team", "ops")), line(grant("team", "ops", "member", "1")));
  }

  @Test
  void theChangesOfOnePageApplyInPageOrder() {
    sync(
        HR,
        List.of(
            resource("team", "ops"),
            grant("team", "ops", "member", "old"),
            resource("team", "dev"),
            entitlement("team", "dev", "member")));
    Entitlement first = entitlement("team", "dev", "admin");
    Entitlement last = entitlement("team", "dev", "owner");

    store.writePage(
        HR,
        List.of(
            event("1", new MirrorChange.PutGrant(grant("team", "ops", "member", "a"))),
            event(
                "2",
                new MirrorChange.DeleteResource(ref("team", "ops")),
                new MirrorChange.PutGrant(grant("team", "ops", "member", "b"))),
            event("3", new MirrorChange.PutResource(resource("team", "ops", "Back"), List.of())),
            event("4", new MirrorChange.DeleteGrant(grant("team", "ops", "member", "c"))),
            event("5", new MirrorChange.PutGrant(grant("team", "ops", "member", "c"))),
            event("6", new MirrorChange.PutGrant(grant("team", "ops", "member", "d"))),
            event("7", new MirrorChange.DeleteGrant(grant("team", "ops", "member", "d"))),
            event(
                "8", new MirrorChange.PutResource(resource("team", "dev", "One"), List.of(first))),
            event("9", new MirrorChange.PutResource(resource("team", "dev", "Two"), List.of(last))),
            event("10", new MirrorChange.PutResource(resource("user", "gone"), List.of())),
            event("11", new MirrorChange.DeleteResource(ref("user", "gone")))),
        none());

    assertThat(export(HR))
        .containsExactly(
            line(resource("team", "dev", "Two")),
            line(resource("team", "ops", "Back")),
            line(last),
            line(grant("team", "ops", "member", "b")),
            line(grant("team", "ops", "member", "c")));
  }

  @Test
  void pagesBuildTheMirrorOfAnAppThatHadNoFullSync() {
    store.writePage(HR, List.of(created("c1", grant("team", "ops", "member", "1"))), none());

    assertThat(export(HR)).containsExactly(line(grant("team", "ops", "member", "1")));
    assertThat(store.apps()).isEmpty();
  }

  @Test
  void randomPagesLeaveTheMirrorThatChangesAppliedOneByOneDo() {
    SplittableRandom random = new SplittableRandom(SEED);
    try (SyncStore reference = new InMemorySyncStore()) {
      List<MirrorRecord> start = List.of(resource("team", "1"), grant("team", "1", "member", "1"));
      sync(HR, start);
      sync(reference, HR, start);
      for (int page = 0; page < 40; page++) {
        List<SourceEvent> events = new ArrayList<>();
        int size = 1 + random.nextInt(30);
        for (int i = 0; i < size; i++) {
          List<MirrorChange> changes = new ArrayList<>();
          int count = 1 + random.nextInt(3);
          for (int c = 0; c < count; c++) {
            changes.add(randomChange(random));
          }
          events.add(event("e" + random.nextInt(400), changes.toArray(MirrorChange[]::new)));
        }

        PageWriteResult expected = reference.writePage(HR, events, none());
        PageWriteResult actual = store.writePage(HR, events, none());

        assertThat(actual).as("page %d, seed %d", page, SEED).isEqualTo(expected);
        assertThat(export(HR)).as("page %d, seed %d", page, SEED).isEqualTo(export(reference, HR));
      }
    }
  }

  @Test
  void aCheckpointIsWrittenWithItsPageAndReplacedByTheNext() {
    assertThat(store.checkpoint(HR, SOURCE)).isEmpty();
    Checkpoint first = new Checkpoint(HR, SOURCE, T0, T0.plusSeconds(1));
    Checkpoint second = new Checkpoint(HR, SOURCE, T0.plusNanos(1), T0.plusSeconds(2));
    Checkpoint other = new Checkpoint(HR, "user", T0.minusSeconds(60), T0.plusSeconds(3));

    store.writePage(
        HR, List.of(created("c1", grant("team", "ops", "member", "1"))), Optional.of(first));
    assertThat(store.checkpoint(HR, SOURCE))
        .contains(new Checkpoint(HR, SOURCE, T0, T0.plusSeconds(1).truncatedTo(ChronoUnit.MICROS)));
    store.writePage(HR, List.of(), Optional.of(second));
    store.writePage(HR, List.of(), Optional.of(other));
    store.writePage(HR, List.of(created("c2", grant("team", "ops", "member", "2"))), none());

    assertThat(store.checkpoint(HR, SOURCE))
        .contains(
            new Checkpoint(
                HR, SOURCE, T0.plusNanos(1), T0.plusSeconds(2).truncatedTo(ChronoUnit.MICROS)));
    assertThat(store.checkpoint(HR, "user")).contains(micros(other));
    assertThat(store.checkpoint("crm", SOURCE)).isEmpty();
    assertThat(store.checkpoint(HR, "team")).isEmpty();
  }

  @Test
  void anEmptyPageAppendsNothing() {
    store.writePage(HR, List.of(created("c1", grant("team", "ops", "member", "1"))), none());

    assertThat(store.writePage(HR, List.of(), none())).isEqualTo(new PageWriteResult(0, 0, 1));
    assertThat(store.writePage("crm", List.of(), none())).isEqualTo(new PageWriteResult(0, 0, 1));
  }

  @Test
  void aPageThatCannotBeStoredChangesNothing() {
    Checkpoint committed = new Checkpoint(HR, SOURCE, T0, T0.truncatedTo(ChronoUnit.MICROS));
    store.writePage(
        HR, List.of(created("c1", grant("team", "ops", "member", "1"))), Optional.of(committed));
    List<String> mirror = export(HR);
    String tooLongId = "9".repeat(MirrorKeyLimits.ID + 1);
    String tooLongName = "n".repeat(MirrorKeyLimits.NAME + 1);
    List<SourceEvent> bad =
        List.of(
            created("bad-principal", grant("team", "ops", "member", tooLongId)),
            event(
                "bad-entitlement",
                new MirrorChange.PutResource(
                    resource("team", "ops"), List.of(entitlement("team", "ops", tooLongName)))),
            event("bad-delete", new MirrorChange.DeleteResource(ref(tooLongName, "1"))),
            new SourceEvent(
                new FeedEvent.ResourceChanged("bad-source", "s".repeat(256), ref("user", "1"), T0),
                List.of()));

    for (SourceEvent failing : bad) {
      List<SourceEvent> page =
          List.of(
              created("c2", grant("team", "ops", "member", "2")),
              changed("r1", resource("team", "dev")),
              failing,
              revoked("r2", grant("team", "ops", "member", "1")));
      assertThatThrownBy(
              () ->
                  store.writePage(
                      HR, page, Optional.of(new Checkpoint(HR, SOURCE, T0.plusSeconds(9), T0))))
          .as(failing.event().id())
          .isInstanceOfSatisfying(
              StoreException.class,
              e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.QUERY_FAILED));
    }

    assertThat(store.events(Optional.empty(), 0, 10)).hasSize(1);
    assertThat(export(HR)).isEqualTo(mirror);
    assertThat(store.checkpoint(HR, SOURCE)).contains(committed);
    assertThat(store.writePage(HR, List.of(created("c2", grant("g", "1", "m", "2"))), none()))
        .isEqualTo(new PageWriteResult(1, 0, 2));
  }

  @Test
  void malformedPagesAreRefused() {
    Checkpoint ofAnotherApp = new Checkpoint("crm", SOURCE, T0, T0);
    FeedEvent withoutPrincipal =
        new FeedEvent.GrantCreated("g", SOURCE, ref("team", "ops"), "member", null, T0);
    Entitlement ofAnotherResource = entitlement("team", "dev", "member");

    assertThatThrownBy(() -> store.writePage(HR, List.of(), Optional.of(ofAnotherApp)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                store.writePage(HR, List.of(new SourceEvent(withoutPrincipal, List.of())), none()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                store.writePage(
                    HR,
                    List.of(
                        event(
                            "x",
                            new MirrorChange.PutResource(
                                resource("team", "ops"), List.of(ofAnotherResource)))),
                    none()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.events(Optional.empty(), 0, 10)).isEmpty();
    assertThat(store.checkpoint("crm", SOURCE)).isEmpty();
  }

  @Test
  void eventsArePagedByAfterSeqAndLimitAndFilteredByApp() {
    for (int i = 1; i <= 4; i++) {
      store.writePage(HR, List.of(changed("hr-" + i, resource("user", "" + i))), none());
      store.writePage("crm", List.of(changed("crm-" + i, resource("user", "" + i))), none());
    }

    assertThat(store.events(Optional.empty(), 0, 3))
        .extracting(StoredEvent::seq)
        .containsExactly(1L, 2L, 3L);
    assertThat(store.events(Optional.empty(), 3, 100))
        .extracting(StoredEvent::seq)
        .containsExactly(4L, 5L, 6L, 7L, 8L);
    assertThat(store.events(Optional.of("crm"), 0, 100))
        .extracting(e -> e.seq() + " " + e.event().id())
        .containsExactly("2 crm-1", "4 crm-2", "6 crm-3", "8 crm-4");
    assertThat(store.events(Optional.of(HR), 3, 2))
        .extracting(StoredEvent::seq)
        .containsExactly(5L, 7L);
    assertThat(store.events(Optional.empty(), -5, 1))
        .extracting(StoredEvent::seq)
        .containsExactly(1L);
    assertThat(store.events(Optional.empty(), 8, 10)).isEmpty();
    assertThat(store.events(Optional.empty(), 0, 0)).isEmpty();
    assertThat(store.events(Optional.of("nobody"), 0, 10)).isEmpty();
    assertThatThrownBy(() -> store.events(Optional.empty(), 0, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void concurrentWritersGetGapFreeSeqsAndEachIdOnce() throws Exception {
    int writers = 3;
    int pages = 200;
    int perPage = 5;
    CyclicBarrier start = new CyclicBarrier(writers);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<List<PageWriteResult>>> futures = new ArrayList<>();
    try {
      for (int w = 0; w < writers; w++) {
        // Writers 0 and 1 write the same ids to one app; writer 2 the same ids to another.
        String app = w < 2 ? HR : "crm";
        String source = "source-" + w;
        Callable<List<PageWriteResult>> writer =
            () -> {
              start.await();
              List<PageWriteResult> results = new ArrayList<>();
              for (int p = 0; p < pages; p++) {
                List<SourceEvent> page = new ArrayList<>();
                for (int k = 0; k < perPage; k++) {
                  int n = p + k;
                  page.add(created("grant:team:ops:" + n, grant("team", "ops", "m", "" + n)));
                }
                Checkpoint commit = new Checkpoint(app, source, T0.plusSeconds(p), T0);
                results.add(store.writePage(app, page, Optional.of(commit)));
              }
              return results;
            };
        futures.add(pool.submit(writer));
      }
      List<PageWriteResult> all = new ArrayList<>();
      for (Future<List<PageWriteResult>> future : futures) {
        List<PageWriteResult> results = future.get(280, TimeUnit.SECONDS);
        assertThat(results).extracting(PageWriteResult::lastSeq).isSorted();
        all.addAll(results);
      }

      int distinct = pages + perPage - 1;
      long total = 2L * distinct;
      assertThat(all.stream().mapToLong(PageWriteResult::appended).sum()).isEqualTo(total);
      assertThat(all.stream().mapToLong(PageWriteResult::duplicates).sum())
          .isEqualTo((long) writers * pages * perPage - total);
      List<StoredEvent> events = store.events(Optional.empty(), 0, 10_000);
      assertThat(events)
          .extracting(StoredEvent::seq)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
      for (String app : List.of(HR, "crm")) {
        List<String> ids =
            events.stream().filter(e -> e.app().equals(app)).map(e -> e.event().id()).toList();
        assertThat(ids).hasSize(distinct).doesNotHaveDuplicates();
        assertThat(export(app)).hasSize(distinct);
      }
      assertThat(store.checkpoint(HR, "source-1").map(Checkpoint::cursor))
          .contains(T0.plusSeconds(pages - 1));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFullSyncReplacesTheMirrorAndTheEventsStay() {
    store.writePage(
        HR,
        List.of(created("c1", grant("team", "ops", "member", "1"))),
        Optional.of(new Checkpoint(HR, SOURCE, T0, T0)));

    sync(HR, List.of(resource("team", "ops")));

    assertThat(export(HR)).containsExactly(line(resource("team", "ops")));
    assertThat(store.events(Optional.empty(), 0, 10)).hasSize(1);
    assertThat(store.checkpoint(HR, SOURCE)).isPresent();

    store.writePage(HR, List.of(created("c2", grant("team", "ops", "member", "2"))), none());

    assertThat(export(HR))
        .containsExactly(line(resource("team", "ops")), line(grant("team", "ops", "member", "2")));
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void fullSyncCommitsAndPagesOfTheSameAppTakeTurns() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Long> pages =
          pool.submit(
              () -> {
                long last = 0;
                for (int p = 0; p < 100; p++) {
                  List<SourceEvent> page = new ArrayList<>();
                  for (int k = 0; k < 20; k++) {
                    String id = p + "-" + k;
                    page.add(
                        event(
                            id,
                            new MirrorChange.PutResource(resource("team", "" + k), List.of()),
                            new MirrorChange.PutGrant(grant("team", "" + k, "member", id))));
                  }
                  last = store.writePage(HR, page, none()).lastSeq();
                }
                return last;
              });
      for (int s = 0; s < 5; s++) {
        sync(HR, SyncStoreContract.bigMirror("s" + s, 2_000));
      }

      // The first sync is a baseline; the later ones reconcile, with events of their own.
      long last = pages.get(280, TimeUnit.SECONDS);
      List<StoredEvent> all = store.events(Optional.empty(), 0, 1_000_000);
      assertThat(all)
          .extracting(StoredEvent::seq)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, all.size()).boxed().toList());
      assertThat(last).isLessThanOrEqualTo(all.size());
      assertThat(all).filteredOn(e -> e.event().source().equals("team")).hasSize(2_000);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aClosedStoreRefusesTheEventLog() {
    store.close();

    assertThatThrownBy(() -> store.writePage(HR, List.of(), none()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.events(Optional.empty(), 0, 1))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.checkpoint(HR, SOURCE))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.heldIds(HR, List.of("g")))
        .isInstanceOf(IllegalStateException.class);
  }

  private static MirrorChange randomChange(SplittableRandom random) {
    ResourceRef team = ref("team", "" + random.nextInt(4));
    Grant grant =
        new Grant(
            team,
            random.nextBoolean() ? "member" : "admin",
            ref(random.nextBoolean() ? "user" : "team", "" + random.nextInt(4)));
    return switch (random.nextInt(4)) {
      case 0 -> {
        List<Entitlement> entitlements = new ArrayList<>();
        for (String e : List.of("member", "admin", "owner")) {
          if (random.nextBoolean()) {
            entitlements.add(
                new Entitlement(team, e, e + random.nextInt(3), null, null, List.of()));
          }
        }
        yield new MirrorChange.PutResource(
            resource(team.resourceType(), team.resourceId(), "v" + random.nextInt(5)),
            entitlements);
      }
      case 1 -> new MirrorChange.DeleteResource(team);
      case 2 -> new MirrorChange.PutGrant(grant);
      default -> new MirrorChange.DeleteGrant(grant);
    };
  }

  // Fixtures: events of every kind with the changes a source would send along.

  protected static SourceEvent created(String id, Grant g) {
    return new SourceEvent(
        new FeedEvent.GrantCreated(id, SOURCE, g.resource(), g.entitlement(), g.principal(), T0),
        List.of(new MirrorChange.PutGrant(g)));
  }

  protected static SourceEvent revoked(String id, Grant g) {
    return new SourceEvent(
        new FeedEvent.GrantRevoked(
            id, "team.grants.0.revokes", g.resource(), g.entitlement(), g.principal(), T0),
        List.of(new MirrorChange.DeleteGrant(g)));
  }

  protected static SourceEvent changed(String id, Resource r) {
    return new SourceEvent(
        new FeedEvent.ResourceChanged(id, r.resource().resourceType(), r.resource(), T0),
        List.of(new MirrorChange.PutResource(r, List.of())));
  }

  /** A resource event that carries arbitrary changes. */
  protected static SourceEvent event(String id, MirrorChange... changes) {
    return new SourceEvent(
        new FeedEvent.ResourceChanged(id, "team", ref("team", "any"), T0), List.of(changes));
  }

  protected static Optional<Checkpoint> none() {
    return Optional.empty();
  }

  private static Checkpoint micros(Checkpoint c) {
    return new Checkpoint(
        c.app(), c.source(), c.cursor(), c.committedAt().truncatedTo(ChronoUnit.MICROS));
  }

  private static List<FeedEvent> feedEvents(List<SourceEvent> page) {
    return page.stream().map(SourceEvent::event).toList();
  }

  protected void sync(String app, List<? extends MirrorRecord> records) {
    sync(store, app, records);
  }

  private static void sync(SyncStore target, String app, List<? extends MirrorRecord> records) {
    try (FullSyncWrite write = target.beginFullSync(app, T0)) {
      write.put(records);
      write.commit(T0.plusSeconds(1));
    }
  }

  protected List<String> export(String app) {
    return export(store, app);
  }

  private List<String> ids(String app) {
    return store.events(Optional.of(app), 0, 1000).stream().map(e -> e.event().id()).toList();
  }

  private static List<String> export(SyncStore target, String app) {
    List<String> lines = new ArrayList<>();
    target.exportMirror(Optional.of(app), r -> lines.add(r.toJsonLine()));
    return lines;
  }

  protected static String line(MirrorRecord record) {
    return record.toJsonLine();
  }
}
