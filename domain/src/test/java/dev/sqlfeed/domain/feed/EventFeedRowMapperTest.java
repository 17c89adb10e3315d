package dev.sqlfeed.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.error.MappingException;
import dev.sqlfeed.domain.mirror.ResourceRef;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventFeedRowMapperTest {
  private static final Instant T1 = Instant.parse("2026-11-25T10:00:00.5Z");
  private static final String TS = "2026-11-25T10:00:00.5Z";

  /** user (with get), group (without get: resource_changed cannot refresh it), one feed. */
  private static FeedSource audit(boolean principals) {
    Config config =
        FeedFixtures.config(
            List.of(FeedFixtures.auditFeed(principals)),
            FeedFixtures.resourceType("user", Optional.empty(), List.of()),
            FeedFixtures.withoutGet(
                FeedFixtures.resourceType("group", Optional.empty(), List.of())));
    return FeedFixtures.source(config, "event_feeds.audit");
  }

  private static FeedSource audit() {
    return audit(true);
  }

  /** An audit row: id 7 at T1, not skipped. */
  private static Map<String, Object> row(String kind, String type, Object rid, Object pid) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", 7L);
    row.put("logged_at", T1);
    row.put("kind", kind);
    row.put("type", type);
    row.put("rid", rid);
    row.put("ent", "member");
    row.put("pid", pid);
    row.put("skip", false);
    return row;
  }

  private static MappedRow map(Map<String, Object> row) {
    return IncrementalRowMapper.map(audit(), row);
  }

  @Test
  void resourceChanged_namesTheRowsTypeAndId_withABatonSqlResourceId() {
    MappedRow mapped = map(row("resource_changed", "user", 42L, null));

    assertThat(mapped.events())
        .containsExactly(
            new FeedEvent.ResourceChanged(
                "resource:user:42:" + TS + ":7",
                "event_feeds.audit",
                new ResourceRef("user", "42"),
                T1));
    assertThat(mapped.position()).contains(new KeysetPosition(T1, KeyValue.of(7L)));
  }

  @Test
  void resourceDeleted_isItsOwnKind_withItsOwnIdPrefix() {
    MappedRow mapped = map(row("resource_deleted", "group", "ops", null));

    assertThat(mapped.events())
        .containsExactly(
            new FeedEvent.ResourceDeleted(
                "resource_deleted:group:ops:" + TS + ":7",
                "event_feeds.audit",
                new ResourceRef("group", "ops"),
                T1));
  }

  @Test
  void grantCreated_andGrantRevoked_carryEntitlementAndPrincipal_withTheFirstMappingsIds() {
    MappedRow created = map(row("grant_created", "group", "ops", 42L));
    MappedRow revoked = map(row("grant_revoked", "group", "ops", 42L));

    assertThat(created.events())
        .containsExactly(
            new FeedEvent.GrantCreated(
                "grant:group:ops:42:" + TS + ":7",
                "event_feeds.audit",
                new ResourceRef("group", "ops"),
                "member",
                new ResourceRef("user", "42"),
                T1));
    assertThat(revoked.events())
        .containsExactly(
            new FeedEvent.GrantRevoked(
                "revoke:group:ops:42:" + TS + ":7",
                "event_feeds.audit",
                new ResourceRef("group", "ops"),
                "member",
                new ResourceRef("user", "42"),
                T1));
  }

  @Test
  void aSkippedRow_yieldsNothing_butStillMovesThePosition_evenWithAnInvalidKind() {
    Map<String, Object> row = row("login", "nope", null, null);
    row.put("skip", true);

    MappedRow mapped = map(row);

    assertThat(mapped.events()).isEmpty();
    assertThat(mapped.position()).contains(new KeysetPosition(T1, KeyValue.of(7L)));
  }

  @Test
  void anUnknownResourceType_failsTheRow_namingFeedRowExpressionAndTheTypes() {
    assertThatThrownBy(() -> map(row("resource_changed", "usr", 42L, null)))
        .isInstanceOf(MappingException.class)
        .hasMessage(
            "source event_feeds.audit, row id=7: event_feeds.audit.map.resource_type (.type):"
                + " 'usr' is not a resource type of this config (resource types: user, group)");
  }

  @Test
  void aKindThatIsNoneOfTheFour_failsTheRow() {
    assertThatThrownBy(() -> map(row("resource_updated", "user", 42L, null)))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith(
            "source event_feeds.audit, row id=7: event_feeds.audit.map.kind (.kind):"
                + " 'resource_updated' is not an event kind (one of resource_changed,");
  }

  @Test
  void resourceChanged_forATypeWithoutGet_failsTheRow_butResourceDeletedDoesNot() {
    assertThatThrownBy(() -> map(row("resource_changed", "group", "ops", null)))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("row id=7")
        .hasMessageEndingWith(
            "resource type 'group' has no 'get' query, which re-reads the resource for a"
                + " resource_changed event");
    assertThat(map(row("resource_deleted", "group", "ops", null)).events()).hasSize(1);
  }

  @Test
  void emptyIds_failTheRow_ratherThanWritingAnEventAboutNobody() {
    assertThatThrownBy(() -> map(row("resource_changed", "user", null, null)))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("event_feeds.audit.map.resource_id")
        .hasMessageEndingWith("the resource id is empty (a NULL column?)");
    assertThatThrownBy(() -> map(row("grant_created", "group", "ops", "")))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("event_feeds.audit.map.principal_id")
        .hasMessageEndingWith("the principal id is empty (a NULL column?)");
    assertThatThrownBy(() -> map(row("grant_created", "", "ops", 42L)))
        .isInstanceOf(MappingException.class)
        .hasMessageEndingWith("the resource type is empty (a NULL column?)");
  }

  @Test
  void aGrantKind_whenTheMapHasNoPrincipalFields_failsTheRow_butResourceKindsDoNot() {
    FeedSource noPrincipals = audit(false);

    assertThatThrownBy(
            () -> IncrementalRowMapper.map(noPrincipals, row("grant_revoked", "group", "ops", 42L)))
        .isInstanceOf(MappingException.class)
        .hasMessage(
            "source event_feeds.audit, row id=7: event_feeds.audit.map: kind grant_revoked needs"
                + " 'entitlement', which the feed's map does not have");
    assertThat(
            IncrementalRowMapper.map(noPrincipals, row("resource_changed", "user", 1L, null))
                .events())
        .hasSize(1);
  }

  @Test
  void aRowWithoutItsCursor_failsAsForEverySource() {
    Map<String, Object> row = row("resource_changed", "user", 42L, null);
    row.remove("logged_at");

    assertThatThrownBy(() -> map(row))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith(
            "source event_feeds.audit, row id=7: event_feeds.audit.query: cursor column"
                + " 'logged_at' is not among the row's columns");
  }
}
