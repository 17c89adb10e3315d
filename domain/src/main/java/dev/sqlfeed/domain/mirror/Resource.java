package dev.sqlfeed.domain.mirror;

import java.util.Map;
import java.util.Objects;

/**
 * A resource (user, group, role, app ...) with its mapped fields.
 *
 * @param traits trait name ({@code user}, {@code group}, {@code role}, {@code app}) to its mapped
 *     fields; values are JSON-like (String, Long, Double, Boolean, List, Map, null)
 */
public record Resource(
    ResourceRef resource,
    String displayName,
    String description,
    ResourceRef parent,
    Map<String, Object> traits)
    implements MirrorRecord {

  public Resource {
    Objects.requireNonNull(resource, "resource");
    displayName = displayName == null ? "" : displayName;
    traits = traits == null ? Map.of() : CanonicalJson.freeze(traits);
  }

  @Override
  public String toJsonLine() {
    Map<String, Object> json = CanonicalJson.line("resource", resource);
    json.put("display_name", displayName);
    json.put("description", description);
    json.put("parent", parent == null ? null : CanonicalJson.ref(parent));
    json.put("traits", traits);
    return CanonicalJson.write(json);
  }
}
