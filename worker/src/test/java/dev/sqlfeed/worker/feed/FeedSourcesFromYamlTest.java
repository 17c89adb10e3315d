package dev.sqlfeed.worker.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.SyncMode;
import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.feed.FeedSource;
import dev.sqlfeed.domain.feed.FeedSources;
import dev.sqlfeed.domain.feed.IncrementalRowMapper;
import dev.sqlfeed.worker.config.ConfigLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The feed's sources as a real config file describes them. */
class FeedSourcesFromYamlTest {
  // Alike on purpose to ConfigEventFeedsTest's BASE, ResourceRefresherTest's CONFIG, UsersYaml
  // and FullSyncTest's TEAMS_WITH_GRANTS: a user and a team type as every config writes them;
  // each test's config stands whole in it.
  private static final String YAML =
      """
      app_name: acme
      connect:
        dsn: "sqlite:acme.db"
      incremental_sync:
        default_lookback: 30m
        page_size: 500
      resource_types:
        user:
          name: User
          list:
            query: SELECT id, login FROM users
            map:
              id: ".id"
              display_name: ".login"
          get:
            query: SELECT id, login FROM users WHERE id = ?<id>
          incremental_sync:
            query: SELECT id, login, updated_at FROM users WHERE updated_at >= ?<since>
            cursor_column: updated_at
            pagination:
              primary_key: id
        role:
          name: Role
          list:
            query: SELECT slug, name FROM roles
            map:
              id: ".slug"
              display_name: ".name"
          get:
            query: SELECT slug, name FROM roles WHERE slug = ?<id>
          incremental_sync:
            query: >-
              SELECT slug, changed_at FROM roles WHERE changed_at > ?<since>
              ORDER BY slug LIMIT ?<Limit> OFFSET ?<Offset>
            cursor_column: changed_at
            resource_id: ".slug"
            pagination:
              strategy: offset
              primary_key: slug
        team:
          name: Team
          list:
            query: SELECT slug, name FROM teams
            map:
              id: ".slug"
              display_name: ".name"
          static_entitlements:
            - id: member
              display_name: "'member'"
              purpose: assignment
              grantable_to: [user]
          grants:
            - query: SELECT user_id FROM team_owners WHERE team_slug = ?<team>
              vars: {team: "resource.ID"}
              map:
                - principal_id: ".user_id"
                  principal_type: user
                  entitlement_id: owner
            - query: SELECT user_id FROM team_members WHERE team_slug = ?<team>
              vars: {team: "resource.ID"}
              map:
                - principal_id: ".user_id"
                  principal_type: user
                  entitlement_id: member
              incremental_sync:
                resource_id: ".team_slug"
                changes_query: SELECT id, team_slug, user_id, created_at FROM team_members WHERE created_at >= ?<since>
                changes_cursor_column: created_at
                revokes_query: SELECT id, team_slug, user_id, deleted_at FROM team_members WHERE deleted_at >= ?<since>
                revokes_cursor_column: deleted_at
                page_size: 50
                overlap: 5m
                pagination:
                  primary_key: id
      """;

  private static Config config() {
    return ConfigLoader.withEnvironment(Map.of()).load("acme.yml", YAML).config();
  }

  @Test
  void sourceKeys_nameTheResourceTypeAndTheIndexOfTheGrantsQuery() {
    assertThat(FeedSources.of(config()))
        .extracting(FeedSource::key, FeedSource::kind)
        .containsExactly(
            tuple("user", FeedSource.Kind.RESOURCE),
            tuple("role", FeedSource.Kind.RESOURCE),
            tuple("team.grants.1.changes", FeedSource.Kind.GRANT_CHANGES),
            tuple("team.grants.1.revokes", FeedSource.Kind.GRANT_REVOKES));
    assertThat(FeedSources.of(config()))
        .extracting(s -> s.workflowId("acme"))
        .containsExactly(
            "sqlfeed/acme/user",
            "sqlfeed/acme/role",
            "sqlfeed/acme/team.grants.1.changes",
            "sqlfeed/acme/team.grants.1.revokes");
  }

  @Test
  void aQueryThatPagesItself_runsInCompatMode_andTheOthersInKeysetMode() {
    Config config = config();

    assertThat(FeedSources.of(config))
        .extracting(FeedSource::key, FeedSource::mode, FeedSource::readMode)
        .containsExactly(
            tuple("user", SyncMode.KEYSET, FeedSource.ReadMode.KEYSET),
            tuple("role", SyncMode.COMPAT, FeedSource.ReadMode.COMPAT),
            tuple("team.grants.1.changes", SyncMode.KEYSET, FeedSource.ReadMode.KEYSET),
            tuple("team.grants.1.revokes", SyncMode.KEYSET, FeedSource.ReadMode.KEYSET));
  }

  @Test
  void eachSource_carriesItsResolvedSettingsAndColumns() {
    FeedSource users = FeedSources.find(config(), "user").orElseThrow();
    FeedSource revokes = FeedSources.find(config(), "team.grants.1.revokes").orElseThrow();

    assertThat(users.settings().pageSize()).isEqualTo(500);
    assertThat(users.settings().defaultLookback()).isEqualTo(Duration.ofMinutes(30));
    assertThat(users.keyColumn()).isEqualTo("id");
    assertThat(users.resourceId().source()).isEqualTo(".id");
    assertThat(revokes.settings().pageSize()).isEqualTo(50);
    assertThat(revokes.settings().overlap()).isEqualTo(Duration.ofMinutes(5));
    assertThat(revokes.settings().defaultLookback()).isEqualTo(Duration.ofMinutes(30));
    assertThat(revokes.cursorColumn()).isEqualTo("deleted_at");
    assertThat(revokes.keyColumn()).isEqualTo("id");
    assertThat(revokes.mappings()).hasSize(1);
  }

  @Test
  void aRevokesRow_mapsWithTheConfigsBareWordEntitlement() {
    FeedSource revokes = FeedSources.find(config(), "team.grants.1.revokes").orElseThrow();
    Instant deleted = Instant.parse("2026-11-25T10:00:00.25Z");

    List<FeedEvent> events =
        IncrementalRowMapper.map(
                revokes,
                Map.of(
                    "id",
                    9_007_199_254_740_993L,
                    "team_slug",
                    "ops",
                    "user_id",
                    42L,
                    "deleted_at",
                    deleted))
            .events();

    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.id())
                  .isEqualTo("revoke:team:ops:42:2026-11-25T10:00:00.25Z:9007199254740993");
              assertThat(((FeedEvent.GrantRevoked) e).entitlement()).isEqualTo("member");
            });
  }
}
