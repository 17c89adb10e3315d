package dev.sqlfeed.domain.config.resource;

import dev.sqlfeed.domain.config.Cel;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code map.non_human_identity}.
 *
 * @param nhiType {@code nhi_type}: app_registration, assumable_role or managed_identity
 * @param nhiDetail {@code nhi_detail}: free form, by convention {@code platform.object}
 * @param path the YAML path of the block
 */
public record NonHumanIdentity(Cel nhiType, Optional<Cel> nhiDetail, String path) {
  public NonHumanIdentity {
    Objects.requireNonNull(nhiType, "nhiType");
    Objects.requireNonNull(nhiDetail, "nhiDetail");
    Objects.requireNonNull(path, "path");
  }
}
