package dev.sqlfeed.domain.config.feed;

import dev.sqlfeed.domain.config.Cel;
import java.util.Objects;
import java.util.Optional;

/**
 * An event feed's {@code map}: CEL expressions that turn one row into one event.
 *
 * @param kind {@code kind}: yields {@code resource_changed}, {@code resource_deleted}, {@code
 *     grant_created} or {@code grant_revoked}
 * @param resourceType {@code resource_type}: a resource type id of the config
 * @param resourceId {@code resource_id}
 * @param entitlement {@code entitlement}: for the grant kinds only
 * @param principalType {@code principal_type}: for the grant kinds only
 * @param principalId {@code principal_id}: for the grant kinds only
 * @param skipIf {@code skip_if}: a row for which it is true yields no event
 */
public record EventFeedMapping(
    Cel kind,
    Cel resourceType,
    Cel resourceId,
    Optional<Cel> entitlement,
    Optional<Cel> principalType,
    Optional<Cel> principalId,
    Optional<Cel> skipIf) {
  public EventFeedMapping {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(entitlement, "entitlement");
    Objects.requireNonNull(principalType, "principalType");
    Objects.requireNonNull(principalId, "principalId");
    Objects.requireNonNull(skipIf, "skipIf");
  }
}
