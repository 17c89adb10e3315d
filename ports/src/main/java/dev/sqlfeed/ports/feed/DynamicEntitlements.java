package dev.sqlfeed.ports.feed;

import dev.sqlfeed.domain.config.entitlement.EntitlementsQuery;
import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.domain.config.resource.ResourceType.EntitlementSource;
import dev.sqlfeed.domain.mirror.Entitlement;
import dev.sqlfeed.domain.sync.EntitlementRowMapper;
import dev.sqlfeed.domain.sync.MappedResource;
import dev.sqlfeed.domain.sync.Paging;
import dev.sqlfeed.ports.MirrorChange.PutResource;
import dev.sqlfeed.ports.SourceReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entitlements of refreshed resources: none, the type's static ones, or those its entitlements
 * query yields per resource ({@code vars} from the resource), run for a page's resources together
 * ({@link PerResourceQuery}).
 */
final class DynamicEntitlements {
  private final PerResourceQuery queries;

  DynamicEntitlements(SourceReader source) {
    this.queries = new PerResourceQuery(source);
  }

  /** Each resource (by the id it was asked for) as a put with its entitlements, in order. */
  Map<String, PutResource> of(ResourceType type, Map<String, MappedResource> resources) {
    Map<String, PutResource> puts = new LinkedHashMap<>();
    EntitlementSource from = type.entitlementSource();
    if (from != EntitlementSource.QUERY) {
      resources.forEach(
          (id, mapped) ->
              puts.put(
                  id,
                  new PutResource(
                      mapped.resource(),
                      from == EntitlementSource.STATIC
                          ? EntitlementRowMapper.statics(type, mapped)
                          : List.of())));
      return puts;
    }
    EntitlementsQuery query = type.entitlements().get();
    List<MappedResource> owners = List.copyOf(resources.values());
    List<List<Entitlement>> found = new ArrayList<>(owners.size());
    owners.forEach(o -> found.add(new ArrayList<>()));
    queries.run(
        type.id(),
        query.query(),
        query.pagination(),
        query.vars(),
        owners,
        (owner, row, rowKey) ->
            found
                .get(owner)
                .addAll(EntitlementRowMapper.map(type, query, owners.get(owner), row, rowKey)));
    boolean paged = Paging.of(query.query(), query.pagination()).paged();
    for (int i = 0; i < owners.size() && !paged; i++) {
      if (ambiguous(found.get(i))) {
        // Two rows gave one entitlement, so the later row wins and the rows' order decides: read
        // this resource's rows on their own, in the order its query gives.
        List<Entitlement> alone = new ArrayList<>();
        MappedResource owner = owners.get(i);
        queries.runOne(
            type.id(),
            query.query(),
            query.pagination(),
            query.vars(),
            owner,
            i,
            (index, row, rowKey) ->
                alone.addAll(EntitlementRowMapper.map(type, query, owner, row, rowKey)));
        found.set(i, alone);
      }
    }
    int i = 0;
    for (String id : resources.keySet()) {
      puts.put(id, new PutResource(owners.get(i).resource(), found.get(i)));
      i++;
    }
    return puts;
  }

  private static boolean ambiguous(List<Entitlement> entitlements) {
    Map<String, Entitlement> byId = new HashMap<>();
    for (Entitlement e : entitlements) {
      Entitlement before = byId.put(e.entitlement(), e);
      if (before != null && !before.equals(e)) {
        return true;
      }
    }
    return false;
  }
}
