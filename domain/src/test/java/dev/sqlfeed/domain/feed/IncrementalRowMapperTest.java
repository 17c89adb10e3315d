package dev.sqlfeed.domain.feed;

import static dev.sqlfeed.domain.feed.FeedFixtures.cel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cel.common.values.NullValue;
import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.grant.GrantsQuery;
import dev.sqlfeed.domain.error.MappingException;
import dev.sqlfeed.domain.mirror.ResourceRef;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IncrementalRowMapperTest {
  private static final Instant T1 = Instant.parse("2026-11-25T10:00:00.5Z");

  private static Map<String, Object> row(Object... pairs) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      row.put((String) pairs[i], pairs[i + 1]);
    }
    return row;
  }

  private static Map<String, Object> membership(long id, String group, String user, boolean admin) {
    return row(
        "id",
        id,
        "group_id",
        group,
        "user_id",
        user,
        "admin",
        admin,
        "updated_at",
        T1,
        "deleted_at",
        T1);
  }

  @Test
  void resourceRow_becomesResourceChanged_withTheListMappingsIdByDefault() {
    FeedSource users = FeedFixtures.source(FeedFixtures.acme(), "user");

    MappedRow mapped =
        IncrementalRowMapper.map(users, row("id", 42L, "name", "Ada", "updated_at", T1));

    assertThat(mapped.events())
        .containsExactly(
            new FeedEvent.ResourceChanged(
                "resource:user:42:2026-11-25T10:00:00.5Z:42",
                "user",
                new ResourceRef("user", "42"),
                T1));
    assertThat(mapped.cursor()).isEqualTo(T1);
    assertThat(mapped.position()).contains(new KeysetPosition(T1, KeyValue.of(42L)));
  }

  @Test
  void resourceRow_usesIncrementalResourceId_whenGiven() {
    Config config =
        FeedFixtures.config(
            FeedFixtures.resourceType(
                "user",
                Optional.of(
                    FeedFixtures.userIncremental(
                        Optional.of(cel(".ext_id", "x.resource_id")), "id")),
                List.of()));
    FeedSource users = FeedFixtures.source(config, "user");

    MappedRow mapped =
        IncrementalRowMapper.map(users, row("id", 1L, "ext_id", "ext-99", "updated_at", T1));

    assertThat(mapped.events().get(0).resource()).isEqualTo(new ResourceRef("user", "ext-99"));
    assertThat(mapped.events().get(0).id())
        .isEqualTo("resource:user:ext-99:2026-11-25T10:00:00.5Z:1");
  }

  @Test
  void grantRow_yieldsOneGrantPerMapping_withDistinctIdsForTheSamePrincipal() {
    FeedSource changes = FeedFixtures.source(FeedFixtures.acme(), "group.grants.0.changes");

    MappedRow mapped = IncrementalRowMapper.map(changes, membership(7, "grp-1", "usr-1", true));

    ResourceRef group = new ResourceRef("group", "grp-1");
    ResourceRef user = new ResourceRef("user", "usr-1");
    assertThat(mapped.events())
        .containsExactly(
            new FeedEvent.GrantCreated(
                "grant:group:grp-1:usr-1:2026-11-25T10:00:00.5Z:7",
                "group.grants.0.changes",
                group,
                "member",
                user,
                T1),
            new FeedEvent.GrantCreated(
                "grant:group:grp-1:usr-1:2026-11-25T10:00:00.5Z:7:m1",
                "group.grants.0.changes",
                group,
                "admin",
                user,
                T1));
  }

  @Test
  void revokesRow_yieldsGrantRevoked_stampedWithTheRevokesCursorColumn() {
    FeedSource revokes = FeedFixtures.source(FeedFixtures.acme(), "group.grants.0.revokes");
    Instant deleted = Instant.parse("2026-11-26T00:00:00Z");
    Map<String, Object> row = membership(7, "grp-1", "usr-1", false);
    row.put("deleted_at", deleted);

    MappedRow mapped = IncrementalRowMapper.map(revokes, row);

    assertThat(mapped.events())
        .singleElement()
        .isEqualTo(
            new FeedEvent.GrantRevoked(
                "revoke:group:grp-1:usr-1:2026-11-26T00:00:00Z:7",
                "group.grants.0.revokes",
                new ResourceRef("group", "grp-1"),
                "member",
                new ResourceRef("user", "usr-1"),
                deleted));
    assertThat(mapped.cursor()).isEqualTo(deleted);
  }

  @Test
  void skippedMappings_yieldNothing_asInBatonSql() {
    FeedSource changes = FeedFixtures.source(FeedFixtures.acme(), "group.grants.0.changes");

    MappedRow notAdmin = IncrementalRowMapper.map(changes, membership(1, "g", "u", false));

    assertThat(notAdmin.events())
        .extracting(FeedEvent::id)
        .containsExactly("grant:group:g:u:2026-11-25T10:00:00.5Z:1");
  }

  @Test
  void aNullPrincipalId_isAnErrorNamingTheRowAndTheExpression_notADroppedGrant() {
    FeedSource changes = FeedFixtures.source(FeedFixtures.acme(), "group.grants.0.changes");
    Map<String, Object> noUser =
        row(
            "id",
            2L,
            "group_id",
            "g",
            "user_id",
            NullValue.NULL_VALUE,
            "admin",
            true,
            "updated_at",
            T1);

    assertThatThrownBy(() -> IncrementalRowMapper.map(changes, noUser))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("row id=2")
        .hasMessageContaining("resource_types.group.grants[0].map[0].principal_id (.user_id)")
        .hasMessageContaining("the principal id is empty");
  }

  @Test
  void grantMappings_seeAMinimalResource_withOnlyIdAndType() {
    Config config =
        FeedFixtures.config(
            FeedFixtures.resourceType(
                "group",
                Optional.empty(),
                List.of(
                    withMappings(
                        FeedFixtures.memberships(false, "id"),
                        FeedFixtures.mapping(
                            0,
                            null,
                            "resource.Type + '/' + resource.ID + '/' + resource.DisplayName"
                                + " + string(size(resource.profile))",
                            "'member'")))));
    FeedSource changes = FeedFixtures.source(config, "group.grants.0.changes");

    MappedRow mapped = IncrementalRowMapper.map(changes, membership(1, "grp-1", "u", false));

    assertThat(((FeedEvent.GrantCreated) mapped.events().get(0)).principal().resourceId())
        .isEqualTo("group/grp-1/0");
  }

  @Test
  void sameRowReadTwice_givesTheSameIds_soTheOverlapIsDropped() {
    FeedSource changes = FeedFixtures.source(FeedFixtures.acme(), "group.grants.0.changes");
    FeedSource users = FeedFixtures.source(FeedFixtures.acme(), "user");
    Map<String, Object> user = row("id", 9_007_199_254_740_993L, "updated_at", T1);

    assertThat(IncrementalRowMapper.map(changes, membership(7, "g", "u", true)))
        .isEqualTo(IncrementalRowMapper.map(changes, new HashMap<>(membership(7, "g", "u", true))));
    assertThat(IncrementalRowMapper.map(users, user).events().get(0).id())
        .isEqualTo(IncrementalRowMapper.map(users, Map.copyOf(user)).events().get(0).id())
        .isEqualTo("resource:user:9007199254740993:2026-11-25T10:00:00.5Z:9007199254740993");
  }

  @Test
  void aTextualCursor_isParsedAsATimestamp() {
    FeedSource users = FeedFixtures.source(FeedFixtures.acme(), "user");

    MappedRow mapped =
        IncrementalRowMapper.map(users, row("id", 1L, "updated_at", "2026-11-25 10:00:00.5"));

    assertThat(mapped.cursor()).isEqualTo(T1);
  }

  @Test
  void columnsAreFoundRegardlessOfCase_whenUnambiguous() {
    FeedSource users = FeedFixtures.source(FeedFixtures.acme(), "user");

    MappedRow mapped = IncrementalRowMapper.map(users, row("ID", 3L, "id", 3L, "UPDATED_AT", T1));

    assertThat(mapped.cursor()).isEqualTo(T1);
    assertThat(mapped.rowKey()).isEqualTo("3");
  }

  @Test
  void aNullCursor_failsNamingSourceRowAndColumn() {
    FeedSource users = FeedFixtures.source(FeedFixtures.acme(), "user");

    assertThatThrownBy(
            () ->
                IncrementalRowMapper.map(users, row("id", 7L, "updated_at", NullValue.NULL_VALUE)))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith("source user, row id=7: resource_types.user.incremental_sync.query")
        .hasMessageContaining("cursor column 'updated_at' is NULL");
  }

  @Test
  void aCursorThatIsNoTimestamp_failsNamingSourceRowAndColumn() {
    FeedSource users = FeedFixtures.source(FeedFixtures.acme(), "user");

    assertThatThrownBy(
            () -> IncrementalRowMapper.map(users, row("id", 7L, "updated_at", "not-a-timestamp")))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("source user, row id=7")
        .hasMessageContaining("'updated_at'")
        .hasMessageContaining("not-a-timestamp");
    assertThatThrownBy(() -> IncrementalRowMapper.map(users, row("id", 7L, "updated_at", 17L)))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("cursor column 'updated_at' holds 17 (an integer), not a timestamp");
    assertThatThrownBy(() -> IncrementalRowMapper.map(users, row("id", 7L)))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("cursor column 'updated_at' is not among the row's columns [id]");
  }

  @Test
  void aFailingExpression_namesTheSourceTheRowAndThePath() {
    FeedSource changes = FeedFixtures.source(FeedFixtures.acme(), "group.grants.0.changes");
    Map<String, Object> row = membership(5, "g", "u", true);
    row.remove("admin");

    assertThatThrownBy(() -> IncrementalRowMapper.map(changes, row))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith(
            "source group.grants.0.changes, row id=5: resource_types.group.grants[0].map[1].skip_if");
  }

  @Test
  void anEmptyResourceId_fails() {
    FeedSource changes = FeedFixtures.source(FeedFixtures.acme(), "group.grants.0.changes");
    Map<String, Object> row = membership(5, "g", "u", true);
    row.put("group_id", NullValue.NULL_VALUE);

    assertThatThrownBy(() -> IncrementalRowMapper.map(changes, row))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("the resource id is empty");
  }

  @Test
  void withoutAPrimaryKey_theRowKeyIsEmptyAndRowsAreNamedByTheirCursor() {
    Config config =
        FeedFixtures.config(
            FeedFixtures.resourceType(
                "user",
                Optional.of(FeedFixtures.userIncremental(Optional.empty(), "")),
                List.of()));
    FeedSource users = FeedFixtures.source(config, "user");

    MappedRow mapped = IncrementalRowMapper.map(users, row("id", 1L, "updated_at", T1));

    assertThat(mapped.events().get(0).id()).isEqualTo("resource:user:1:2026-11-25T10:00:00.5Z:");
    assertThat(mapped.position()).isEmpty();
    assertThatThrownBy(() -> IncrementalRowMapper.map(users, row("updated_at", T1)))
        .hasMessageStartingWith("source user, row updated_at=2026-11-25T10:00:00.5Z: ");
  }

  private static GrantsQuery withMappings(
      GrantsQuery q, dev.sqlfeed.domain.config.grant.GrantMapping... mappings) {
    return new GrantsQuery(
        q.query(),
        q.vars(),
        q.pagination(),
        List.of(mappings),
        q.scope(),
        q.incrementalSync(),
        q.path());
  }
}
