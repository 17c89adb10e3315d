package dev.sqlfeed.domain.mirror;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An entitlement that a resource offers, such as a group's {@code member}.
 *
 * @param entitlement the entitlement's id within its resource (baton-sql's mapped {@code id})
 * @param purpose {@code assignment} or {@code permission}
 * @param grantableTo resource type keys that may hold it
 */
public record Entitlement(
    ResourceRef resource,
    String entitlement,
    String displayName,
    String description,
    String purpose,
    List<String> grantableTo)
    implements MirrorRecord {

  public Entitlement {
    Objects.requireNonNull(resource, "resource");
    ResourceRef.requireText(entitlement, "entitlement id");
    displayName = displayName == null ? "" : displayName;
    grantableTo = grantableTo == null ? List.of() : List.copyOf(grantableTo);
  }

  @Override
  public String toJsonLine() {
    Map<String, Object> json = CanonicalJson.line("entitlement", resource);
    json.put("entitlement", entitlement);
    json.put("display_name", displayName);
    json.put("description", description);
    json.put("purpose", purpose);
    json.put("grantable_to", grantableTo);
    return CanonicalJson.write(json);
  }
}
