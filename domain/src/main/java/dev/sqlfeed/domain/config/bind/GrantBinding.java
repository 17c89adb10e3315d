package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.Pagination;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.QueryVar;
import dev.sqlfeed.domain.config.grant.ExpandableGrant;
import dev.sqlfeed.domain.config.grant.GrantMapping;
import dev.sqlfeed.domain.config.grant.GrantsIncrementalSync;
import dev.sqlfeed.domain.config.grant.GrantsQuery;
import dev.sqlfeed.domain.config.resource.Annotations;
import dev.sqlfeed.domain.config.tree.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Binds a resource type's {@code grants} and their mappings. */
final class GrantBinding {
  static final KeySet QUERY =
      KeySet.of("query", "vars", "pagination", "map", "scope", "incremental_sync");
  static final KeySet MAPPING =
      KeySet.of(
          "skip_if",
          "principal_id",
          "principal_type",
          "entitlement_id",
          "annotations",
          "expandable",
          "entitlement_resource_id");
  static final KeySet EXPANDABLE = KeySet.of("skip_if", "entitlement_ids", "shallow");

  private GrantBinding() {}

  static List<GrantsQuery> grants(Section rt, IncrementalBinding.Defaults defaults) {
    List<GrantsQuery> out = new ArrayList<>();
    for (Section g : rt.sections("grants", QUERY)) {
      int mark = g.binding.mark();
      Map<String, QueryVar> vars = QueryParts.vars(g, "vars");
      Optional<Pagination> pagination = QueryParts.pagination(g, Optional.empty());
      Optional<Query> query =
          QueryParts.query(g, "query", QueryKind.GRANTS, vars.keySet(), pagination);
      List<GrantMapping> map = mappings(g, true);
      var scope = QueryParts.scope(g);
      Optional<GrantsIncrementalSync> incremental = IncrementalBinding.grants(g, defaults);
      g.binding
          .build(
              mark,
              () ->
                  new GrantsQuery(
                      query.orElseThrow(), vars, pagination, map, scope, incremental, g.path))
          .ifPresent(out::add);
    }
    return out;
  }

  /**
   * A {@code map} list of grant mappings; {@code nonEmpty} makes an empty or missing list an error.
   */
  static List<GrantMapping> mappings(Section parent, boolean nonEmpty) {
    int before = parent.binding.mark();
    List<Section> items = parent.sections("map", MAPPING);
    if (nonEmpty && items.isEmpty() && parent.binding.mark() == before) {
      parent.binding.error(
          parent.node.get("map").map(n -> n.location()).orElse(parent.at),
          parent.pathOf("map"),
          "needs at least one grant mapping");
    }
    List<GrantMapping> out = new ArrayList<>();
    for (Section m : items) {
      mapping(m).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<GrantMapping> mapping(Section m) {
    int mark = m.binding.mark();
    Optional<Cel> skipIf = m.cel("skip_if");
    Optional<Cel> principalId = m.requiredCel("principal_id");
    Optional<ScalarNode> principalType = m.required("principal_type");
    principalType.ifPresent(n -> References.check(m, n, m.pathOf("principal_type")));
    Optional<Cel> entitlementId = m.requiredCel("entitlement_id");
    Annotations annotations = MappingBinding.annotations(m);
    Optional<ExpandableGrant> expandable =
        m.section("expandable", EXPANDABLE)
            .flatMap(
                e -> {
                  int k = e.binding.mark();
                  Optional<Cel> skip = e.cel("skip_if");
                  List<Cel> ids = e.celList("entitlement_ids");
                  if (ids.isEmpty() && e.binding.mark() == k) {
                    e.binding.error(e.at, e.path, "needs at least one entry in 'entitlement_ids'");
                  }
                  boolean shallow = e.bool("shallow");
                  return e.binding.build(k, () -> new ExpandableGrant(skip, ids, shallow, e.path));
                });
    Optional<Cel> entitlementResourceId = m.cel("entitlement_resource_id");
    return m.binding.build(
        mark,
        () ->
            new GrantMapping(
                skipIf,
                principalId.orElseThrow(),
                principalType.orElseThrow().text(),
                entitlementId.orElseThrow(),
                annotations,
                expandable,
                entitlementResourceId,
                m.path));
  }
}
