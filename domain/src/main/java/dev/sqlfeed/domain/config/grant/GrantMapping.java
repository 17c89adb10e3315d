package dev.sqlfeed.domain.config.grant;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.resource.Annotations;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a grants query's {@code map}. A row for which {@code skip_if} is true, or whose
 * principal id or entitlement id is empty, yields no grant (as in baton-sql).
 *
 * @param skipIf {@code skip_if}
 * @param principalId {@code principal_id} (CEL)
 * @param principalType {@code principal_type}: a resource type id, literal
 * @param entitlementId {@code entitlement_id} (CEL)
 * @param annotations {@code annotations}
 * @param expandable {@code expandable}
 * @param entitlementResourceId {@code entitlement_resource_id}: used by grant replacement
 * @param path the YAML path, for example {@code resource_types.group.grants[0].map[1]}
 */
public record GrantMapping(
    Optional<Cel> skipIf,
    Cel principalId,
    String principalType,
    Cel entitlementId,
    Annotations annotations,
    Optional<ExpandableGrant> expandable,
    Optional<Cel> entitlementResourceId,
    String path) {
  public GrantMapping {
    Objects.requireNonNull(skipIf, "skipIf");
    Objects.requireNonNull(principalId, "principalId");
    Objects.requireNonNull(principalType, "principalType");
    Objects.requireNonNull(entitlementId, "entitlementId");
    Objects.requireNonNull(annotations, "annotations");
    Objects.requireNonNull(expandable, "expandable");
    Objects.requireNonNull(entitlementResourceId, "entitlementResourceId");
    Objects.requireNonNull(path, "path");
  }
}
