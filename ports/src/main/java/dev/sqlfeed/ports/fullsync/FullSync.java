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
import dev.sqlfeed.domain.sync.ResourceRowMapper;
import dev.sqlfeed.ports.FullSyncWrite;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.SyncRun;
import dev.sqlfeed.ports.SyncStore;
import java.time.Clock;
import java.util.ArrayList;
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
 * grants query runs once per resource (baton-sql reads only the first one; sqlfeed reads them all).
 * Resources whose type has per-resource queries are kept in memory (id, name, profile) until those
 * queries ran; other resources are streamed straight to the store.
 *
 * <p>Two rows of one list query with the same resource id, or of one resource's entitlements query
 * with the same entitlement id, fail the sync naming both rows unless they map to the same record
 * ({@link DuplicateKeys}); repeated grants are the same grant and count once.
 */
public final class FullSync {
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
        Batches batches = new Batches(write);
        for (ResourceType type : config.resourceTypes().values()) {
          syncType(type, batches);
        }
        batches.flush();
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
    for (MappedResource owner : owners) {
      if (type.entitlementSource() == ResourceType.EntitlementSource.QUERY) {
        rows += entitlements(type, type.entitlements().get(), owner, batches);
      }
      for (GrantsQuery grants : type.grants()) {
        rows += grants(type, grants, owner, batches);
      }
    }
    progress.finished(type.id(), rows);
  }

  /** Maps one row of a per-resource query to mirror records. */
  private interface OwnerRowMapper {
    List<? extends MirrorRecord> map(Map<String, Object> row, String rowKey);
  }

  private long entitlements(
      ResourceType type, EntitlementsQuery query, MappedResource owner, Batches batches) {
    DuplicateKeys ids = new DuplicateKeys(origin(query.query().path(), owner), "entitlement id");
    return perResource(
        type,
        query.query(),
        query.pagination(),
        query.vars(),
        owner,
        batches,
        (row, key) -> {
          List<Entitlement> mapped = EntitlementRowMapper.map(type, query, owner, row, key);
          mapped.forEach(e -> ids.check(e.entitlement(), e, key));
          return mapped;
        });
  }

  private long grants(ResourceType type, GrantsQuery query, MappedResource owner, Batches batches) {
    return perResource(
        type,
        query.query(),
        query.pagination(),
        query.vars(),
        owner,
        batches,
        (row, key) -> GrantRowMapper.map(type, query, owner, row, key));
  }

  /** Runs an entitlements or grants query for one resource, its vars evaluated for it. */
  private long perResource(
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
              batches.addAll(mapper.map(row, key));
              progress.advanced(type.id(), 1);
            });
  }

  private static String origin(String path, MappedResource owner) {
    return path
        + " (for "
        + owner.resource().resource().resourceType()
        + " "
        + owner.resource().resource().resourceId()
        + ")";
  }
}
