package dev.sqlfeed.domain.config.entitlement;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.provisioning.EntitlementProvisioning;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an entitlements query's {@code map}: CEL over the row and the resource. Alike on
 * purpose to {@link StaticEntitlement} (see there).
 *
 * @param id {@code id}
 * @param displayName {@code display_name}
 * @param description {@code description}
 * @param grantableTo {@code grantable_to}: resource type ids
 * @param purpose {@code purpose}, if given
 * @param slug {@code slug}
 * @param immutable {@code immutable}
 * @param skipIf {@code skip_if}: rows for which it is true produce no entitlement
 * @param provisioning {@code provisioning}
 * @param exclusionGroup {@code exclusion_group}
 * @param path the YAML path, for example {@code resource_types.group.entitlements.map[0]}
 */
public record EntitlementMapping(
    Cel id,
    Cel displayName,
    Optional<Cel> description,
    List<String> grantableTo,
    Optional<PurposeSpec> purpose,
    Optional<Cel> slug,
    boolean immutable,
    Optional<Cel> skipIf,
    Optional<EntitlementProvisioning> provisioning,
    Optional<ExclusionGroup> exclusionGroup,
    String path) {
  public EntitlementMapping {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(description, "description");
    grantableTo = List.copyOf(grantableTo);
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(skipIf, "skipIf");
    Objects.requireNonNull(provisioning, "provisioning");
    Objects.requireNonNull(exclusionGroup, "exclusionGroup");
    Objects.requireNonNull(path, "path");
  }
}
