package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.Pagination;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.QueryVar;
import dev.sqlfeed.domain.config.entitlement.EntitlementsQuery;
import dev.sqlfeed.domain.config.entitlement.StaticEntitlement;
import dev.sqlfeed.domain.config.grant.GrantsQuery;
import dev.sqlfeed.domain.config.provisioning.AccountProvisioning;
import dev.sqlfeed.domain.config.provisioning.CredentialRotation;
import dev.sqlfeed.domain.config.resource.GetQuery;
import dev.sqlfeed.domain.config.resource.ListQuery;
import dev.sqlfeed.domain.config.resource.ResourceIncrementalSync;
import dev.sqlfeed.domain.config.resource.ResourceMapping;
import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.domain.config.tree.ScalarNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Binds one entry of {@code resource_types}. */
final class ResourceTypeBinding {
  static final KeySet KEYS =
      KeySet.of(
          "name",
          "description",
          "list",
          "entitlements",
          "static_entitlements",
          "grants",
          "skip_entitlements_and_grants",
          "account_provisioning",
          "credential_rotation",
          "get",
          "incremental_sync");
  static final KeySet LIST = KeySet.of("query", "vars", "pagination", "map", "scope");
  static final KeySet GET = KeySet.of("query", "vars");

  private ResourceTypeBinding() {}

  static Optional<ResourceType> bind(Section rt, String id, IncrementalBinding.Defaults defaults) {
    int mark = rt.binding.mark();
    Optional<ScalarNode> name = rt.required("name");
    String description = rt.text("description");
    Optional<ListQuery> list = rt.requiredSection("list", LIST).flatMap(ResourceTypeBinding::list);
    Optional<EntitlementsQuery> entitlements = EntitlementBinding.query(rt);
    List<StaticEntitlement> statics = EntitlementBinding.statics(rt);
    if (!statics.isEmpty() && entitlements.isPresent()) {
      rt.binding.warn(
          rt.node.entry("entitlements").orElseThrow().keyLocation(),
          rt.pathOf("entitlements"),
          "baton-sql reads only static_entitlements when both are set; this query is not run");
    }
    List<GrantsQuery> grants = GrantBinding.grants(rt, defaults);
    boolean skip = rt.bool("skip_entitlements_and_grants");
    Optional<AccountProvisioning> account = AccountBinding.provisioning(rt);
    Optional<CredentialRotation> rotation = AccountBinding.rotation(rt);
    Optional<GetQuery> get = rt.section("get", GET).flatMap(ResourceTypeBinding::get);
    Optional<ResourceIncrementalSync> incremental = IncrementalBinding.resource(rt, defaults);
    return rt.binding.build(
        mark,
        () ->
            new ResourceType(
                id,
                name.orElseThrow().text(),
                description,
                list.orElseThrow(),
                entitlements,
                statics,
                grants,
                skip,
                account,
                rotation,
                get,
                incremental,
                rt.path));
  }

  private static Optional<ListQuery> list(Section l) {
    int mark = l.binding.mark();
    Map<String, QueryVar> vars = QueryParts.vars(l, "vars");
    Optional<Pagination> pagination = QueryParts.pagination(l, Optional.empty());
    Optional<Query> query = QueryParts.query(l, "query", QueryKind.LIST, vars.keySet(), pagination);
    Optional<ResourceMapping> map = MappingBinding.bind(l);
    var scope = QueryParts.scope(l);
    return l.binding.build(
        mark,
        () ->
            new ListQuery(query.orElseThrow(), vars, pagination, map.orElseThrow(), scope, l.path));
  }

  private static Optional<GetQuery> get(Section g) {
    int mark = g.binding.mark();
    Map<String, QueryVar> vars = QueryParts.vars(g, "vars");
    QueryParts.rejectReservedVars(g, "vars", vars);
    Optional<Query> query =
        QueryParts.query(g, "query", QueryKind.GET, vars.keySet(), Optional.empty());
    return g.binding.build(mark, () -> new GetQuery(query.orElseThrow(), vars, g.path));
  }
}
