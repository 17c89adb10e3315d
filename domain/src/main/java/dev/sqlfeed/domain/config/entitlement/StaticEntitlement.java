package dev.sqlfeed.domain.config.entitlement;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.provisioning.EntitlementProvisioning;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code static_entitlements}: an entitlement every resource of the type has. Its id,
 * slug and purpose are literal; display name and description are CEL over the resource. Alike on
 * purpose to {@link EntitlementMapping}, the same YAML keys: there id, slug and purpose are CEL
 * over each row, so the two are kept apart rather than one type with half its fields unused.
 *
 * @param id {@code id}
 * @param displayName {@code display_name}
 * @param description {@code description}
 * @param grantableTo {@code grantable_to}: resource type ids
 * @param purpose {@code purpose}
 * @param slug {@code slug}; the id when absent
 * @param immutable {@code immutable}
 * @param skipIf {@code skip_if}
 * @param provisioning {@code provisioning}
 * @param exclusionGroup {@code exclusion_group}
 * @param path the YAML path, for example {@code resource_types.role.static_entitlements[0]}
 */
public record StaticEntitlement(
    String id,
    Cel displayName,
    Optional<Cel> description,
    List<String> grantableTo,
    Purpose purpose,
    String slug,
    boolean immutable,
    Optional<Cel> skipIf,
    Optional<EntitlementProvisioning> provisioning,
    Optional<ExclusionGroup> exclusionGroup,
    String path) {
  public StaticEntitlement {
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
