package dev.sqlfeed.domain.feed;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.Connect;
import dev.sqlfeed.domain.config.FullSyncSettings;
import dev.sqlfeed.domain.config.Pagination;
import dev.sqlfeed.domain.config.PaginationStrategy;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.QueryScope;
import dev.sqlfeed.domain.config.SyncSettings;
import dev.sqlfeed.domain.config.feed.EventFeed;
import dev.sqlfeed.domain.config.feed.EventFeedMapping;
import dev.sqlfeed.domain.config.grant.GrantMapping;
import dev.sqlfeed.domain.config.grant.GrantsIncrementalSync;
import dev.sqlfeed.domain.config.grant.GrantsQuery;
import dev.sqlfeed.domain.config.resource.Annotations;
import dev.sqlfeed.domain.config.resource.GetQuery;
import dev.sqlfeed.domain.config.resource.ListQuery;
import dev.sqlfeed.domain.config.resource.ResourceIncrementalSync;
import dev.sqlfeed.domain.config.resource.ResourceMapping;
import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.domain.config.resource.Traits;
import dev.sqlfeed.domain.mapping.ExpressionCompiler;
import dev.sqlfeed.domain.query.SqlTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Config records built by hand (the domain has no YAML parser): a {@code user} type fed by its own
 * incremental query and a {@code group} type whose memberships are fed by changes and revokes
 * queries with two grant mappings.
 */
final class FeedFixtures {
  static final SyncSettings SETTINGS = SyncSettings.DEFAULTS;

  private FeedFixtures() {}

  static Cel cel(String source, String path) {
    return new Cel(ExpressionCompiler.batonSql().compile(source), path);
  }

  static Query query(String sql, String path) {
    return new Query(SqlTemplate.parse(sql), path);
  }

  static Optional<Pagination> primaryKey(String column) {
    return column.isEmpty()
        ? Optional.empty()
        : Optional.of(new Pagination(PaginationStrategy.OFFSET, column, 0, "p.pagination"));
  }

  /** A resource type {@code type} listed by {@code .id}, optionally fed incrementally. */
  static ResourceType resourceType(
      String type, Optional<ResourceIncrementalSync> incremental, List<GrantsQuery> grants) {
    String path = "resource_types." + type;
    ResourceMapping map =
        new ResourceMapping(
            cel(".id", path + ".list.map.id"),
            cel(".name", path + ".list.map.display_name"),
            Optional.empty(),
            Traits.NONE,
            Optional.empty(),
            Annotations.NONE,
            path + ".list.map");
    ListQuery list =
        new ListQuery(
            query("SELECT id, name FROM " + type + "s", path + ".list.query"),
            Map.of(),
            Optional.empty(),
            map,
            QueryScope.DATABASE,
            path + ".list");
    GetQuery get =
        new GetQuery(
            query("SELECT id, name FROM " + type + "s WHERE id = ?<id>", path + ".get.query"),
            Map.of(),
            path + ".get");
    return new ResourceType(
        type,
        type,
        "",
        list,
        Optional.empty(),
        List.of(),
        grants,
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.of(get),
        incremental,
        path);
  }

  static ResourceIncrementalSync userIncremental(Optional<Cel> resourceId, String primaryKey) {
    String path = "resource_types.user.incremental_sync";
    return new ResourceIncrementalSync(
        query(
            "SELECT id, name, updated_at FROM users WHERE updated_at >= ?<since>", path + ".query"),
        "updated_at",
        resourceId,
        primaryKey(primaryKey),
        Map.of(),
        SETTINGS,
        path);
  }

  static GrantMapping mapping(int index, String skipIf, String principalId, String entitlement) {
    String path = "resource_types.group.grants[0].map[" + index + "]";
    return new GrantMapping(
        skipIf == null ? Optional.empty() : Optional.of(cel(skipIf, path + ".skip_if")),
        cel(principalId, path + ".principal_id"),
        "user",
        cel(entitlement, path + ".entitlement_id"),
        Annotations.NONE,
        Optional.empty(),
        Optional.empty(),
        path);
  }

  /** Memberships: {@code member} for everyone, and {@code admin} too where {@code .admin}. */
  static GrantsQuery memberships(boolean revokes, String primaryKey) {
    String path = "resource_types.group.grants[0]";
    GrantsIncrementalSync incremental =
        new GrantsIncrementalSync(
            cel(".group_id", path + ".incremental_sync.resource_id"),
            query(
                "SELECT id, group_id, user_id, admin, updated_at FROM memberships"
                    + " WHERE updated_at >= ?<since>",
                path + ".incremental_sync.changes_query"),
            "updated_at",
            revokes
                ? Optional.of(
                    query(
                        "SELECT id, group_id, user_id, admin, deleted_at FROM memberships"
                            + " WHERE deleted_at >= ?<since>",
                        path + ".incremental_sync.revokes_query"))
                : Optional.empty(),
            revokes ? Optional.of("deleted_at") : Optional.empty(),
            primaryKey(primaryKey),
            Map.of(),
            SETTINGS,
            path + ".incremental_sync");
    return new GrantsQuery(
        query("SELECT user_id, admin FROM memberships WHERE group_id = ?<group>", path + ".query"),
        Map.of(),
        Optional.empty(),
        List.of(
            mapping(0, null, ".user_id", "'member'"),
            mapping(1, "!cols.admin", ".user_id", "'admin'")),
        QueryScope.DATABASE,
        Optional.of(incremental),
        path);
  }

  static GrantsQuery withoutIncremental(GrantsQuery q) {
    return new GrantsQuery(
        q.query(), q.vars(), q.pagination(), q.map(), q.scope(), Optional.empty(), q.path());
  }

  /** The type without its {@code get} query. */
  static ResourceType withoutGet(ResourceType t) {
    return new ResourceType(
        t.id(),
        t.name(),
        t.description(),
        t.list(),
        t.entitlements(),
        t.staticEntitlements(),
        t.grants(),
        t.skipEntitlementsAndGrants(),
        t.accountProvisioning(),
        t.credentialRotation(),
        Optional.empty(),
        t.incrementalSync(),
        t.path());
  }

  /**
   * A shared event feed {@code event_feeds.audit} whose rows say everything themselves: columns
   * {@code kind}, {@code type}, {@code rid}, {@code ent}, {@code pid} and {@code skip}, cursor
   * {@code logged_at}, key {@code id}; principals are users. {@code principals} false leaves the
   * grant fields out of the map.
   */
  static EventFeed auditFeed(boolean principals) {
    String path = "event_feeds.audit";
    String map = path + ".map";
    EventFeedMapping mapping =
        new EventFeedMapping(
            cel(".kind", map + ".kind"),
            cel(".type", map + ".resource_type"),
            cel(".rid", map + ".resource_id"),
            principals ? Optional.of(cel(".ent", map + ".entitlement")) : Optional.empty(),
            principals ? Optional.of(cel("user", map + ".principal_type")) : Optional.empty(),
            principals ? Optional.of(cel(".pid", map + ".principal_id")) : Optional.empty(),
            Optional.of(cel(".skip", map + ".skip_if")));
    return new EventFeed(
        "audit",
        query(
            "SELECT id, logged_at, kind, type, rid, ent, pid, skip FROM audit"
                + " WHERE logged_at >= ?<since>",
            path + ".query"),
        "logged_at",
        "id",
        mapping,
        Map.of(),
        SETTINGS,
        path);
  }

  /** {@link #config} with shared event feeds too. */
  static Config config(List<EventFeed> feeds, ResourceType... types) {
    Config plain = config(types);
    Map<String, EventFeed> byKey = new LinkedHashMap<>();
    feeds.forEach(f -> byKey.put(f.key(), f));
    return new Config(
        plain.appName(),
        plain.appDescription(),
        plain.connect(),
        plain.resourceTypes(),
        plain.actions(),
        plain.incrementalSync(),
        byKey,
        plain.fullSync());
  }

  static Config config(ResourceType... types) {
    Map<String, ResourceType> byId = new LinkedHashMap<>();
    for (ResourceType t : types) {
      byId.put(t.id(), t);
    }
    Connect connect =
        new Connect(
            "sqlite:acme.db", "", "", "", "", "", "", Map.of(), Optional.empty(), "connect");
    return new Config(
        "acme", "", connect, byId, Map.of(), SETTINGS, Map.of(), FullSyncSettings.OFF);
  }

  /** The config of the fixtures: user (fed), group (memberships fed with revokes). */
  static Config acme() {
    return config(
        resourceType("user", Optional.of(userIncremental(Optional.empty(), "id")), List.of()),
        resourceType("group", Optional.empty(), List.of(memberships(true, "id"))));
  }

  static FeedSource source(Config config, String key) {
    return FeedSources.find(config, key).orElseThrow();
  }
}
