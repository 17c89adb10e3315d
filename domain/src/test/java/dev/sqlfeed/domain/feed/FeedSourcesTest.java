package dev.sqlfeed.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.SyncMode;
import dev.sqlfeed.domain.config.resource.ResourceType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedSourcesTest {
  @Test
  void sources_areListedInConfigOrder_withBatonSqlsSourcesUnderDottedKeys() {
    List<FeedSource> sources = FeedSources.of(FeedFixtures.acme());

    assertThat(sources)
        .extracting(FeedSource::key, FeedSource::kind, FeedSource::resourceTypeId)
        .containsExactly(
            tuple("user", FeedSource.Kind.RESOURCE, "user"),
            tuple("group.grants.0.changes", FeedSource.Kind.GRANT_CHANGES, "group"),
            tuple("group.grants.0.revokes", FeedSource.Kind.GRANT_REVOKES, "group"));
  }

  @Test
  void eachSource_carriesItsQueryCursorAndKeyColumns() {
    Config config = FeedFixtures.acme();
    FeedSource users = FeedFixtures.source(config, "user");
    FeedSource changes = FeedFixtures.source(config, "group.grants.0.changes");
    FeedSource revokes = FeedFixtures.source(config, "group.grants.0.revokes");

    assertThat(users.query().path()).isEqualTo("resource_types.user.incremental_sync.query");
    assertThat(users.cursorColumn()).isEqualTo("updated_at");
    assertThat(users.keyColumn()).isEqualTo("id");
    assertThat(users.resourceId().path()).isEqualTo("resource_types.user.list.map.id");
    assertThat(users.grants()).isEmpty();
    assertThat(users.mode()).isEqualTo(SyncMode.KEYSET);
    assertThat(users.readMode()).isEqualTo(FeedSource.ReadMode.KEYSET);
    assertThat(changes.query().path()).endsWith("incremental_sync.changes_query");
    assertThat(changes.cursorColumn()).isEqualTo("updated_at");
    assertThat(changes.mappings()).hasSize(2);
    assertThat(changes.resourceId().source()).isEqualTo(".group_id");
    assertThat(revokes.query().path()).endsWith("incremental_sync.revokes_query");
    assertThat(revokes.cursorColumn()).isEqualTo("deleted_at");
    assertThat(revokes.grants()).isEqualTo(changes.grants());
  }

  @Test
  void aKeysetSourceWithoutPrimaryKey_readsItsWholeWindowAsOnePage() {
    ResourceType users =
        FeedFixtures.resourceType(
            "user", Optional.of(FeedFixtures.userIncremental(Optional.empty(), "")), List.of());
    FeedSource source = FeedSources.of(FeedFixtures.config(users)).get(0);

    assertThat(source.keyed()).isFalse();
    assertThat(source.readMode()).isEqualTo(FeedSource.ReadMode.WHOLE_WINDOW);
  }

  @Test
  void grantsQueriesWithoutIncrementalSync_areNoSources_butKeepTheirIndex() {
    ResourceType group =
        FeedFixtures.resourceType(
            "group",
            Optional.empty(),
            List.of(
                FeedFixtures.withoutIncremental(FeedFixtures.memberships(false, "id")),
                FeedFixtures.memberships(false, "")));

    assertThat(FeedSources.of(FeedFixtures.config(group)))
        .extracting(FeedSource::key)
        .containsExactly("group.grants.1.changes");
  }

  @Test
  void workflowId_isSqlfeedAppAndKey() {
    assertThat(FeedSources.workflowId("acme", "group.grants.0.changes"))
        .isEqualTo("sqlfeed/acme/group.grants.0.changes");
    assertThat(FeedFixtures.source(FeedFixtures.acme(), "user").workflowId("acme"))
        .isEqualTo("sqlfeed/acme/user");
  }

  @Test
  void sharedEventFeeds_areListedAfterTheResourceTypesSources_underEventFeedsKeys() {
    Config config =
        FeedFixtures.config(
            List.of(FeedFixtures.auditFeed(true)),
            FeedFixtures.resourceType(
                "user",
                Optional.of(FeedFixtures.userIncremental(Optional.empty(), "id")),
                List.of()));

    List<FeedSource> sources = FeedSources.of(config);

    assertThat(sources)
        .extracting(FeedSource::key, FeedSource::kind, FeedSource::resourceTypeId)
        .containsExactly(
            tuple("user", FeedSource.Kind.RESOURCE, "user"),
            tuple("event_feeds.audit", FeedSource.Kind.EVENT_FEED, ""));
    FeedSource feed = sources.get(1);
    assertThat(feed.resourceType()).isEmpty();
    assertThat(feed.shared().orElseThrow().resourceTypes()).containsOnlyKeys("user");
    assertThat(feed.query().path()).isEqualTo("event_feeds.audit.query");
    assertThat(feed.cursorColumn()).isEqualTo("logged_at");
    assertThat(feed.keyColumn()).isEqualTo("id");
    assertThat(feed.readMode()).isEqualTo(FeedSource.ReadMode.KEYSET);
    assertThat(feed.resourceId().path()).isEqualTo("event_feeds.audit.map.resource_id");
    assertThat(feed.workflowId("acme")).isEqualTo("sqlfeed/acme/event_feeds.audit");
    assertThat(FeedSources.find(config, "event_feeds.audit")).contains(feed);
  }
}
