package dev.sqlfeed.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.values.NullValue;
import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.Connect;
import dev.sqlfeed.domain.config.FullSyncSettings;
import dev.sqlfeed.domain.config.Pagination;
import dev.sqlfeed.domain.config.PaginationStrategy;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.QueryScope;
import dev.sqlfeed.domain.config.SyncSettings;
import dev.sqlfeed.domain.config.entitlement.EntitlementMapping;
import dev.sqlfeed.domain.config.entitlement.EntitlementsQuery;
import dev.sqlfeed.domain.config.entitlement.PurposeSpec;
import dev.sqlfeed.domain.config.feed.EventFeed;
import dev.sqlfeed.domain.config.feed.EventFeedMapping;
import dev.sqlfeed.domain.config.grant.GrantMapping;
import dev.sqlfeed.domain.config.grant.GrantsIncrementalSync;
import dev.sqlfeed.domain.config.grant.GrantsQuery;
import dev.sqlfeed.domain.config.provisioning.EntitlementProvisioning;
import dev.sqlfeed.domain.config.provisioning.GrantProvisioning;
import dev.sqlfeed.domain.config.provisioning.ProvisioningQueries;
import dev.sqlfeed.domain.config.resource.Annotations;
import dev.sqlfeed.domain.config.resource.GetQuery;
import dev.sqlfeed.domain.config.resource.GroupTrait;
import dev.sqlfeed.domain.config.resource.ListQuery;
import dev.sqlfeed.domain.config.resource.ResourceIncrementalSync;
import dev.sqlfeed.domain.config.resource.ResourceMapping;
import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.domain.config.resource.Traits;
import dev.sqlfeed.domain.mapping.ExpressionCompiler;
import dev.sqlfeed.domain.query.SqlTemplate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A hand-built config (the domain has no YAML reader): a {@code team} type listed with cursor
 * pagination, re-read by {@code get}, fed incrementally, with a grants query fed by changes and
 * revokes; and an {@code audit} event feed.
 */
class SchemaExpectationsTest {
  private static final String T = "resource_types.team";
  private static final String G = T + ".grants[0]";

  private static Cel cel(String source, String path) {
    return new Cel(ExpressionCompiler.batonSql().compile(source), path);
  }

  private static Query query(String sql, String path) {
    return new Query(SqlTemplate.parse(sql), path);
  }

  private static GrantMapping grant(int i, String skipIf, String principal, String entitlement) {
    String path = G + ".map[" + i + "]";
    return new GrantMapping(
        Optional.ofNullable(skipIf).map(s -> cel(s, path + ".skip_if")),
        cel(principal, path + ".principal_id"),
        "user",
        cel(entitlement, path + ".entitlement_id"),
        Annotations.NONE,
        Optional.empty(),
        Optional.of(cel(".owner_team", path + ".entitlement_resource_id")),
        path);
  }

  private static Config config() {
    ResourceMapping map =
        new ResourceMapping(
            cel(".slug", T + ".list.map.id"),
            cel(".name + ' (' + resource.Type + ')'", T + ".list.map.display_name"),
            Optional.empty(),
            new Traits(
                Optional.empty(),
                Optional.of(
                    new GroupTrait(
                        Map.of("size", cel("has(cols.size) ? .size : 0", T + ".g.size")),
                        T + ".g")),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()),
            Optional.empty(),
            Annotations.NONE,
            T + ".list.map");
    ListQuery list =
        new ListQuery(
            query(
                "SELECT slug, name FROM teams WHERE slug > ?<Cursor> LIMIT ?<Limit>",
                T + ".list.query"),
            Map.of(),
            Optional.of(
                new Pagination(PaginationStrategy.CURSOR, "slug", 0, T + ".list.pagination")),
            map,
            QueryScope.DATABASE,
            T + ".list");
    GetQuery get =
        new GetQuery(
            query("SELECT * FROM teams WHERE slug = ?<id>", T + ".get.query"),
            Map.of(),
            T + ".get");
    ResourceIncrementalSync changes =
        new ResourceIncrementalSync(
            query(
                "SELECT slug, updated_at FROM teams WHERE updated_at >= ?<since>", T + ".i.query"),
            "updated_at",
            Optional.empty(),
            Optional.of(new Pagination(PaginationStrategy.OFFSET, "slug", 0, T + ".i.pagination")),
            Map.of(),
            SyncSettings.DEFAULTS,
            T + ".i");
    GrantsIncrementalSync grantChanges =
        new GrantsIncrementalSync(
            cel(".team", G + ".incremental_sync.resource_id"),
            query(
                "SELECT * FROM members WHERE at >= ?<since>",
                G + ".incremental_sync.changes_query"),
            "at",
            Optional.of(
                query(
                    "SELECT * FROM gone WHERE gone_at >= ?<since>",
                    G + ".incremental_sync.revokes_query")),
            Optional.of("gone_at"),
            Optional.empty(),
            Map.of(),
            SyncSettings.DEFAULTS,
            G + ".incremental_sync");
    GrantsQuery grants =
        new GrantsQuery(
            query("SELECT user_id, admin FROM members WHERE team = ?<team>", G + ".query"),
            Map.of(
                "team",
                new dev.sqlfeed.domain.config.QueryVar(
                    "team",
                    "resource.ID",
                    Optional.of(ExpressionCompiler.batonSql().compile("resource.ID")),
                    G + ".vars.team")),
            Optional.empty(),
            List.of(
                grant(0, null, ".user_id", "'member'"),
                grant(1, "!cols.admin", ".user_id", "'admin'")),
            QueryScope.DATABASE,
            Optional.of(grantChanges),
            G);
    ResourceType team =
        new ResourceType(
            "team",
            "Team",
            "",
            list,
            Optional.empty(),
            List.of(),
            List.of(grants),
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.of(get),
            Optional.of(changes),
            T);
    EventFeed audit =
        new EventFeed(
            "audit",
            query("SELECT * FROM audit_log WHERE logged_at >= ?<since>", "event_feeds.audit.query"),
            "logged_at",
            "seq",
            new EventFeedMapping(
                cel(".action", "event_feeds.audit.map.kind"),
                cel("'team'", "event_feeds.audit.map.resource_type"),
                cel(".entity_id", "event_feeds.audit.map.resource_id"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()),
            Map.of(),
            SyncSettings.DEFAULTS,
            "event_feeds.audit");
    Connect connect =
        new Connect("sqlite:a.db", "", "", "", "", "", "", Map.of(), Optional.empty(), "connect");
    return new Config(
        "acme",
        "",
        connect,
        Map.of("team", team),
        Map.of(),
        SyncSettings.DEFAULTS,
        Map.of("audit", audit),
        FullSyncSettings.OFF);
  }

  private static Map<String, ExpectedQuery> byPath() {
    return SchemaExpectations.of(config()).stream()
        .collect(Collectors.toMap(e -> e.query().path(), e -> e));
  }

  private static List<String> uses(ExpectedQuery q) {
    return q.columns().stream().map(u -> u.name() + "@" + u.path()).toList();
  }

  @Test
  void everyQuery_isListed_inConfigOrder() {
    assertThat(SchemaExpectations.of(config()))
        .extracting(e -> e.query().path())
        .containsExactly(
            T + ".list.query",
            T + ".get.query",
            T + ".i.query",
            G + ".query",
            G + ".incremental_sync.changes_query",
            G + ".incremental_sync.revokes_query",
            "event_feeds.audit.query");
  }

  @Test
  void listAndGet_needTheMappingsColumns_andAPagedListItsPrimaryKey() {
    Map<String, ExpectedQuery> q = byPath();

    assertThat(uses(q.get(T + ".list.query")))
        .containsExactly(
            "slug@" + T + ".list.map.id",
            "name@" + T + ".list.map.display_name",
            "slug@" + T + ".list.pagination.primary_key");
    assertThat(uses(q.get(T + ".get.query")))
        .containsExactly("slug@" + T + ".list.map.id", "name@" + T + ".list.map.display_name");
    assertThat(q.get(T + ".list.query").cursor()).isEmpty();
  }

  @Test
  void anIncrementalResourceQuery_needsItsIdCursorAndKey_andNamesItsCursorForTheIndexCheck() {
    ExpectedQuery q = byPath().get(T + ".i.query");

    assertThat(uses(q))
        .containsExactly(
            "slug@" + T + ".list.map.id",
            "updated_at@" + T + ".i.cursor_column",
            "slug@" + T + ".i.pagination.primary_key");
    assertThat(q.cursor()).map(ColumnUse::name).contains("updated_at");
    assertThat(q.cursor().orElseThrow().exactCase()).isFalse();
  }

  @Test
  void theGrantsQuery_needsEveryMappingExpression_butNotItsVars() {
    assertThat(uses(byPath().get(G + ".query")))
        .containsExactly(
            "user_id@" + G + ".map[0].principal_id",
            "owner_team@" + G + ".map[0].entitlement_resource_id",
            "admin@" + G + ".map[1].skip_if",
            "user_id@" + G + ".map[1].principal_id",
            "owner_team@" + G + ".map[1].entitlement_resource_id");
  }

  @Test
  void grantChangesAndRevokes_needWhatIncrementalMappingEvaluates_eachWithItsOwnCursor() {
    Map<String, ExpectedQuery> q = byPath();

    assertThat(uses(q.get(G + ".incremental_sync.changes_query")))
        .containsExactly(
            "team@" + G + ".incremental_sync.resource_id",
            "user_id@" + G + ".map[0].principal_id",
            "admin@" + G + ".map[1].skip_if",
            "user_id@" + G + ".map[1].principal_id",
            "at@" + G + ".incremental_sync.changes_cursor_column");
    assertThat(q.get(G + ".incremental_sync.revokes_query").cursor())
        .map(ColumnUse::path)
        .contains(G + ".incremental_sync.revokes_cursor_column");
  }

  @Test
  void anEventFeed_needsItsMappingCursorAndPrimaryKey() {
    ExpectedQuery q = byPath().get("event_feeds.audit.query");

    assertThat(uses(q))
        .containsExactly(
            "action@event_feeds.audit.map.kind",
            "entity_id@event_feeds.audit.map.resource_id",
            "logged_at@event_feeds.audit.cursor_column",
            "seq@event_feeds.audit.primary_key");
    assertThat(q.cursor()).map(ColumnUse::name).contains("logged_at");
  }

  @Test
  void anExpressionsColumn_carriesItsPositionInTheExpression() {
    ColumnUse name = byPath().get(T + ".list.query").columns().get(1);

    assertThat(name.line()).isEqualTo(1);
    assertThat(name.column()).isEqualTo(1);
    assertThat(name.exactCase()).isTrue();
  }

  @Test
  void anEntitlementsQuery_needsItsMappingsColumns_butNotThoseOfItsProvisioning() {
    String e = T + ".entitlements";
    Query rejectQuery = query("SELECT reason_text FROM blocks", e + ".map[0].provisioning.q");
    EntitlementProvisioning provisioning =
        new EntitlementProvisioning(
            Map.of(),
            Optional.of(
                new GrantProvisioning(
                    new ProvisioningQueries(
                        false,
                        List.of(),
                        false,
                        List.of(rejectQuery),
                        Optional.empty(),
                        Optional.empty(),
                        e + ".map[0].provisioning.grant"),
                    Optional.of(
                        new GrantProvisioning.RejectIf(
                            rejectQuery,
                            Optional.of(
                                cel(
                                    ".reason_text",
                                    e + ".map[0].provisioning.grant.reject_if.reason")),
                            e + ".map[0].provisioning.grant.reject_if")),
                    Optional.empty())),
            Optional.empty(),
            e + ".map[0].provisioning");
    EntitlementMapping mapping =
        new EntitlementMapping(
            cel(".perm", e + ".map[0].id"),
            cel(".label", e + ".map[0].display_name"),
            Optional.empty(),
            List.of("user"),
            Optional.of(new PurposeSpec.Computed(cel(".kind", e + ".map[0].purpose"))),
            Optional.empty(),
            false,
            Optional.empty(),
            Optional.of(provisioning),
            Optional.empty(),
            e + ".map[0]");
    EntitlementsQuery entitlements =
        new EntitlementsQuery(
            query("SELECT perm, label, kind FROM perms WHERE team = ?<team>", e + ".query"),
            Map.of(),
            Optional.empty(),
            List.of(mapping),
            QueryScope.DATABASE,
            e);
    ResourceType base = config().resourceTypes().get("team");
    ResourceType team =
        new ResourceType(
            base.id(),
            base.name(),
            "",
            base.list(),
            Optional.of(entitlements),
            List.of(),
            List.of(),
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            T);
    Config config =
        new Config(
            "acme",
            "",
            config().connect(),
            Map.of("team", team),
            Map.of(),
            SyncSettings.DEFAULTS,
            Map.of(),
            FullSyncSettings.OFF);

    ExpectedQuery q = SchemaExpectations.of(config).get(1);

    assertThat(q.query().path()).isEqualTo(e + ".query");
    assertThat(uses(q))
        .containsExactly(
            "perm@" + e + ".map[0].id",
            "label@" + e + ".map[0].display_name",
            "kind@" + e + ".map[0].purpose");
  }

  @Test
  void safeBindings_giveEachPlaceholderAHarmlessValueOfItsKind() {
    Map<String, Object> values =
        SafeBindings.of(
            SqlTemplate.parse(
                "SELECT 1 WHERE a > ?<Cursor> AND b = ?<id> AND c >= ?<since> AND d = ?<team>"
                    + " LIMIT ?<Limit> OFFSET ?<Offset>"));

    assertThat(values)
        .containsExactly(
            Map.entry("cursor", ""),
            Map.entry("id", NullValue.NULL_VALUE),
            Map.entry("since", Instant.EPOCH),
            Map.entry("team", NullValue.NULL_VALUE),
            Map.entry("limit", 1L),
            Map.entry("offset", 0L));
  }
}
