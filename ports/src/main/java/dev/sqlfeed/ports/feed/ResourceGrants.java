package dev.sqlfeed.ports.feed;

import dev.sqlfeed.domain.config.grant.GrantsQuery;
import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.domain.mapping.Activation;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.domain.sync.GrantRowMapper;
import dev.sqlfeed.domain.sync.MappedResource;
import dev.sqlfeed.domain.sync.Paging;
import dev.sqlfeed.ports.QueryCall;
import dev.sqlfeed.ports.SourceQuery;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.fullsync.QueryRunner;
import dev.sqlfeed.ports.fullsync.QueryVars;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grants the database holds on some resources of one type, read with the type's grants queries
 * as a full sync reads them per resource. The per-resource runs of a query go to the source
 * together through {@link SourceReader#readEach}, unless the query pages itself (baton-sql's {@code
 * ?<Limit>} with {@code ?<Offset>} or {@code ?<Cursor>}), which needs one statement per page and so
 * runs per resource.
 */
final class ResourceGrants {
  private final SourceReader source;

  ResourceGrants(SourceReader source) {
    this.source = source;
  }

  /** Each owner's grants, by its resource, in the owners' order. */
  Map<ResourceRef, Set<Grant>> of(ResourceType type, List<MappedResource> owners) {
    Map<ResourceRef, Set<Grant>> found = new LinkedHashMap<>();
    owners.forEach(o -> found.put(o.resource().resource(), new LinkedHashSet<>()));
    for (GrantsQuery query : type.grants()) {
      add(type, query, owners, found);
    }
    return found;
  }

  /** Each owner's grants that one of its type's grants queries gives, by its resource. */
  Map<ResourceRef, Set<Grant>> of(
      ResourceType type, GrantsQuery query, List<MappedResource> owners) {
    Map<ResourceRef, Set<Grant>> found = new LinkedHashMap<>();
    owners.forEach(o -> found.put(o.resource().resource(), new LinkedHashSet<>()));
    add(type, query, owners, found);
    return found;
  }

  private void add(
      ResourceType type,
      GrantsQuery query,
      List<MappedResource> owners,
      Map<ResourceRef, Set<Grant>> found) {
    Paging paging = Paging.of(query.query(), query.pagination());
    if (paging.paged()) {
      owners.forEach(o -> perResource(type, query, o, found.get(o.resource().resource())));
    } else {
      together(type, query, paging, owners, found);
    }
  }

  private void together(
      ResourceType type,
      GrantsQuery query,
      Paging paging,
      List<MappedResource> owners,
      Map<ResourceRef, Set<Grant>> found) {
    List<QueryCall> calls = new ArrayList<>(owners.size());
    for (MappedResource owner : owners) {
      calls.add(new QueryCall(label(type, owner), paging.bindings(vars(query, owner))));
    }
    int[] rows = new int[owners.size()];
    String key = paging.primaryKey();
    source.readEach(
        new SourceQuery(query.query().path(), query.query().sql()),
        calls,
        (sourceRow, call) -> {
          Map<String, Object> row = sourceRow.asMap();
          rows[call]++;
          MappedResource owner = owners.get(call);
          found
              .get(owner.resource().resource())
              .addAll(
                  GrantRowMapper.map(
                      type, query, owner, row, QueryRunner.rowKey(key, row, rows[call])));
        });
  }

  private void perResource(
      ResourceType type, GrantsQuery query, MappedResource owner, Set<Grant> into) {
    new QueryRunner(source)
        .run(
            query.query(),
            query.pagination(),
            vars(query, owner),
            query.query().path() + " (for " + label(type, owner) + ")",
            (row, key) -> into.addAll(GrantRowMapper.map(type, query, owner, row, key)));
  }

  private static Map<String, Object> vars(GrantsQuery query, MappedResource owner) {
    return QueryVars.evaluate(query.vars(), Activation.forResource(owner.celResource()));
  }

  private static String label(ResourceType type, MappedResource owner) {
    return type.id() + " " + owner.resource().resource().resourceId();
  }
}
