package dev.sqlfeed.domain.mirror;

import java.util.Map;
import java.util.Objects;

/** A principal holds an entitlement of a resource. */
public record Grant(ResourceRef resource, String entitlement, ResourceRef principal)
    implements MirrorRecord {

  public Grant {
    Objects.requireNonNull(resource, "resource");
    ResourceRef.requireText(entitlement, "entitlement id");
    Objects.requireNonNull(principal, "principal");
  }

  @Override
  public String toJsonLine() {
    Map<String, Object> json = CanonicalJson.line("grant", resource);
    json.put("entitlement", entitlement);
    json.put("principal_type", principal.resourceType());
    json.put("principal_id", principal.resourceId());
    return CanonicalJson.write(json);
  }
}
