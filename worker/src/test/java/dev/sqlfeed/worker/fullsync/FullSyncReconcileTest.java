package dev.sqlfeed.worker.fullsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cel.common.values.NullValue;
import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.error.MappingException;
import dev.sqlfeed.ports.InMemorySyncStore;
import dev.sqlfeed.ports.ReconcileCounts;
import dev.sqlfeed.ports.ScriptedSourceReader;
import dev.sqlfeed.ports.StoredEvent;
import dev.sqlfeed.ports.SyncRun;
import dev.sqlfeed.ports.fullsync.FullSync;
import dev.sqlfeed.ports.fullsync.ReconcileEvents;
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
import org.junit.jupiter.api.Test;

/**
 * The full sync use case reconciling: the source's rows are scripted and change between runs, the
 * store is the in-memory one. The first run is a baseline; each later one turns what changed in the
 * source into events, one per difference.
 */
class FullSyncReconcileTest {
  private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

  private static final Config CONFIG =
      ConfigLoader.withEnvironment(Map.of())
          .load(
              "test.yml",
              """
              app_name: acme
              connect:
                dsn: "sqlite:unused.db"
              resource_types:
                user:
                  name: User
                  list:
                    query: SELECT id, name FROM users
                    map: {id: ".id", display_name: ".name"}
                team:
                  name: Team
                  list:
                    query: SELECT slug FROM teams
                    map: {id: ".slug", display_name: ".slug"}
                  static_entitlements:
                    - id: member
                      display_name: "'member'"
                      purpose: assignment
                  grants:
                    - query: SELECT user_id FROM members WHERE team = ?<team>
                      vars: {team: "resource.ID"}
                      map:
                        - principal_id: ".user_id"
                          principal_type: user
                          entitlement_id: member
              """)
          .config();

  private final InMemorySyncStore store = new InMemorySyncStore();
  private final List<Map<String, Object>> users = new ArrayList<>();
  private final List<String> teams = new ArrayList<>();
  private final List<List<Object>> members = new ArrayList<>();
  private int runs;

  @Test
  void hardDeletesOfAUserATeamAndAMembership_areOneEventEach_thenNothing() {
    users.addAll(List.of(user(1, "Ada"), user(2, "Bob"), user(3, "Cy")));
    teams.addAll(List.of("dev", "ops"));
    members.addAll(List.of(List.of("dev", 1L), List.of("dev", 2L), List.of("ops", 3L)));

    SyncRun baseline = sync();

    assertThat(baseline.reconciled()).isEqualTo(ReconcileCounts.BASELINE);
    assertThat(store.events(Optional.empty(), 0, 100)).isEmpty();

    users.remove(1);
    teams.remove("ops");
    members.remove(List.of("ops", 3L));
    members.remove(List.of("dev", 1L));
    SyncRun second = sync();

    assertThat(second.reconciled()).isEqualTo(new ReconcileCounts(false, 0, 2, 0, 1));
    assertThat(store.events(Optional.empty(), 0, 100))
        .extracting(StoredEvent::event)
        .extracting(
            e -> e.kind() + " " + e.resource().resourceType() + ":" + e.resource().resourceId())
        .containsExactly(
            "grant_revoked team:dev", "resource_deleted team:ops", "resource_deleted user:2");
    assertThat(store.events(Optional.empty(), 0, 100))
        .allSatisfy(
            e -> {
              assertThat(e.event().source()).isEqualTo(ReconcileEvents.SOURCE);
              assertThat(e.event().cursor()).isEqualTo(START.plusSeconds(60));
              assertThat(e.event().id()).startsWith("reconcile:" + second.id() + ":");
            });
    assertThat(store.syncRuns("acme").get(0)).isEqualTo(second);

    SyncRun third = sync();

    assertThat(third.reconciled()).isEqualTo(ReconcileCounts.NONE);
    assertThat(store.events(Optional.empty(), 0, 100)).hasSize(3);
  }

  @Test
  void aRenamedUserAndANewMembership_areResourceChangedAndGrantCreated() {
    users.add(user(1, "Ada"));
    teams.add("dev");
    sync();

    users.set(0, user(1, "Ada L."));
    members.add(List.of("dev", 1L));
    SyncRun run = sync();

    assertThat(run.reconciled()).isEqualTo(new ReconcileCounts(false, 1, 0, 1, 0));
    assertThat(run.counts().grants()).isEqualTo(1);
  }

  @Test
  void aNullPrincipalIdInAGrantsRow_failsTheSyncNamingTheRow_andRevokesNothing() {
    users.addAll(List.of(user(1, "Ada"), user(2, "Bob")));
    teams.add("dev");
    members.addAll(List.of(List.of("dev", 1L), List.of("dev", 2L)));
    sync();

    members.set(1, List.of("dev", NullValue.NULL_VALUE));

    assertThatThrownBy(this::sync)
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("resource type team grants of dev, row #2")
        .hasMessageContaining("resource_types.team.grants[0].map[0].principal_id (.user_id)")
        .hasMessageContaining("the principal id is empty");
    assertThat(store.events(Optional.empty(), 0, 100)).isEmpty();
    assertThat(store.syncRuns("acme").get(0).outcome()).isEqualTo(SyncRun.Outcome.FAILED);
    assertThat(store.syncRuns("acme").get(1).counts().grants()).isEqualTo(2);
  }

  @Test
  void twoRowsWithOneIdThatDiffer_failTheSyncNamingBothRows() {
    users.addAll(List.of(user(1, "Ada"), user(2, "Bob"), user(1, "Ada L.")));

    assertThatThrownBy(this::sync)
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("resource_types.user.list.query: rows 1 (#1) and 3 (#3)")
        .hasMessageContaining("have the same resource id '1' but differ");
    assertThat(store.syncRuns("acme").get(0).outcome()).isEqualTo(SyncRun.Outcome.FAILED);
  }

  @Test
  void twoIdenticalRows_countOnce() {
    users.addAll(List.of(user(1, "Ada"), user(1, "Ada")));
    teams.add("dev");
    members.addAll(List.of(List.of("dev", 1L), List.of("dev", 1L)));

    SyncRun run = sync();

    assertThat(run.counts().resources()).isEqualTo(2);
    assertThat(run.counts().grants()).isEqualTo(1);
  }

  /** One full sync over the source as scripted now, started a minute after the last one. */
  private SyncRun sync() {
    ScriptedSourceReader source =
        new ScriptedSourceReader()
            .on("FROM users", List.copyOf(users))
            .on("FROM teams", teams.stream().map(t -> row("slug", t)).toList())
            .on(
                "FROM members",
                b ->
                    members.stream()
                        .filter(m -> m.get(0).equals(b.get("team")))
                        .map(m -> row("user_id", m.get(1)))
                        .toList());
    Clock clock = Clock.fixed(START.plusSeconds(60L * runs++), ZoneOffset.UTC);
    return new FullSync(source, store, clock, SyncProgress.SILENT).run(CONFIG);
  }

  private static Map<String, Object> user(long id, String name) {
    Map<String, Object> row = row("id", id);
    row.put("name", name);
    return row;
  }

  private static Map<String, Object> row(String column, Object value) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put(column, value);
    return row;
  }
}
