package dev.sqlfeed.worker.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.domain.feed.RowResource;
import dev.sqlfeed.domain.mirror.Entitlement;
import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.domain.sync.ResourceRowMapper;
import dev.sqlfeed.domain.value.SourceRow;
import dev.sqlfeed.ports.MirrorChange;
import dev.sqlfeed.ports.MirrorChange.DeleteResource;
import dev.sqlfeed.ports.MirrorChange.PutResource;
import dev.sqlfeed.ports.QueryCall;
import dev.sqlfeed.ports.ScriptedSourceReader;
import dev.sqlfeed.ports.SourceQuery;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.feed.ResourceRefresher;
import dev.sqlfeed.worker.config.ConfigLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ObjIntConsumer;
import org.junit.jupiter.api.Test;

/**
 * The batched refresh means what one {@code get} per id means: found is a put with the resource's
 * entitlements, not found a deletion, the first row of the get's own statement wins.
 */
class ResourceRefresherTest {
  // Alike on purpose to FeedSourcesFromYamlTest's YAML, ConfigEventFeedsTest's BASE and UsersYaml:
  // a user type as every config writes one; this test's config stands whole in it.
  private static final String CONFIG =
      """
      app_name: refresh
      connect:
        dsn: "sqlite:unused.db"
      resource_types:
        user:
          name: User
          list:
            query: SELECT id, name FROM users
            map:
              id: ".id"
              display_name: ".name"
          get:
            query: SELECT id, name FROM users WHERE id = ?<id>
          entitlements:
            query: SELECT role, label FROM user_roles WHERE user_id = ?<uid>
            vars:
              uid: resource.ID
            map:
              - id: ".role"
                display_name: ".label"
                purpose: permission
      """;

  private static final Map<String, List<String>> NAMES =
      Map.of("1", List.of("ada"), "2", List.of("bob"), "3", List.of("cy", "cy-older"));
  private static final Map<String, List<List<String>>> ROLES =
      Map.of(
          "1", List.of(List.of("reader", "Reader")),
          "3", List.of(List.of("admin", "Admin"), List.of("admin", "Admin, later row")));

  private final ScriptedSourceReader scripted =
      new ScriptedSourceReader()
          .on(
              "FROM user_roles",
              b -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (List<String> role :
                    ROLES.getOrDefault(String.valueOf(b.get("uid")), List.of())) {
                  rows.add(row("role", role.get(0), "label", role.get(1)));
                }
                return rows;
              })
          .on(
              "FROM users",
              b -> {
                String id = String.valueOf(b.get("id"));
                List<Map<String, Object>> rows = new ArrayList<>();
                for (String name : NAMES.getOrDefault(id, List.of())) {
                  rows.add(row("id", id, "name", name));
                }
                return rows;
              });

  private static Map<String, Object> row(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put(k1, v1);
    row.put(k2, v2);
    return row;
  }

  private static ResourceType users() {
    Config config = ConfigLoader.withEnvironment(Map.of()).load("r.yml", CONFIG).config();
    return config.resourceTypes().get("user");
  }

  @Test
  void refreshAll_foundAndNotFound_givesPutsAndDeletions_inTheOrderAsked() {
    Map<String, MirrorChange> changes =
        new ResourceRefresher(scripted).refreshAll(users(), List.of("2", "9", "1"));

    assertThat(changes).containsOnlyKeys("2", "9", "1");
    assertThat(changes.keySet()).containsExactly("2", "9", "1");
    assertThat(changes.get("9")).isEqualTo(new DeleteResource(new ResourceRef("user", "9")));
    assertThat(((PutResource) changes.get("2")).resource().displayName()).isEqualTo("bob");
    assertThat(((PutResource) changes.get("2")).entitlements()).isEmpty();
    assertThat(((PutResource) changes.get("1")).entitlements())
        .extracting(Entitlement::entitlement, Entitlement::displayName)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("reader", "Reader"));
  }

  @Test
  void refreshAll_givesWhatOneRefreshPerIdGives_evenWhenTheCombinedRowsComeInAnotherOrder() {
    List<String> ids = List.of("3", "1", "2", "9", "3");
    Map<String, MirrorChange> one = new LinkedHashMap<>();
    for (String id : ids) {
      one.put(id, new ResourceRefresher(scripted).refresh(users(), id));
    }

    Map<String, MirrorChange> all =
        new ResourceRefresher(new ReversingReader(scripted)).refreshAll(users(), ids);

    assertThat(all).isEqualTo(one);
    // The get of 3 has two rows: the first of its own statement wins, not the first combined.
    assertThat(((PutResource) all.get("3")).resource().displayName()).isEqualTo("cy");
    // Two roles rows give one entitlement, and the store keeps the later: so they come in the
    // order of the query's own statement.
    assertThat(((PutResource) all.get("3")).entitlements())
        .extracting(Entitlement::displayName)
        .containsExactly("Admin", "Admin, later row");
  }

  @Test
  void refreshAll_anIdAskedTwice_isReadOnce_andTheEntitlementsQueryRunsPerResourceWithItsVars() {
    new ResourceRefresher(scripted).refreshAll(users(), List.of("1", "1", "2"));

    assertThat(scripted.calls())
        .extracting(ScriptedSourceReader.Call::bindings)
        .containsExactly(
            Map.of("id", "1"), Map.of("id", "2"), Map.of("uid", "1"), Map.of("uid", "2"));
    assertThat(scripted.calls())
        .extracting(ScriptedSourceReader.Call::origin)
        .containsExactly(
            "resource_types.user.get.query (for id 1)",
            "resource_types.user.get.query (for id 2)",
            "resource_types.user.entitlements.query (for user 1)",
            "resource_types.user.entitlements.query (for user 2)");
  }

  @Test
  void fromRows_runsNoGet_deletesWhatTheRowSays_andRunsTheEntitlementsQueryForEachPut() {
    ResourceType users = users();
    Map<String, RowResource> rows = new LinkedHashMap<>();
    rows.put("0", live(users, "1", "ada"));
    rows.put("1", new RowResource(new ResourceRef("user", "9"), Optional.empty()));
    rows.put("2", live(users, "1", "ada renamed"));

    Map<String, MirrorChange> changes = new ResourceRefresher(scripted).fromRows(users, rows);

    assertThat(changes.keySet()).containsExactly("0", "1", "2");
    assertThat(changes.get("1")).isEqualTo(new DeleteResource(new ResourceRef("user", "9")));
    assertThat(((PutResource) changes.get("2")).resource().displayName()).isEqualTo("ada renamed");
    assertThat(((PutResource) changes.get("0")).entitlements())
        .extracting(Entitlement::entitlement)
        .containsExactly("reader");
    assertThat(scripted.calls())
        .extracting(ScriptedSourceReader.Call::origin)
        .allMatch(origin -> origin.startsWith("resource_types.user.entitlements.query"))
        .hasSize(2);
  }

  private static RowResource live(ResourceType type, String id, String name) {
    return new RowResource(
        new ResourceRef("user", id),
        Optional.of(ResourceRowMapper.map(type, row("id", id, "name", name), "id=" + id)));
  }

  /**
   * A reader that answers {@code readEach} as a combined statement may: every call's rows, but in
   * reverse order.
   */
  private record ReversingReader(SourceReader inner) implements ForwardingSourceReader {
    @Override
    public void readEach(SourceQuery query, List<QueryCall> calls, ObjIntConsumer<SourceRow> sink) {
      List<Map.Entry<SourceRow, Integer>> rows = new ArrayList<>();
      inner.readEach(query, calls, (row, call) -> rows.add(Map.entry(row, call)));
      Collections.reverse(rows);
      rows.forEach(e -> sink.accept(e.getKey(), e.getValue()));
    }
  }
}
