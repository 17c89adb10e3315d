package dev.sqlfeed.ports.fullsync;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.Pagination;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.QueryVar;
import dev.sqlfeed.domain.config.entitlement.EntitlementsQuery;
import dev.sqlfeed.domain.config.grant.GrantsQuery;
import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.domain.error.ConfigException;
import dev.sqlfeed.domain.mapping.Activation;
import dev.sqlfeed.domain.mirror.Entitlement;
import dev.sqlfeed.domain.mirror.MirrorRecord;
import dev.sqlfeed.domain.sync.EntitlementRowMapper;
import dev.sqlfeed.domain.sync.GrantRowMapper;
import dev.sqlfeed.domain.sync.MappedResource;
import dev.sqlfeed.domain.sync.Paging;
import dev.sqlfeed.domain.sync.ResourceRowMapper;
import dev.sqlfeed.ports.FullSyncWrite;
import dev.sqlfeed.ports.QueryCall;
import dev.sqlfeed.ports.SourceQuery;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.SyncRun;
import dev.sqlfeed.ports.SyncStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The full sync: reads every resource type, its entitlements and its grants, following the
 * configured pagination, and replaces the app's mirror in the store with what it read. The previous
 * mirror stays in place until the new one is complete; a failure leaves it untouched and is
 * recorded in {@code sync_runs}.
 *
 * <p>Resource types are read in file order. For each resource, its entitlements are its static
 * entitlements when it has any, else those of its entitlements query (as in baton-sql); every
 * grants query runs for every resource (baton-sql reads only the first one; sqlfeed reads them
 * all). These per-resource queries go to the source {@link #OWNERS_PER_READ} resources at a time
 * through {@link SourceReader#readEach}, which combines them into a few statements where it can.
 * Resources whose type has per-resource queries are kept in memory (id, name, profile) until those
 * queries ran; other resources are streamed straight to the store.
 *
 * <p>Records are staged in batches on a thread of their own ({@link StagingWriter}), so that the
 * source is read and mapped while the batch before is written.
 *
 * <p>Two rows of one list query with the same resource id, or of one resource's entitlements query
 * with the same entitlement id, fail the sync naming both rows unless they map to the same record
 * ({@link DuplicateKeys}); repeated grants are the same grant and count once.
 */
public final class FullSync {
  /**
   * Resources whose entitlements and grants queries are handed to the source together: the adapter
   * combines them into a few statements, and this bounds one such read's transaction and the
   * bookkeeping kept per resource while it runs.
   */
  static final int OWNERS_PER_READ = 1_000;

  private final SourceReader source;
  private final SyncStore store;
  private final Clock clock;
  private final SyncProgress progress;

  public FullSync(SourceReader source, SyncStore store, Clock clock, SyncProgress progress) {
    this.source = source;
    this.store = store;
    this.clock = clock;
    this.progress = progress;
  }

  /**
   * Runs one full sync of the config's app.
   *
   * @return the recorded run
   * @throws dev.sqlfeed.domain.error.SqlfeedException the failure, after the run was recorded as
   *     failed
   */
  public SyncRun run(Config config) {
    if (config.connect().databases().isPresent()) {
      throw new ConfigException(
          config.connect().path()
              + ".databases: reading several databases in one sync is not supported yet;"
              + " run one config per database");
    }
    try (FullSyncWrite write = store.beginFullSync(config.appName(), clock.instant())) {
      try {
        // Closed before the run's commit or fail: nothing is staged behind either.
        try (Batches batches = new Batches(write)) {
          for (ResourceType type : config.resourceTypes().values()) {
            syncType(type, batches);
          }
          batches.finish();
        }
        return write.commit(clock.instant());
      } catch (SyncInterrupted e) {
        throw e.recorded(write.fail(clock.instant(), e.getMessage()));
      } catch (RuntimeException e) {
        write.fail(clock.instant(), e.getMessage() == null ? e.toString() : e.getMessage());
        throw e;
      }
    }
  }

  private void syncType(ResourceType type, Batches batches) {
    progress.started(type.id());
    QueryRunner runner = new QueryRunner(source);
    boolean perResource =
        !type.skipEntitlementsAndGrants()
            && (type.entitlementSource() == ResourceType.EntitlementSource.QUERY
                || !type.grants().isEmpty());
    List<MappedResource> owners = new ArrayList<>();
    DuplicateKeys ids = new DuplicateKeys(type.list().query().path(), "resource id");
    long rows =
        runner.run(
            type.list().query(),
            type.list().pagination(),
            QueryVars.evaluate(type.list().vars(), Activation.forRow(Map.of())),
            type.list().query().path(),
            (row, key) -> {
              MappedResource resource = ResourceRowMapper.map(type, row, key);
              ids.check(resource.resource().resource().resourceId(), resource.resource(), key);
              batches.add(resource.resource());
              if (!type.skipEntitlementsAndGrants()) {
                batches.addAll(EntitlementRowMapper.statics(type, resource));
              }
              if (perResource) {
                owners.add(resource);
              }
              progress.advanced(type.id(), 1);
            });
    for (int from = 0; from < owners.size(); from += OWNERS_PER_READ) {
      List<MappedResource> some =
          owners.subList(from, Math.min(owners.size(), from + OWNERS_PER_READ));
      if (type.entitlementSource() == ResourceType.EntitlementSource.QUERY) {
        EntitlementsQuery query = type.entitlements().get();
        Map<MappedResource, DuplicateKeys> idsPerOwner = new IdentityHashMap<>();
        rows +=
            perResource(
                type,
                query.query(),
                query.pagination(),
                query.vars(),
                some,
                batches,
                (owner, row, key) -> {
                  List<Entitlement> mapped = EntitlementRowMapper.map(type, query, owner, row, key);
                  DuplicateKeys entitlementIds =
                      idsPerOwner.computeIfAbsent(
                          owner,
                          o ->
                              new DuplicateKeys(origin(query.query().path(), o), "entitlement id"));
                  mapped.forEach(e -> entitlementIds.check(e.entitlement(), e, key));
                  return mapped;
                });
      }
      for (GrantsQuery query : type.grants()) {
        rows +=
            perResource(
                type,
                query.query(),
                query.pagination(),
                query.vars(),
                some,
                batches,
                (owner, row, key) -> GrantRowMapper.map(type, query, owner, row, key));
      }
    }
    progress.finished(type.id(), rows);
  }

  /** Maps one row of a per-resource query to mirror records. */
  private interface OwnerRowMapper {
    List<? extends MirrorRecord> map(MappedResource owner, Map<String, Object> row, String rowKey);
  }

  /**
   * Runs an entitlements or grants query for each of {@code owners}, its vars evaluated per
   * resource: through {@link SourceReader#readEach}, which may answer many resources with one
   * statement, unless the query pages itself (one statement per page and resource, as baton-sql
   * reads it). Rows map as they stream in, except where their order could matter: the records of
   * one resource that name one key twice with different contents (the store keeps the last) are
   * read again on their own, in the order of the query's own statement.
   */
  private long perResource(
      ResourceType type,
      Query query,
      Optional<Pagination> pagination,
      Map<String, QueryVar> queryVars,
      List<MappedResource> owners,
      Batches batches,
      OwnerRowMapper mapper) {
    Paging paging = Paging.of(query, pagination);
    if (paging.paged() || owners.size() == 1) {
      long rows = 0;
      for (MappedResource owner : owners) {
        rows += alone(type, query, pagination, queryVars, owner, batches, mapper);
      }
      return rows;
    }
    List<QueryCall> calls = new ArrayList<>(owners.size());
    for (MappedResource owner : owners) {
      calls.add(
          new QueryCall(
              label(owner),
              paging.bindings(
                  QueryVars.evaluate(queryVars, Activation.forResource(owner.celResource())))));
    }
    long[] rows = new long[owners.size()];
    List<Map<Object, MirrorRecord>> seen = new ArrayList<>(owners.size());
    owners.forEach(o -> seen.add(new HashMap<>()));
    boolean[] ambiguous = new boolean[owners.size()];
    source.readEach(
        new SourceQuery(query.path(), query.sql()),
        calls,
        (sourceRow, call) -> {
          Map<String, Object> row = sourceRow.asMap();
          rows[call]++;
          if (ambiguous[call]) {
            return;
          }
          List<? extends MirrorRecord> records =
              mapper.map(
                  owners.get(call), row, QueryRunner.rowKey(paging.primaryKey(), row, rows[call]));
          for (MirrorRecord record : records) {
            MirrorRecord before = seen.get(call).put(key(record), record);
            ambiguous[call] |= before != null && !before.equals(record);
          }
          batches.addAll(records);
          progress.advanced(type.id(), 1);
        });
    long total = 0;
    for (int i = 0; i < owners.size(); i++) {
      if (ambiguous[i]) {
        total += alone(type, query, pagination, queryVars, owners.get(i), batches, mapper);
      } else {
        total += rows[i];
      }
    }
    return total;
  }

  /** What the store keys a record by: a record with the same key replaces the earlier one. */
  private static Object key(MirrorRecord record) {
    if (record instanceof Entitlement e) {
      return List.of(e.resource(), e.entitlement());
    }
    return record;
  }

  /** Runs a per-resource query for one resource, page by page. */
  private long alone(
      ResourceType type,
      Query query,
      Optional<Pagination> pagination,
      Map<String, QueryVar> queryVars,
      MappedResource owner,
      Batches batches,
      OwnerRowMapper mapper) {
    return new QueryRunner(source)
        .run(
            query,
            pagination,
            QueryVars.evaluate(queryVars, Activation.forResource(owner.celResource())),
            origin(query.path(), owner),
            (row, key) -> {
              batches.addAll(mapper.map(owner, row, key));
              progress.advanced(type.id(), 1);
            });
  }

  private static String label(MappedResource owner) {
    return owner.resource().resource().resourceType()
        + " "
        + owner.resource().resource().resourceId();
  }

  private static String origin(String path, MappedResource owner) {
    return path + " (for " + label(owner) + ")";
  }
}
