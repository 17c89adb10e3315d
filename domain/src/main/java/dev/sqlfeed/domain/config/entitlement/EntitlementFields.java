package dev.sqlfeed.domain.config.entitlement;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.provisioning.EntitlementProvisioning;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The checks that {@link EntitlementMapping} and {@link StaticEntitlement} share: the two have the
 * same YAML keys and differ only in how id, purpose and slug are typed (CEL in one, literal in the
 * other), so both constructors check their components here, once.
 */
final class EntitlementFields {
  private EntitlementFields() {}

  /**
   * Requires every component but {@code immutable} to be present, in the records' order.
   *
   * @return an unmodifiable copy of {@code grantableTo}
   * @throws NullPointerException naming the first component that is null
   */
  static List<String> checked(
      Object id,
      Cel displayName,
      Optional<Cel> description,
      List<String> grantableTo,
      Object purpose,
      Object slug,
      Optional<Cel> skipIf,
      Optional<EntitlementProvisioning> provisioning,
      Optional<ExclusionGroup> exclusionGroup,
      String path) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(description, "description");
    List<String> grantable = List.copyOf(grantableTo);
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(skipIf, "skipIf");
    Objects.requireNonNull(provisioning, "provisioning");
    Objects.requireNonNull(exclusionGroup, "exclusionGroup");
    Objects.requireNonNull(path, "path");
    return grantable;
  }
}
