package dev.sqlfeed.domain.mirror;

import java.util.LinkedHashMap;
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
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", "grant");
    json.put("resource_type", resource.resourceType());
    json.put("resource_id", resource.resourceId());
    json.put("entitlement", entitlement);
    json.put("principal_type", principal.resourceType());
    json.put("principal_id", principal.resourceId());
    return CanonicalJson.write(json);
  }
}
