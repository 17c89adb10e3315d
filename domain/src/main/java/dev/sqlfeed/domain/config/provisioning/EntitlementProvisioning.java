package dev.sqlfeed.domain.config.provisioning;

import dev.sqlfeed.domain.config.Ordered;
import dev.sqlfeed.domain.config.QueryVar;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An entitlement's {@code provisioning}: statements that grant and revoke it, run by {@code sqlfeed
 * grant} and {@code sqlfeed revoke} (see {@code dev.sqlfeed.domain.provisioning}).
 *
 * @param vars {@code vars}: the values of every placeholder in the statements below
 * @param grant {@code grant}
 * @param revoke {@code revoke}
 * @param path the YAML path of the block
 */
public record EntitlementProvisioning(
    Map<String, QueryVar> vars,
    Optional<GrantProvisioning> grant,
    Optional<ProvisioningQueries> revoke,
    String path) {
  public EntitlementProvisioning {
    vars = Ordered.copy(vars);
    Objects.requireNonNull(grant, "grant");
    Objects.requireNonNull(revoke, "revoke");
    Objects.requireNonNull(path, "path");
  }
}
