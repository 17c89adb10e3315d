package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.StoreSchema.APP;
import static dev.sqlfeed.jdbc.StoreSchema.ENDED_AT;
import static dev.sqlfeed.jdbc.StoreSchema.ENTITLEMENT_COUNT;
import static dev.sqlfeed.jdbc.StoreSchema.GRANT_COUNT;
import static dev.sqlfeed.jdbc.StoreSchema.ID;
import static dev.sqlfeed.jdbc.StoreSchema.MESSAGE;
import static dev.sqlfeed.jdbc.StoreSchema.MIRRORS;
import static dev.sqlfeed.jdbc.StoreSchema.OUTCOME;
import static dev.sqlfeed.jdbc.StoreSchema.RESOURCE_COUNT;
import static dev.sqlfeed.jdbc.StoreSchema.STARTED_AT;
import static dev.sqlfeed.jdbc.StoreSchema.SYNC_RUNS;

import dev.sqlfeed.domain.error.ConfigException;
import dev.sqlfeed.domain.error.StoreException;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.MirrorRecord;
import dev.sqlfeed.domain.mirror.Resource;
import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.ports.Checkpoint;
import dev.sqlfeed.ports.EventPrune;
import dev.sqlfeed.ports.EventPruner;
import dev.sqlfeed.ports.FullSyncWrite;
import dev.sqlfeed.ports.GrantCheck;
import dev.sqlfeed.ports.GrantChecks;
import dev.sqlfeed.ports.MirrorCounts;
import dev.sqlfeed.ports.MirrorKeyLimits;
import dev.sqlfeed.ports.PageWriteResult;
import dev.sqlfeed.ports.ReconcileCounts;
import dev.sqlfeed.ports.SourceEvent;
import dev.sqlfeed.ports.StoredEvent;
import dev.sqlfeed.ports.SyncRun;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.ports.fullsync.DeadRuns;
import dev.sqlfeed.ports.fullsync.ReconcileGuard;
import dev.sqlfeed.ports.sink.SinkPositions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The sync store on a JDBC database through jOOQ: the mirror and its full syncs here, the event log
 * and checkpoints in {@link JooqEventLog}.
 *
 * <p>A full sync stages its records in {@code stage_*} tables under its run id, in short
 * transactions of its own, out of readers' sight. The app's first commit (no {@code mirrors} row
 * yet) is one transaction: lock the app's row in {@code app_locks}, delete the app's mirror, copy
 * the staged rows in with {@code INSERT ... SELECT}, delete them from staging, mark the run
 * succeeded. Readers see no mirror until that transaction commits and all of it after: an export
 * reads all three tables in one transaction whose isolation gives it one snapshot ({@link
 * StoreDialect#snapshotIsolation()}). Every later commit reconciles ({@link JooqFullSyncWrite}): it
 * walks the staged rows and the mirror in key order ({@link KeysetMirror}) and writes the
 * differences as pages of events through {@link JooqEventLog}, each page taking the app's lock as
 * incremental pages do. The mirror keeps its natural keys, so pages upsert and delete rows by key.
 * A run holds a lock for its life ({@link RunLiveness}) that the database or the operating system
 * frees when its process dies, {@code kill -9} included: {@link #beginFullSync} and {@link
 * #syncRuns} mark a running run whose lock is free as abandoned at once. A run's puts and pages
 * also refresh its {@code heartbeat_at}: a run with no lock (H2, in-memory SQLite, or recorded
 * before schema version 4), or one silent for {@link DeadRuns#ABANDONED_AFTER}, is told dead by
 * that.
 */
final class JooqSyncStore implements SyncStore, EventPruner, SinkPositions {
  private static final int FETCH_SIZE = 1_000;

  private final StoreDialect dialect;
  private final StorePools pools;
  private final DSLContext writes;
  private final DSLContext reads;
  private final StoreErrors errors;
  private final Clock clock;
  private final AppLocks appLocks;
  private final JooqEventLog eventLog;

  private final RunLiveness liveness;

  /** The runs whose write is open in this store object, with their locks: never abandoned. */
  private final Map<Long, HeldRunLock> liveRuns = new ConcurrentHashMap<>();

  private volatile boolean closed;

  // Alike on purpose to the constructors of the property suite's DirectCycles and SourceWriter:
  // one that keeps its arguments.
  private JooqSyncStore(
      StoreDialect dialect,
      StorePools pools,
      RunLiveness liveness,
      StoreErrors errors,
      Clock clock) {
    this.dialect = dialect;
    this.liveness = liveness;
    this.pools = pools;
    this.errors = errors;
    this.clock = clock;
    this.writes = dsl(pools.writer());
    this.reads = dsl(pools.reader());
    this.appLocks = new AppLocks(this);
    this.eventLog = new JooqEventLog(this, appLocks);
  }

  /** Opens the store, creating or upgrading its tables. */
  static JooqSyncStore open(String jdbcUrl, String user, String password, Clock clock) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(clock, "clock");
    StoreDialect dialect = StoreDialect.of(jdbcUrl);
    StoreErrors errors = new StoreErrors(dialect, jdbcUrl, password);
    StorePools pools;
    try {
      pools = StorePools.open(dialect, jdbcUrl, user, password);
    } catch (RuntimeException e) {
      throw errors.cannotOpen(e);
    }
    RunLiveness liveness;
    try {
      liveness = RunLiveness.of(dialect, jdbcUrl, user, password);
    } catch (RuntimeException e) {
      pools.close();
      throw errors.cannotOpen(e);
    }
    JooqSyncStore store = new JooqSyncStore(dialect, pools, liveness, errors, clock);
    try {
      StoreOwnership.check(store.writes, StoreErrors.redactUrl(jdbcUrl));
    } catch (ConfigException e) {
      store.close();
      throw e;
    } catch (RuntimeException e) {
      store.close();
      throw errors.translate("checking that the sync store is sqlfeed's", e);
    }
    try {
      StoreSchema.migrate(store.writes, dialect, clock.instant());
    } catch (RuntimeException e) {
      store.close();
      throw errors.translate("creating the sync store's tables", e);
    }
    return store;
  }

  @Override
  public FullSyncWrite beginFullSync(String app, Instant startedAt) {
    ensureOpen();
    Objects.requireNonNull(app, "app");
    Instant start = startedAt.truncatedTo(ChronoUnit.MICROS);
    MirrorKeyLimits.checkApp(app);
    HeldRunLock lock;
    try {
      lock = liveness.hold();
    } catch (RuntimeException e) {
      throw errors.translate("taking the lock of a full sync of " + app, e);
    }
    long[] idAndGuard;
    try {
      idAndGuard = insertRun(app, start, lock);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
    liveRuns.put(idAndGuard[0], lock);
    return new JooqFullSyncWrite(
        this,
        new SyncRun(
            idAndGuard[0], app, start, null, SyncRun.Outcome.RUNNING, MirrorCounts.ZERO, null),
        new ReconcileGuard(idAndGuard[1]));
  }

  /** Records a new running run, after abandoning dead ones; its id and guard. */
  private long[] insertRun(String app, Instant start, HeldRunLock lock) {
    return write(
        "starting a full sync of " + app,
        db -> {
          abandonDeadRuns(db, app);
          long id =
              db.insertInto(
                      SYNC_RUNS,
                      APP,
                      STARTED_AT,
                      OUTCOME,
                      RESOURCE_COUNT,
                      ENTITLEMENT_COUNT,
                      GRANT_COUNT,
                      SyncRunsSchema.HEARTBEAT_AT,
                      RunLocksSchema.RUN_LOCK)
                  .values(
                      app,
                      StoreSchema.text(start),
                      SyncRun.Outcome.RUNNING.name(),
                      0L,
                      0L,
                      0L,
                      StoreSchema.text(clock.instant()),
                      lock.token())
                  .returningResult(ID)
                  .fetchSingle()
                  .value1();
          return new long[] {id, JooqEventLog.lastSeq(db)};
        });
  }

  /**
   * Marks the app's running runs that a dead process left behind, as {@link DeadRuns} tells them
   * (the lock through {@link RunLiveness}), as failed and drops what they staged. Should one be
   * alive after all (its lock's connection was lost, or it hung for an hour), its next put, commit
   * or page finds its run no longer running and fails, changing nothing.
   */
  private void abandonDeadRuns(DSLContext db, String app) {
    Instant now = clock.instant();
    List<? extends Record> running =
        db.select(ID, STARTED_AT, SyncRunsSchema.HEARTBEAT_AT, RunLocksSchema.RUN_LOCK)
            .from(SYNC_RUNS)
            .where(APP.eq(app))
            .and(OUTCOME.eq(SyncRun.Outcome.RUNNING.name()))
            .fetch();
    for (Record run : running) {
      long id = run.get(ID);
      String beat = run.get(SyncRunsSchema.HEARTBEAT_AT);
      Instant lastSign = StoreSchema.instant(beat != null ? beat : run.get(STARTED_AT));
      String lock = run.get(RunLocksSchema.RUN_LOCK);
      Optional<String> dead =
          DeadRuns.why(
              liveRuns.containsKey(id),
              lock != null,
              () -> liveness.isFree(db, lock),
              lastSign,
              now);
      if (dead.isEmpty()) {
        continue;
      }
      String why = dead.get();
      int marked =
          db.update(SYNC_RUNS)
              .set(OUTCOME, SyncRun.Outcome.FAILED.name())
              .set(ENDED_AT, StoreSchema.text(now))
              .set(MESSAGE, "abandoned: no sign of life since " + lastSign + why)
              .where(ID.eq(id))
              .and(OUTCOME.eq(SyncRun.Outcome.RUNNING.name()))
              .execute();
      if (marked == 1) {
        for (MirrorTable table : MirrorTable.values()) {
          db.deleteFrom(table.stage()).where(StoreSchema.RUN_ID.eq(id)).execute();
        }
      }
    }
  }

  @Override
  public void exportMirror(Optional<String> app, Consumer<MirrorRecord> sink) {
    ensureOpen();
    String what = "exporting the mirror" + app.map(a -> " of " + a).orElse("");
    try (Connection connection = pools.reader().getConnection()) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(dialect.snapshotIsolation());
      DSLContext db = dsl(connection);
      for (MirrorTable table : MirrorTable.values()) {
        List<Field<?>> order = new ArrayList<>();
        table.keys().forEach(key -> order.add(dialect.sortKey(key)));
        if (app.isEmpty()) {
          order.add(dialect.sortKey(APP));
        }
        try (Cursor<Record> rows =
            db.select(table.columns())
                .from(table.mirror())
                .where(app.map(APP::eq).orElse(DSL.noCondition()))
                .orderBy(order)
                .fetchSize(FETCH_SIZE)
                .fetchLazy()) {
          for (Record row : rows) {
            sink.accept(table.read(row));
          }
        }
      }
      // Hikari rolls back a transaction left open when a connection returns, should this throw.
      connection.commit();
    } catch (SQLException e) {
      throw errors.translate(what, new DataAccessException(e.getMessage(), e));
    } catch (DataAccessException e) {
      throw errors.translate(what, e);
    }
  }

  @Override
  public List<String> apps() {
    ensureOpen();
    return read(
        "listing the apps",
        db -> db.select(APP).from(MIRRORS).orderBy(dialect.sortKey(APP)).fetch(APP));
  }

  @Override
  public List<SyncRun> syncRuns(String app) {
    ensureOpen();
    if (runsOfOthers(app)) {
      write(
          "checking the running full syncs of " + app,
          db -> {
            abandonDeadRuns(db, app);
            return null;
          });
    }
    return read(
        "listing the sync runs of " + app,
        db ->
            db.select(
                    ID,
                    APP,
                    STARTED_AT,
                    ENDED_AT,
                    OUTCOME,
                    RESOURCE_COUNT,
                    ENTITLEMENT_COUNT,
                    GRANT_COUNT,
                    MESSAGE,
                    SyncRunsSchema.RECONCILE,
                    SyncRunsSchema.RESOURCES_CHANGED,
                    SyncRunsSchema.RESOURCES_DELETED,
                    SyncRunsSchema.GRANTS_CREATED,
                    SyncRunsSchema.GRANTS_REVOKED)
                .from(SYNC_RUNS)
                .where(APP.eq(app))
                .orderBy(STARTED_AT.desc(), ID.desc())
                .fetch(JooqSyncStore::syncRun));
  }

  /** Whether the app has a running run that is not this store object's. */
  private boolean runsOfOthers(String app) {
    List<Long> running =
        read(
            "listing the sync runs of " + app,
            db ->
                db.select(ID)
                    .from(SYNC_RUNS)
                    .where(APP.eq(app))
                    .and(OUTCOME.eq(SyncRun.Outcome.RUNNING.name()))
                    .fetch(ID));
    return running.stream().anyMatch(id -> !liveRuns.containsKey(id));
  }

  @Override
  public PageWriteResult writePage(
      String app, List<SourceEvent> events, Optional<Checkpoint> commit, GrantChecks checks) {
    return eventLog.writePage(app, events, commit, checks);
  }

  @Override
  public List<GrantCheck> grantChecksDue(String app, String source, Instant scannedTo, int limit) {
    return eventLog.grantChecksDue(app, source, scannedTo, limit);
  }

  @Override
  public Map<ResourceRef, Resource> resourcesInMirror(
      String app, Collection<ResourceRef> resources) {
    ensureOpen();
    Objects.requireNonNull(app, "app");
    return read(
        "looking up resources of " + app, db -> MirrorPresence.resources(db, app, resources));
  }

  @Override
  public Set<ResourceRef> deletedFromMirror(String app, Collection<ResourceRef> resources) {
    ensureOpen();
    Objects.requireNonNull(app, "app");
    return read("looking up resources of " + app, db -> MirrorPresence.deleted(db, app, resources));
  }

  @Override
  public Map<ResourceRef, Set<Grant>> grantsInMirror(
      String app, Collection<ResourceRef> resources) {
    ensureOpen();
    Objects.requireNonNull(app, "app");
    return read("looking up the grants of " + app, db -> MirrorGrants.on(db, app, resources));
  }

  @Override
  public Set<String> heldIds(String app, Collection<String> ids) {
    return eventLog.heldIds(app, ids);
  }

  @Override
  public Optional<Checkpoint> checkpoint(String app, String source) {
    return eventLog.checkpoint(app, source);
  }

  @Override
  public List<StoredEvent> events(Optional<String> app, long afterSeq, int limit) {
    return eventLog.events(app, afterSeq, limit);
  }

  @Override
  public long pruneEvents(EventPrune prune) {
    ensureOpen();
    Objects.requireNonNull(prune, "prune");
    return write("pruning the event log", db -> EventPruning.prune(db, prune));
  }

  @Override
  public long sinkPosition(String app, String sink) {
    ensureOpen();
    return read(
        "reading the position of sink " + sink, db -> SinkPositionsSchema.position(db, app, sink));
  }

  @Override
  public void saveSinkPosition(String app, String sink, long seq) {
    ensureOpen();
    write(
        "storing the position of sink " + sink,
        db -> {
          SinkPositionsSchema.save(db, app, sink, seq, clock.instant());
          return null;
        });
  }

  @Override
  public void close() {
    closed = true;
    liveRuns.values().forEach(HeldRunLock::close);
    liveRuns.clear();
    liveness.close();
    pools.close();
  }

  /** Runs {@code work} in one write transaction; failures come out as {@link StoreException}. */
  <T> T write(String what, Function<DSLContext, T> work) {
    try {
      return writes.transactionResult(configuration -> work.apply(configuration.dsl()));
    } catch (RuntimeException e) {
      throw errors.translate(what, e);
    }
  }

  Clock clock() {
    return clock;
  }

  StoreDialect dialect() {
    return dialect;
  }

  AppLocks appLocks() {
    return appLocks;
  }

  JooqEventLog eventLog() {
    return eventLog;
  }

  /** A write of this run ended: the run may be taken for dead from now on, should it be running. */
  void ended(long runId) {
    HeldRunLock lock = liveRuns.remove(runId);
    if (lock != null) {
      lock.close();
    }
  }

  boolean isClosed() {
    return closed;
  }

  void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the sync store is closed");
    }
  }

  /** Runs {@code work} on the reader pool; failures come out as {@link StoreException}. */
  <T> T read(String what, Function<DSLContext, T> work) {
    try {
      return work.apply(reads);
    } catch (RuntimeException e) {
      throw errors.translate(what, e);
    }
  }

  private static SyncRun syncRun(Record row) {
    boolean baseline = SyncRunsSchema.BASELINE.equals(row.get(SyncRunsSchema.RECONCILE));
    return new SyncRun(
        row.get(ID),
        row.get(APP),
        StoreSchema.instant(row.get(STARTED_AT)),
        StoreSchema.instant(row.get(ENDED_AT)),
        SyncRun.Outcome.valueOf(row.get(OUTCOME)),
        new MirrorCounts(row.get(RESOURCE_COUNT), row.get(ENTITLEMENT_COUNT), row.get(GRANT_COUNT)),
        row.get(MESSAGE),
        baseline
            ? ReconcileCounts.BASELINE
            : new ReconcileCounts(
                false,
                row.get(SyncRunsSchema.RESOURCES_CHANGED),
                row.get(SyncRunsSchema.RESOURCES_DELETED),
                row.get(SyncRunsSchema.GRANTS_CREATED),
                row.get(SyncRunsSchema.GRANTS_REVOKED)));
  }

  private DSLContext dsl(DataSource dataSource) {
    return DSL.using(dataSource, dialect.jooq(), settings());
  }

  private DSLContext dsl(Connection connection) {
    return DSL.using(connection, dialect.jooq(), settings());
  }

  private static Settings settings() {
    // jOOQ's own logging of every statement is off even at DEBUG: statements carry bind values.
    return new Settings().withExecuteLogging(false);
  }
}
