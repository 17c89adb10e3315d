package dev.sqlfeed.ports.feed;

import dev.sqlfeed.domain.config.resource.GetQuery;
import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.domain.error.ConfigException;
import dev.sqlfeed.domain.feed.RowResource;
import dev.sqlfeed.domain.mapping.Activation;
import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.domain.sync.MappedResource;
import dev.sqlfeed.domain.sync.ResourceRowMapper;
import dev.sqlfeed.ports.MirrorChange;
import dev.sqlfeed.ports.QueryCall;
import dev.sqlfeed.ports.SourceQuery;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.fullsync.QueryVars;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads resources again with their type's {@code get} query ({@code ?<id>} bound to each id) and
 * says what that does to the mirror: the resource as it is now, with its entitlements, or — when
 * the query finds nothing — its deletion. This is what a {@code resource_changed} event means.
 *
 * <p>A page's ids are read together through {@link SourceReader#readEach}, which lets the adapter
 * answer many ids with one statement; the meaning is that of one {@code get} per id, which takes
 * the first row the query returns. Since combined statements do not promise the order of a call's
 * rows, an id whose {@code get} returned several rows is read again on its own.
 */
public final class ResourceRefresher {
  private final SourceReader source;
  private final DynamicEntitlements entitlements;

  public ResourceRefresher(SourceReader source) {
    this.source = source;
    this.entitlements = new DynamicEntitlements(source);
  }

  /**
   * The mirror change for one resource's current state.
   *
   * @throws ConfigException when the type has no {@code get} query
   */
  public MirrorChange refresh(ResourceType type, String resourceId) {
    return refreshAll(type, List.of(resourceId)).get(resourceId);
  }

  /**
   * The mirror change for each resource's current state, in the order of {@code resourceIds} (an id
   * given twice is read once).
   *
   * @throws ConfigException when the type has no {@code get} query
   */
  public Map<String, MirrorChange> refreshAll(ResourceType type, List<String> resourceIds) {
    GetQuery get =
        type.get()
            .orElseThrow(
                () ->
                    new ConfigException(
                        type.path()
                            + ": a resource type whose changes are fed needs a 'get' query"));
    List<String> ids = List.copyOf(new LinkedHashSet<>(resourceIds));
    Map<String, Object> vars = QueryVars.evaluate(get.vars(), Activation.forRow(Map.of()));
    List<QueryCall> calls = new ArrayList<>(ids.size());
    for (String id : ids) {
      calls.add(new QueryCall("id " + id, bindings(get, vars, id)));
    }
    SourceQuery query = new SourceQuery(get.query().path(), get.query().sql());
    List<Map<String, Object>> first = new ArrayList<>(ids.size());
    int[] rows = new int[ids.size()];
    ids.forEach(id -> first.add(null));
    source.readEach(
        query,
        calls,
        (row, call) -> {
          if (rows[call]++ == 0) {
            first.set(call, row.asMap());
          }
        });
    Map<String, MappedResource> found = new LinkedHashMap<>();
    Map<String, MirrorChange> changes = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      Map<String, Object> row = rows[i] > 1 ? firstOnItsOwn(query, calls.get(i)) : first.get(i);
      if (row == null) {
        changes.put(id, new MirrorChange.DeleteResource(new ResourceRef(type.id(), id)));
      } else {
        found.put(id, ResourceRowMapper.map(type, row, "id=" + id));
        changes.put(id, null);
      }
    }
    changes.putAll(entitlements.of(type, found));
    return changes;
  }

  /**
   * The mirror change for resources that were read already (rows of a row-complete incremental
   * source): each mapped resource with its entitlements, or its deletion when the row said so. No
   * {@code get} runs; a type whose entitlements come from a query still runs it for each resource
   * put, since the row does not carry them.
   *
   * @param rows the resources by a key of the caller's choosing (a row may name an id that another
   *     row of the page names too), in order
   */
  public Map<String, MirrorChange> fromRows(ResourceType type, Map<String, RowResource> rows) {
    Map<String, MirrorChange> changes = new LinkedHashMap<>();
    Map<String, MappedResource> found = new LinkedHashMap<>();
    rows.forEach(
        (key, row) -> {
          if (row.deleted()) {
            changes.put(key, new MirrorChange.DeleteResource(row.ref()));
          } else {
            changes.put(key, null);
            found.put(key, row.mapped().orElseThrow());
          }
        });
    changes.putAll(entitlements.of(type, found));
    return changes;
  }

  private static Map<String, Object> bindings(GetQuery get, Map<String, Object> vars, String id) {
    Map<String, Object> bindings = new HashMap<>(vars);
    for (String name : get.query().sql().parameters()) {
      if (name.equalsIgnoreCase("id")) {
        bindings.put(name, id);
      }
    }
    return bindings;
  }

  /** The first row of one call read as its own statement, in the order the query gives; or null. */
  private Map<String, Object> firstOnItsOwn(SourceQuery query, QueryCall call) {
    List<Map<String, Object>> rows = new ArrayList<>(1);
    source.read(
        new SourceQuery(query.origin() + " (for " + call.label() + ")", query.template()),
        call.bindings(),
        row -> {
          if (rows.isEmpty()) {
            rows.add(row.asMap());
          }
        });
    return rows.isEmpty() ? null : rows.get(0);
  }
}
