package dev.sqlfeed.domain.config.provisioning;

import dev.sqlfeed.domain.config.Query;
import java.util.Objects;
import java.util.Optional;

/**
 * A revoke's {@code revoke_options}.
 *
 * @param principalExistsCheck {@code principal_exists_check.query}: run after the revoke; no row
 *     means the application deleted the principal
 * @param path the YAML path of the block
 */
public record RevokeOptions(Optional<Query> principalExistsCheck, String path) {
  public RevokeOptions {
    Objects.requireNonNull(principalExistsCheck, "principalExistsCheck");
    Objects.requireNonNull(path, "path");
  }
}
