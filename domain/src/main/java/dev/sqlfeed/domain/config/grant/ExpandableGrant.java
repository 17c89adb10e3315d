package dev.sqlfeed.domain.config.grant;

import dev.sqlfeed.domain.config.Cel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A grant mapping's {@code expandable}: the principal's own grants of these entitlements count as
 * grants of this one.
 *
 * @param skipIf {@code skip_if}
 * @param entitlementIds {@code entitlement_ids} (CEL, at least one)
 * @param shallow {@code shallow}
 * @param path the YAML path of the block
 */
public record ExpandableGrant(
    Optional<Cel> skipIf, List<Cel> entitlementIds, boolean shallow, String path) {
  public ExpandableGrant {
    Objects.requireNonNull(skipIf, "skipIf");
    entitlementIds = List.copyOf(entitlementIds);
    Objects.requireNonNull(path, "path");
  }
}
