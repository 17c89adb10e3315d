package dev.sqlfeed.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.LoadedConfig;
import dev.sqlfeed.domain.config.SyncMode;
import dev.sqlfeed.domain.config.feed.EventFeed;
import dev.sqlfeed.domain.error.ConfigException;
import dev.sqlfeed.worker.temporal.SourcePacing;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code event_feeds} section as {@code validate} sees it: what binds, each error with its
 * position and path, and the warning about resource types that no incremental source covers. The
 * domain binds the section; these tests live here because the YAML parser does.
 */
class ConfigEventFeedsTest {
  /**
   * {@code user} has a get query, {@code team} has none and a grants query; the feed's kind and
   * resource type are not literals, so it may yield anything for either. Its {@code user} and
   * FeedSourcesFromYamlTest's (and ResourceRefresherTest's and UsersYaml's) are alike on purpose:
   * the errors below give line numbers to count here.
   */
  private static final String BASE =
      """
      app_name: Demo
      connect:
        dsn: "sqlite:demo.db"
      incremental_sync:
        page_size: 300
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
        team:
          name: Team
          list:
            query: SELECT slug FROM teams
            map:
              id: ".slug"
              display_name: ".slug"
          grants:
            - query: SELECT user_id FROM members WHERE team = ?<team>
              vars:
                team: resource.ID
              map:
                - principal_id: ".user_id"
                  principal_type: user
                  entitlement_id: member
      event_feeds:
        audit:
          query: SELECT id, at, what, uid, team FROM audit WHERE at >= ?<since>
          cursor_column: at
          primary_key: id
          poll_interval: 10s
          map:
            skip_if: ".what == 'login'"
            kind: ".what"
            resource_type: ".team == null ? 'user' : 'team'"
            resource_id: ".team == null ? .uid : .team"
            entitlement: member
            principal_type: user
            principal_id: ".uid"
      """;

  private static LoadedConfig load(String yaml) {
    return TestConfigs.celLoader().load("c.yml", yaml);
  }

  private static List<String> errors(String yaml) {
    try {
      load(yaml);
    } catch (ConfigException e) {
      return e.problems();
    }
    throw new AssertionError("expected the config to be rejected");
  }

  /** BASE with the feed's map lines for kind and resource_type replaced. */
  private static String withMap(String kind, String resourceType) {
    return BASE.replace("      kind: \".what\"", "      kind: " + kind)
        .replace(
            "      resource_type: \".team == null ? 'user' : 'team'\"",
            "      resource_type: " + resourceType);
  }

  @Test
  void aFeedBinds_withItsSettingsOverTheTopLevels_andBecomesASourceAfterTheOthers() {
    LoadedConfig loaded = load(BASE);
    Config config = loaded.config();

    assertThat(loaded.warnings()).isEmpty();
    EventFeed feed = config.eventFeeds().get("audit");
    assertThat(feed.sourceKey()).isEqualTo("event_feeds.audit");
    assertThat(feed.path()).isEqualTo("event_feeds.audit");
    assertThat(feed.query().path()).isEqualTo("event_feeds.audit.query");
    assertThat(feed.query().sql().parameters()).containsExactly("since");
    assertThat(feed.cursorColumn()).isEqualTo("at");
    assertThat(feed.primaryKey()).isEqualTo("id");
    assertThat(feed.settings().pollInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(feed.settings().pageSize()).isEqualTo(300);
    assertThat(feed.settings().mode()).isEqualTo(SyncMode.KEYSET);
    assertThat(feed.map().kind().path()).isEqualTo("event_feeds.audit.map.kind");
    assertThat(feed.map().resourceId().source()).isEqualTo(".team == null ? .uid : .team");
    assertThat(feed.map().skipIf()).isPresent();
    assertThat(feed.map().principalType().orElseThrow().source()).isEqualTo("user");
    assertThat(config.hasIncrementalSync()).isTrue();
    assertThat(SourcePacing.of(config))
        .extracting(SourcePacing::key)
        .containsExactly("event_feeds.audit");
    assertThat(SourcePacing.of(config).get(0).settings().pageSize()).isEqualTo(300);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "'    query: SELECT id, at, what, uid, team FROM audit WHERE at >= ?<since>', 32:3,"
        + " 'event_feeds.audit: missing required key ''query'''",
    "'    cursor_column: at', 32:3, 'event_feeds.audit: missing required key ''cursor_column'''",
    "'    primary_key: id', 32:3, 'event_feeds.audit: missing required key ''primary_key'''",
    "'      kind: \".what\"', 37:5, 'event_feeds.audit.map: missing required key ''kind'''",
    "'      resource_type: \".team == null ? ''user'' : ''team''\"', 37:5,"
        + " 'event_feeds.audit.map: missing required key ''resource_type'''",
    "'      resource_id: \".team == null ? .uid : .team\"', 37:5,"
        + " 'event_feeds.audit.map: missing required key ''resource_id'''",
  })
  void everyRequiredKey_isReportedWhereItsMappingStarts(String line, String at, String problem) {
    assertThat(BASE).contains(line + "\n");

    assertThat(errors(BASE.replace(line + "\n", "")))
        .containsExactly("c.yml:" + at + ": " + problem);
  }

  @Test
  void aFeedWithoutMap_isReported() {
    String yaml = BASE.substring(0, BASE.indexOf("    map:\n      skip_if"));

    assertThat(errors(yaml))
        .containsExactly("c.yml:32:3: event_feeds.audit: missing required key 'map'");
  }

  @Test
  void aQueryWithoutSince_andAnUnknownKey_areReported() {
    String yaml =
        BASE.replace("WHERE at >= ?<since>", "ORDER BY id")
            .replace("    cursor_column: at", "    cursor_colum: at");

    assertThat(errors(yaml))
        .containsExactly(
            "c.yml:32:3: event_feeds.audit: missing required key 'cursor_column'",
            "c.yml:33:12: event_feeds.audit.query: missing ?<since>",
            "c.yml:34:5: event_feeds.audit.cursor_colum: unknown key 'cursor_colum' (did you mean"
                + " 'cursor_column'?)");
  }

  @Test
  void aLiteralResourceType_mustBeATypeOfTheConfig() {
    assertThat(errors(withMap("resource_deleted", "usr")))
        .containsExactly(
            "c.yml:40:22: event_feeds.audit.map.resource_type: 'usr' is not a resource type of"
                + " this config (did you mean 'user'?)");
  }

  @Test
  void aLiteralKind_mustBeOneOfTheFour() {
    assertThat(errors(withMap("grant_create", "team")))
        .containsExactly(
            "c.yml:39:13: event_feeds.audit.map.kind: 'grant_create' is not an event kind (did you"
                + " mean 'grant_created'?)");
    assertThat(errors(withMap("\"'updated'\"", "team")))
        .containsExactly(
            "c.yml:39:13: event_feeds.audit.map.kind: 'updated' is not an event kind (one of"
                + " 'resource_changed', 'resource_deleted', 'grant_created', 'grant_revoked')");
  }

  @Test
  void aLiteralGrantKind_needsEveryPrincipalField() {
    String yaml =
        withMap("grant_revoked", "team")
            .replace("      entitlement: member\n", "")
            .replace("      principal_id: \".uid\"\n", "");

    assertThat(errors(yaml))
        .containsExactly(
            "c.yml:37:5: event_feeds.audit.map: missing required key 'entitlement': kind"
                + " grant_revoked needs entitlement, principal_type and principal_id",
            "c.yml:37:5: event_feeds.audit.map: missing required key 'principal_id': kind"
                + " grant_revoked needs entitlement, principal_type and principal_id");
  }

  @Test
  void aTypeThatMayGetResourceChanged_needsAGetQuery_whenTheTypeIsALiteral() {
    assertThat(errors(withMap("resource_changed", "team")))
        .containsExactly(
            "c.yml:40:22: event_feeds.audit.map.resource_type: resource type 'team' has no 'get'"
                + " query, which re-reads the resource for each resource_changed event");
    assertThat(errors(withMap("\".what\"", "team")))
        .containsExactly(
            "c.yml:40:22: event_feeds.audit.map.resource_type: resource type 'team' has no 'get'"
                + " query, which re-reads the resource for each resource_changed event (map.kind is"
                + " not a literal, so it may yield one)");
    assertThat(load(withMap("resource_changed", "user")).warnings()).isNotEmpty();
    assertThat(load(withMap("grant_created", "team")).config().eventFeeds()).hasSize(1);
  }

  @Test
  void aResourceKind_warnsThatThePrincipalFieldsAreNotEvaluated() {
    assertThat(load(withMap("resource_deleted", "\"'team'\"")).warnings())
        .contains(
            "c.yml:42:7: event_feeds.audit.map.entitlement: is evaluated only for the grant kinds,"
                + " and this feed's kind is always resource_deleted");
  }

  @Test
  void feedsRunInKeysetModeOnly() {
    assertThat(errors(BASE.replace("    poll_interval: 10s", "    mode: compat")))
        .containsExactly(
            "c.yml:36:11: event_feeds.audit.mode: event feeds run in keyset mode only: sqlfeed"
                + " pages them by (cursor_column, primary_key)");
    assertThat(errors(BASE.replace("  page_size: 300", "  mode: compat")))
        .containsExactly(
            "c.yml:32:3: event_feeds.audit: event feeds run in keyset mode only, but"
                + " incremental_sync.mode is compat: set 'mode: keyset' on the feed");
    assertThat(errors(BASE.replace("?<since>", "?<since> LIMIT ?<Limit>")))
        .containsExactly(
            "c.yml:33:81: event_feeds.audit.query: pages itself with ?<Limit>: sqlfeed pages an"
                + " event feed by (cursor_column, primary_key); remove it");
  }

  @Test
  void aTypeNoSourceCovers_isAWarning_forItsResourcesAndForItsGrants() {
    LoadedConfig loaded = load(withMap("resource_changed", "user"));

    assertThat(loaded.warnings())
        .containsExactly(
            "c.yml:16:3: resource_types.team: no incremental source covers changes to these"
                + " resources (no incremental_sync here, and no event feed can yield"
                + " resource_changed or resource_deleted for 'team'): only a full sync updates"
                + " them",
            "c.yml:24:9: resource_types.team.grants[0]: no incremental source covers these grants"
                + " (no incremental_sync here, and no event feed can yield grant_created or"
                + " grant_revoked for 'team'): only a full sync updates them",
            "c.yml:42:7: event_feeds.audit.map.entitlement: is evaluated only for the grant kinds,"
                + " and this feed's kind is always resource_changed",
            "c.yml:43:7: event_feeds.audit.map.principal_type: is evaluated only for the grant"
                + " kinds, and this feed's kind is always resource_changed",
            "c.yml:44:7: event_feeds.audit.map.principal_id: is evaluated only for the grant kinds,"
                + " and this feed's kind is always resource_changed");
  }

  @Test
  void aGrantKindFeed_coversTheTypesGrants_butNotItsResources() {
    assertThat(load(withMap("grant_created", "team")).warnings())
        .map(w -> w.substring(0, w.indexOf(": no incremental source covers")))
        .containsExactly("c.yml:7:3: resource_types.user", "c.yml:16:3: resource_types.team");
  }

  @Test
  void aConfigForFullSyncsOnly_getsNoCoverageWarning() {
    String fullSyncOnly = BASE.substring(0, BASE.indexOf("event_feeds:"));

    LoadedConfig loaded = load(fullSyncOnly);

    assertThat(loaded.config().hasIncrementalSync()).isFalse();
    assertThat(loaded.warnings()).isEmpty();
  }

  @Test
  void aFeedKeyThatIsAlsoAResourceTypesSourceKey_isAnError() {
    String yaml = BASE.replace("  team:\n    name: Team", "  event_feeds.audit:\n    name: Team");

    assertThat(errors(yaml))
        .contains(
            "c.yml:32:3: event_feeds.audit: the feed's source key 'event_feeds.audit' is also a"
                + " resource type's id, and so its source key: rename one of them");
  }
}
