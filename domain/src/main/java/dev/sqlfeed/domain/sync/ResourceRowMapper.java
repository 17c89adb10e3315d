package dev.sqlfeed.domain.sync;

import dev.sqlfeed.domain.config.resource.ResourceMapping;
import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.domain.config.resource.Traits;
import dev.sqlfeed.domain.mapping.Activation;
import dev.sqlfeed.domain.mirror.Resource;
import dev.sqlfeed.domain.mirror.ResourceRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps a row of a resource type's list (or get) query to a resource, as baton-sql does. */
public final class ResourceRowMapper {
  private ResourceRowMapper() {}

  /**
   * Maps one row.
   *
   * @param rowKey how to name the row in an error
   * @throws dev.sqlfeed.domain.error.MappingException naming the resource type, the row and the
   *     expression when an expression fails or the id is empty
   */
  public static MappedResource map(ResourceType type, Map<String, Object> row, String rowKey) {
    ResourceMapping mapping = type.list().map();
    Evaluation eval = new Evaluation("resource type " + type.id(), rowKey, Activation.forRow(row));
    String id = eval.string(mapping.id());
    if (id.isEmpty()) {
      throw eval.error(mapping.id(), "the resource id is empty (a NULL column?)");
    }
    String displayName = eval.string(mapping.displayName());
    String description = mapping.description().map(eval::string).orElse(null);
    Map<String, Object> traits = traits(mapping.traits(), eval);
    mapping
        .nonHumanIdentity()
        .ifPresent(nhi -> traits.put("non_human_identity", TraitValues.of(nhi, eval)));
    Resource resource =
        new Resource(
            new ResourceRef(type.id(), id),
            displayName.isEmpty() ? id : displayName,
            description == null || description.isEmpty() ? null : description,
            null,
            traits);
    return MappedResource.of(resource, profile(traits));
  }

  /**
   * The resource as {@link #map} gave it, rebuilt from the mapped record: for the grants queries of
   * a resource that a refresh read.
   */
  public static MappedResource of(Resource resource) {
    return MappedResource.of(resource, profile(resource.traits()));
  }

  private static Map<String, Object> traits(Traits traits, Evaluation eval) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Object> present = TraitValues.present(traits);
    for (int i = 0; i < present.size(); i += 2) {
      out.put((String) present.get(i), TraitValues.of((Record) present.get(i + 1), eval));
    }
    return out;
  }

  /** The profile of the first trait that has one: what baton-sql shows as resource.profile. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> profile(Map<String, Object> traits) {
    for (Object trait : traits.values()) {
      if (trait instanceof Map<?, ?> fields && fields.get("profile") instanceof Map<?, ?> p) {
        return (Map<String, Object>) p;
      }
    }
    return Map.of();
  }
}
