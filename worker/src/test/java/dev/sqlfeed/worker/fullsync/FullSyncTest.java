package dev.sqlfeed.worker.fullsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.error.ConfigException;
import dev.sqlfeed.domain.error.MappingException;
import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.ports.InMemorySyncStore;
import dev.sqlfeed.ports.ScriptedSourceReader;
import dev.sqlfeed.ports.SyncRun;
import dev.sqlfeed.ports.fullsync.FullSync;
import dev.sqlfeed.ports.fullsync.SyncProgress;
import dev.sqlfeed.worker.config.ConfigLoader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The full sync use case over a scripted source and the in-memory store. */
class FullSyncTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

  private final InMemorySyncStore store = new InMemorySyncStore();

  private static Config config(String resourceTypes) {
    String yaml =
        "app_name: acme\nconnect:\n  dsn: \"sqlite:unused.db\"\nresource_types:\n" + resourceTypes;
    return ConfigLoader.withEnvironment(Map.of()).load("test.yml", yaml).config();
  }

  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      row.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return row;
  }

  private List<String> export() {
    List<String> lines = new ArrayList<>();
    store.exportMirror(Optional.empty(), r -> lines.add(r.toJsonLine()));
    return lines;
  }

  private SyncRun sync(Config config, ScriptedSourceReader source) {
    return new FullSync(source, store, CLOCK, SyncProgress.SILENT).run(config);
  }

  private static final String USERS_OFFSET =
      """
        user:
          name: User
          list:
            query: SELECT id, name FROM users ORDER BY id LIMIT ?<Limit> OFFSET ?<Offset>
            pagination: {strategy: offset, primary_key: id, page_size: 2}
            map: {id: ".id", display_name: ".name"}
      """;

  @Test
  void offsetPagination_readsEveryPage_andBindsLimitAsPageSizePlusOne() {
    List<Map<String, Object>> users =
        LongStream.rangeClosed(1, 5).mapToObj(i -> row("id", i, "name", "u" + i)).toList();
    ScriptedSourceReader source =
        new ScriptedSourceReader()
            .on(
                "FROM users",
                b -> {
                  int offset = (int) (long) (Long) b.get("offset");
                  int limit = (int) (long) (Long) b.get("limit");
                  return users.subList(
                      Math.min(offset, users.size()), Math.min(offset + limit, users.size()));
                });

    SyncRun run = sync(config(USERS_OFFSET), source);

    assertThat(run.counts().resources()).isEqualTo(5);
    assertThat(source.calls())
        .extracting(c -> c.bindings().get("offset"))
        .containsExactly(0L, 2L, 4L);
    assertThat(source.calls()).allSatisfy(c -> assertThat(c.bindings().get("limit")).isEqualTo(3L));
  }

  @Test
  void cursorPagination_startsWithoutItsCursorComparison_andContinuesFromTheLastPrimaryKey() {
    List<String> slugs = List.of("a", "b", "c");
    ScriptedSourceReader source =
        new ScriptedSourceReader()
            .on(
                "FROM teams",
                b -> {
                  // The first page's statement has no cursor comparison: no lower bound.
                  String cursor = (String) b.getOrDefault("cursor", "");
                  return slugs.stream()
                      .filter(s -> s.compareTo(cursor) > 0)
                      .limit((Long) b.get("limit"))
                      .map(s -> row("slug", s))
                      .toList();
                });
    Config config =
        config(
            """
              team:
                name: Team
                list:
                  query: SELECT slug FROM teams WHERE slug > ?<Cursor> ORDER BY slug LIMIT ?<Limit>
                  pagination: {strategy: cursor, primary_key: slug, page_size: 2}
                  map: {id: ".slug", display_name: ".slug"}
            """);

    sync(config, source);

    assertThat(source.calls())
        .extracting(c -> c.bindings().get("cursor"))
        .containsExactly(null, "b");
    assertThat(source.calls())
        .extracting(ScriptedSourceReader.Call::sql)
        .containsExactly(
            "SELECT slug FROM teams WHERE (slug = slug) ORDER BY slug LIMIT ?<Limit>",
            "SELECT slug FROM teams WHERE slug > ?<Cursor> ORDER BY slug LIMIT ?<Limit>");
    assertThat(export()).hasSize(3);
  }

  @Test
  void aCursorThatDoesNotMove_failsInsteadOfLoopingForever() {
    ScriptedSourceReader source =
        new ScriptedSourceReader()
            .on("FROM teams", b -> List.of(row("slug", "a"), row("slug", "a")));
    Config config =
        config(
            """
              team:
                name: Team
                list:
                  query: SELECT slug FROM teams WHERE slug > ?<Cursor> LIMIT ?<Limit>
                  pagination: {strategy: cursor, primary_key: slug, page_size: 1}
                  map: {id: ".slug", display_name: ".slug"}
            """);

    // The first page moves the cursor to "a"; the second returns "a" again.
    assertThatThrownBy(() -> sync(config, source))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("resource_types.team.list.query")
        .hasMessageContaining("did not move");
  }

  @Test
  void aPagedQueryWithoutItsPrimaryKeyColumn_failsNamingTheColumn() {
    ScriptedSourceReader source =
        new ScriptedSourceReader().on("FROM users", b -> List.of(row("name", "x")));

    assertThatThrownBy(() -> sync(config(USERS_OFFSET), source))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("'id' is not in the query's results");
  }

  // Alike on purpose to FeedSourcesFromYamlTest's and ProvisioningFixture's team: a team with
  // its grants as every config writes one; each test's config stands whole in it.
  private static final String TEAMS_WITH_GRANTS =
      """
        team:
          name: Team
          list:
            query: SELECT slug, name FROM teams
            map: {id: ".slug", display_name: ".name"}
          static_entitlements:
            - id: member
              display_name: "resource.DisplayName + ' member'"
              purpose: assignment
              grantable_to: [user]
          grants:
            - query: SELECT user_id FROM members WHERE team = ?<team>
              vars: {team: "resource.ID"}
              map:
                - principal_id: ".user_id"
                  principal_type: user
                  entitlement_id: member
            - query: SELECT user_id FROM owners WHERE team = ?<team>
              vars: {team: "resource.ID"}
              map:
                - skip_if: ".user_id == null"
                  principal_id: ".user_id"
                  principal_type: user
                  entitlement_id: "'owner'"
      """;

  @Test
  void everyGrantsQueryRunsOncePerResource_withItsVarsBound() {
    Map<String, Object> nullOwner = new LinkedHashMap<>();
    nullOwner.put("user_id", null);
    ScriptedSourceReader source =
        new ScriptedSourceReader()
            .on(
                "FROM teams",
                List.of(row("slug", "ops", "name", "Ops"), row("slug", "dev", "name", "Dev")))
            .on(
                "FROM members",
                b -> b.get("team").equals("ops") ? List.of(row("user_id", 7L)) : List.of())
            .on(
                "FROM owners",
                b ->
                    b.get("team").equals("dev")
                        ? List.of(row("user_id", 9L), nullOwner)
                        : List.of());

    sync(config(TEAMS_WITH_GRANTS), source);

    assertThat(export())
        .contains(
            "{\"type\":\"entitlement\",\"resource_type\":\"team\",\"resource_id\":\"ops\",\"entitlement\":\"member\",\"display_name\":\"Ops member\",\"description\":null,\"purpose\":\"assignment\",\"grantable_to\":[\"user\"]}",
            "{\"type\":\"grant\",\"resource_type\":\"team\",\"resource_id\":\"ops\",\"entitlement\":\"member\",\"principal_type\":\"user\",\"principal_id\":\"7\"}",
            "{\"type\":\"grant\",\"resource_type\":\"team\",\"resource_id\":\"dev\",\"entitlement\":\"owner\",\"principal_type\":\"user\",\"principal_id\":\"9\"}")
        .filteredOn(l -> l.contains("\"grant\""))
        .hasSize(2);
    assertThat(source.calls())
        .filteredOn(c -> c.sql().contains("members"))
        .extracting(c -> c.bindings().get("team"))
        .containsExactly("ops", "dev");
  }

  @Test
  void aFailedSync_keepsThePreviousMirror_andRecordsTheFailure() {
    ScriptedSourceReader good =
        new ScriptedSourceReader().on("FROM users", List.of(row("id", 1L, "name", "a")));
    sync(config(USERS_OFFSET), good);
    List<String> before = export();
    ScriptedSourceReader bad =
        new ScriptedSourceReader()
            .on("FROM users", List.of(row("id", 2L, "name", "b"), row("id", null, "name", "c")));

    assertThatThrownBy(() -> sync(config(USERS_OFFSET), bad))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("resource type user")
        .hasMessageContaining("resource_types.user.list.map.id")
        .hasMessageContaining("empty");

    assertThat(export()).isEqualTo(before);
    assertThat(store.syncRuns("acme").get(0).outcome()).isEqualTo(SyncRun.Outcome.FAILED);
    assertThat(store.syncRuns("acme").get(0).message()).contains("resource type user");
  }

  @Test
  void staticEntitlementsTakePrecedenceOverAnEntitlementsQuery_asInBatonSql() {
    ScriptedSourceReader source =
        new ScriptedSourceReader().on("FROM teams", List.of(row("slug", "ops", "name", "Ops")));
    Config config =
        config(
            """
              team:
                name: Team
                list:
                  query: SELECT slug, name FROM teams
                  map: {id: ".slug", display_name: ".name"}
                static_entitlements:
                  - id: member
                    display_name: member
                    grantable_to: [user]
                entitlements:
                  query: SELECT perm FROM perms
                  map:
                    - id: ".perm"
                      display_name: ".perm"
                      grantable_to: [user]
            """);

    sync(config, source);

    assertThat(source.calls()).noneMatch(c -> c.sql().contains("perms"));
    assertThat(export()).anyMatch(l -> l.contains("\"entitlement\":\"member\""));
  }

  @Test
  void multiDatabaseConfigs_areRefusedClearly() {
    Config config =
        ConfigLoader.withEnvironment(Map.of())
            .load(
                "test.yml",
                """
                app_name: acme
                connect:
                  dsn: "postgres://u@h/db"
                  databases:
                    static: [a, b]
                resource_types:
                  user:
                    name: User
                    list:
                      query: SELECT id FROM users
                      map: {id: ".id", display_name: ".id"}
                """)
            .config();

    assertThatThrownBy(() -> sync(config, new ScriptedSourceReader()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("connect.databases");
  }
}
