package dev.sqlfeed.ports.feed;

import dev.sqlfeed.domain.config.entitlement.EntitlementsQuery;
import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.domain.config.resource.ResourceType.EntitlementSource;
import dev.sqlfeed.domain.mapping.Activation;
import dev.sqlfeed.domain.mirror.Entitlement;
import dev.sqlfeed.domain.sync.EntitlementRowMapper;
import dev.sqlfeed.domain.sync.MappedResource;
import dev.sqlfeed.domain.sync.Paging;
import dev.sqlfeed.ports.MirrorChange.PutResource;
import dev.sqlfeed.ports.QueryCall;
import dev.sqlfeed.ports.SourceQuery;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.fullsync.QueryRunner;
import dev.sqlfeed.ports.fullsync.QueryVars;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entitlements of refreshed resources: none, the type's static ones, or those its entitlements
 * query yields per resource ({@code vars} from the resource). The per-resource queries of a page go
 * to the source together through {@link SourceReader#readEach}, unless the query pages itself
 * (baton-sql's {@code ?<Limit>} with {@code ?<Offset>} or {@code ?<Cursor>}), which needs one
 * statement per page and so runs per resource as in a full sync.
 */
final class DynamicEntitlements {
  private final SourceReader source;

  DynamicEntitlements(SourceReader source) {
    this.source = source;
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
    Paging paging = Paging.of(query.query(), query.pagination());
    List<MappedResource> owners = List.copyOf(resources.values());
    List<List<Entitlement>> found =
        paging.paged() ? perResource(type, query, owners) : together(type, query, paging, owners);
    int i = 0;
    for (String id : resources.keySet()) {
      puts.put(id, new PutResource(owners.get(i).resource(), found.get(i)));
      i++;
    }
    return puts;
  }

  private List<List<Entitlement>> together(
      ResourceType type, EntitlementsQuery query, Paging paging, List<MappedResource> owners) {
    List<QueryCall> calls = new ArrayList<>(owners.size());
    List<List<Entitlement>> found = new ArrayList<>(owners.size());
    for (MappedResource owner : owners) {
      Map<String, Object> vars =
          QueryVars.evaluate(query.vars(), Activation.forResource(owner.celResource()));
      calls.add(new QueryCall(type.id() + " " + resourceId(owner), paging.bindings(vars)));
      found.add(new ArrayList<>());
    }
    int[] rows = new int[owners.size()];
    String key = paging.primaryKey();
    source.readEach(
        new SourceQuery(query.query().path(), query.query().sql()),
        calls,
        (sourceRow, call) -> {
          Map<String, Object> row = sourceRow.asMap();
          rows[call]++;
          found
              .get(call)
              .addAll(
                  EntitlementRowMapper.map(
                      type,
                      query,
                      owners.get(call),
                      row,
                      QueryRunner.rowKey(key, row, rows[call])));
        });
    for (int i = 0; i < owners.size(); i++) {
      if (ambiguous(found.get(i))) {
        // Two rows gave one entitlement, so the later row wins and the rows' order decides: read
        // this resource's rows on their own, in the order its query gives.
        found.set(i, perResource(type, query, List.of(owners.get(i))).get(0));
      }
    }
    return found;
  }

  private List<List<Entitlement>> perResource(
      ResourceType type, EntitlementsQuery query, List<MappedResource> owners) {
    List<List<Entitlement>> found = new ArrayList<>(owners.size());
    for (MappedResource owner : owners) {
      List<Entitlement> out = new ArrayList<>();
      new QueryRunner(source)
          .run(
              query.query(),
              query.pagination(),
              QueryVars.evaluate(query.vars(), Activation.forResource(owner.celResource())),
              query.query().path() + " (for " + type.id() + " " + resourceId(owner) + ")",
              (row, rowKey) ->
                  out.addAll(EntitlementRowMapper.map(type, query, owner, row, rowKey)));
      found.add(out);
    }
    return found;
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

  private static String resourceId(MappedResource owner) {
    return owner.resource().resource().resourceId();
  }
}
