package dev.sqlfeed.domain.config.entitlement;

import dev.sqlfeed.domain.config.Cel;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code exclusion_group}: the entitlement belongs to a group of mutually exclusive ones on its
 * resource. Every field is CEL.
 *
 * @param id {@code id}
 * @param order {@code order}
 * @param isDefault {@code is_default}
 * @param isScopeToResource {@code is_scope_to_resource}
 * @param path the YAML path of the block
 */
public record ExclusionGroup(
    Cel id,
    Optional<Cel> order,
    Optional<Cel> isDefault,
    Optional<Cel> isScopeToResource,
    String path) {
  // Alike on purpose to ResourceType and SecretTrait: other YAML blocks, checked the same way.
  public ExclusionGroup {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(isDefault, "isDefault");
    Objects.requireNonNull(isScopeToResource, "isScopeToResource");
    Objects.requireNonNull(path, "path");
  }
}
