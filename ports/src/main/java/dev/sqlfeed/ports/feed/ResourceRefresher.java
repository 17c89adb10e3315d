package dev.sqlfeed.ports.feed;

import dev.sqlfeed.domain.config.resource.GetQuery;
import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.domain.config.resource.ResourceType.EntitlementSource;
import dev.sqlfeed.domain.error.ConfigException;
import dev.sqlfeed.domain.mapping.Activation;
import dev.sqlfeed.domain.mirror.Entitlement;
import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.domain.sync.EntitlementRowMapper;
import dev.sqlfeed.domain.sync.MappedResource;
import dev.sqlfeed.domain.sync.ResourceRowMapper;
import dev.sqlfeed.ports.MirrorChange;
import dev.sqlfeed.ports.SourceQuery;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.fullsync.QueryRunner;
import dev.sqlfeed.ports.fullsync.QueryVars;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one resource again with its type's {@code get} query ({@code ?<id>} bound to the id) and
 * says what that does to the mirror: the resource as it is now, with its entitlements, or — when
 * the query finds nothing — its deletion. This is what a {@code resource_changed} event means.
 */
public final class ResourceRefresher {
  private final SourceReader source;

  public ResourceRefresher(SourceReader source) {
    this.source = source;
  }

  /**
   * The mirror change for the resource's current state.
   *
   * @throws ConfigException when the type has no {@code get} query
   */
  public MirrorChange refresh(ResourceType type, String resourceId) {
    GetQuery get =
        type.get()
            .orElseThrow(
                () ->
                    new ConfigException(
                        type.path()
                            + ": a resource type whose changes are fed needs a 'get' query"));
    Map<String, Object> bindings =
        new HashMap<>(QueryVars.evaluate(get.vars(), Activation.forRow(Map.of())));
    for (String name : get.query().sql().parameters()) {
      if (name.equalsIgnoreCase("id")) {
        bindings.put(name, resourceId);
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>(1);
    source.read(
        new SourceQuery(get.query().path() + " (for id " + resourceId + ")", get.query().sql()),
        bindings,
        row -> {
          if (rows.isEmpty()) {
            rows.add(row.asMap());
          }
        });
    if (rows.isEmpty()) {
      return new MirrorChange.DeleteResource(new ResourceRef(type.id(), resourceId));
    }
    MappedResource mapped = ResourceRowMapper.map(type, rows.get(0), "id=" + resourceId);
    return new MirrorChange.PutResource(mapped.resource(), entitlements(type, mapped));
  }

  private List<Entitlement> entitlements(ResourceType type, MappedResource mapped) {
    EntitlementSource from = type.entitlementSource();
    if (from == EntitlementSource.NONE) {
      return List.of();
    }
    if (from == EntitlementSource.STATIC) {
      return EntitlementRowMapper.statics(type, mapped);
    }
    var query = type.entitlements().get();
    List<Entitlement> out = new ArrayList<>();
    new QueryRunner(source)
        .run(
            query.query(),
            query.pagination(),
            QueryVars.evaluate(query.vars(), Activation.forResource(mapped.celResource())),
            query.query().path()
                + " (for "
                + type.id()
                + " "
                + mapped.resource().resource().resourceId()
                + ")",
            (row, key) -> out.addAll(EntitlementRowMapper.map(type, query, mapped, row, key)));
    return out;
  }
}
