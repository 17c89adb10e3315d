package dev.sqlfeed.domain.sync;

import dev.sqlfeed.domain.mapping.Activation;
import dev.sqlfeed.domain.mirror.Resource;
import java.util.Map;
import java.util.Objects;

/**
 * A resource as mapped from its row, with the {@code resource} CEL variable that its entitlement
 * and grant mappings see.
 */
public record MappedResource(Resource resource, Map<String, Object> celResource) {
  public MappedResource {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(celResource, "celResource");
  }

  /** Builds the CEL variable from the resource and the profile of its first trait that has one. */
  public static MappedResource of(Resource resource, Map<String, ?> profile) {
    return new MappedResource(
        resource,
        Activation.resource(
            resource.resource().resourceId(),
            resource.resource().resourceType(),
            resource.displayName(),
            profile));
  }

  /** The variables for one row of this resource's entitlements or grants query. */
  public Map<String, Object> activationFor(Map<String, Object> row) {
    return Activation.forRow(row, celResource);
  }
}
