package dev.sqlfeed.ports.feed;

import dev.sqlfeed.domain.config.grant.GrantsQuery;
import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.domain.sync.GrantRowMapper;
import dev.sqlfeed.domain.sync.MappedResource;
import dev.sqlfeed.ports.SourceReader;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grants the database holds on some resources of one type, read with the type's grants queries
 * as a full sync reads them per resource, run for the resources together ({@link
 * PerResourceQuery}).
 */
final class ResourceGrants {
  private final PerResourceQuery queries;

  ResourceGrants(SourceReader source) {
    this.queries = new PerResourceQuery(source);
  }

  /** Each owner's grants, by its resource, in the owners' order. */
  Map<ResourceRef, Set<Grant>> of(ResourceType type, List<MappedResource> owners) {
    Map<ResourceRef, Set<Grant>> found = empty(owners);
    for (GrantsQuery query : type.grants()) {
      add(type, query, owners, found);
    }
    return found;
  }

  /** Each owner's grants that one of its type's grants queries gives, by its resource. */
  Map<ResourceRef, Set<Grant>> of(
      ResourceType type, GrantsQuery query, List<MappedResource> owners) {
    Map<ResourceRef, Set<Grant>> found = empty(owners);
    add(type, query, owners, found);
    return found;
  }

  private void add(
      ResourceType type,
      GrantsQuery query,
      List<MappedResource> owners,
      Map<ResourceRef, Set<Grant>> found) {
    queries.run(
        type.id(),
        query.query(),
        query.pagination(),
        query.vars(),
        owners,
        (owner, row, rowKey) -> {
          MappedResource resource = owners.get(owner);
          found
              .get(resource.resource().resource())
              .addAll(GrantRowMapper.map(type, query, resource, row, rowKey));
        });
  }

  private static Map<ResourceRef, Set<Grant>> empty(List<MappedResource> owners) {
    Map<ResourceRef, Set<Grant>> found = new LinkedHashMap<>();
    owners.forEach(o -> found.put(o.resource().resource(), new LinkedHashSet<>()));
    return found;
  }
}
