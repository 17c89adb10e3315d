package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.Pagination;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.QueryVar;
import dev.sqlfeed.domain.config.entitlement.EntitlementMapping;
import dev.sqlfeed.domain.config.entitlement.EntitlementsQuery;
import dev.sqlfeed.domain.config.entitlement.ExclusionGroup;
import dev.sqlfeed.domain.config.entitlement.Purpose;
import dev.sqlfeed.domain.config.entitlement.PurposeSpec;
import dev.sqlfeed.domain.config.entitlement.StaticEntitlement;
import dev.sqlfeed.domain.config.provisioning.EntitlementProvisioning;
import dev.sqlfeed.domain.config.tree.ScalarNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Binds {@code static_entitlements} and {@code entitlements}. */
final class EntitlementBinding {
  static final KeySet MAPPING =
      KeySet.of(
              "id",
              "display_name",
              "description",
              "grantable_to",
              "purpose",
              "slug",
              "immutable",
              "skip_if",
              "provisioning",
              "exclusion_group")
          .ignoring(
              "annotations",
              "baton-sql ignores annotations on entitlements, so sqlfeed does too"
                  + " (use immutable: true)");
  static final KeySet QUERY = KeySet.of("query", "vars", "pagination", "map", "scope");
  static final KeySet EXCLUSION_GROUP =
      KeySet.of("id", "order", "is_default", "is_scope_to_resource");

  private EntitlementBinding() {}

  static List<StaticEntitlement> statics(Section rt) {
    List<StaticEntitlement> out = new ArrayList<>();
    for (Section e : rt.sections("static_entitlements", MAPPING)) {
      int mark = e.binding.mark();
      Optional<ScalarNode> id = e.required("id");
      Optional<Cel> displayName = e.requiredCel("display_name");
      Optional<Cel> description = e.cel("description");
      List<String> grantableTo = References.resourceTypes(e, "grantable_to");
      Purpose purpose = staticPurpose(e);
      String slug = e.text("slug");
      boolean immutable = e.bool("immutable");
      Optional<Cel> skipIf = e.cel("skip_if");
      Optional<EntitlementProvisioning> provisioning = ProvisioningBinding.entitlement(e);
      Optional<ExclusionGroup> group = exclusionGroup(e);
      e.binding
          .build(
              mark,
              () ->
                  new StaticEntitlement(
                      id.orElseThrow().text(),
                      displayName.orElseThrow(),
                      description,
                      grantableTo,
                      purpose,
                      slug.isEmpty() ? id.orElseThrow().text() : slug,
                      immutable,
                      skipIf,
                      provisioning,
                      group,
                      e.path))
          .ifPresent(out::add);
    }
    return out;
  }

  static Optional<EntitlementsQuery> query(Section rt) {
    return rt.section("entitlements", QUERY)
        .flatMap(
            q -> {
              int mark = q.binding.mark();
              Map<String, QueryVar> vars = QueryParts.vars(q, "vars");
              Optional<Pagination> pagination = QueryParts.pagination(q, Optional.empty());
              Optional<Query> query =
                  QueryParts.query(q, "query", QueryKind.ENTITLEMENTS, vars.keySet(), pagination);
              int beforeMap = q.binding.mark();
              List<Section> items = q.sections("map", MAPPING);
              if (items.isEmpty() && q.binding.mark() == beforeMap) {
                q.binding.error(
                    q.node.get("map").map(n -> n.location()).orElse(q.at),
                    q.pathOf("map"),
                    "needs at least one entitlement mapping");
              }
              List<EntitlementMapping> map = new ArrayList<>();
              for (Section e : items) {
                mapping(e).ifPresent(map::add);
              }
              var scope = QueryParts.scope(q);
              return q.binding.build(
                  mark,
                  () ->
                      new EntitlementsQuery(
                          query.orElseThrow(), vars, pagination, map, scope, q.path));
            });
  }

  private static Optional<EntitlementMapping> mapping(Section e) {
    int mark = e.binding.mark();
    Optional<Cel> id = e.requiredCel("id");
    Optional<Cel> displayName = e.requiredCel("display_name");
    Optional<Cel> description = e.cel("description");
    List<String> grantableTo = References.resourceTypes(e, "grantable_to");
    Optional<PurposeSpec> purpose = dynamicPurpose(e);
    Optional<Cel> slug = e.cel("slug");
    boolean immutable = e.bool("immutable");
    Optional<Cel> skipIf = e.cel("skip_if");
    Optional<EntitlementProvisioning> provisioning = ProvisioningBinding.entitlement(e);
    Optional<ExclusionGroup> group = exclusionGroup(e);
    return e.binding.build(
        mark,
        () ->
            new EntitlementMapping(
                id.orElseThrow(),
                displayName.orElseThrow(),
                description,
                grantableTo,
                purpose,
                slug,
                immutable,
                skipIf,
                provisioning,
                group,
                e.path));
  }

  /** A static purpose is a word; baton-sql reads any other word as unspecified. */
  private static Purpose staticPurpose(Section e) {
    Optional<ScalarNode> s = e.scalar("purpose");
    if (s.isEmpty() || s.get().text().isEmpty()) {
      return Purpose.UNSPECIFIED;
    }
    for (Purpose p : Purpose.values()) {
      if (!p.yaml().isEmpty() && p.yaml().equals(s.get().text())) {
        return p;
      }
    }
    e.binding.warn(
        s.get().location(),
        e.pathOf("purpose"),
        "'"
            + s.get().text()
            + "' is not one of "
            + KeyHints.quotedList(allowedPurposes())
            + "; baton-sql reads it as unspecified");
    return Purpose.UNSPECIFIED;
  }

  /** A queried entitlement's purpose is a word or CEL that yields one. */
  private static Optional<PurposeSpec> dynamicPurpose(Section e) {
    Optional<ScalarNode> s = e.scalar("purpose");
    if (s.isEmpty() || s.get().text().isBlank()) {
      return Optional.empty();
    }
    for (Purpose p : Purpose.values()) {
      if (!p.yaml().isEmpty() && p.yaml().equals(s.get().text().strip())) {
        return Optional.of(new PurposeSpec.Fixed(p));
      }
    }
    return e.binding.compile(s.get(), e.pathOf("purpose")).map(PurposeSpec.Computed::new);
  }

  private static List<String> allowedPurposes() {
    return Arrays.stream(Purpose.values()).map(Purpose::yaml).filter(v -> !v.isEmpty()).toList();
  }

  private static Optional<ExclusionGroup> exclusionGroup(Section e) {
    return e.section("exclusion_group", EXCLUSION_GROUP)
        .flatMap(
            g -> {
              int mark = g.binding.mark();
              Optional<Cel> id = g.requiredCel("id");
              Optional<Cel> order = g.cel("order");
              Optional<Cel> isDefault = g.cel("is_default");
              Optional<Cel> scoped = g.cel("is_scope_to_resource");
              return g.binding.build(
                  mark,
                  () -> new ExclusionGroup(id.orElseThrow(), order, isDefault, scoped, g.path));
            });
  }
}
