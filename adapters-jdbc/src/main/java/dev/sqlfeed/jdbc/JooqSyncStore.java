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

import dev.sqlfeed.domain.error.StoreException;
import dev.sqlfeed.domain.mirror.MirrorRecord;
import dev.sqlfeed.ports.Checkpoint;
import dev.sqlfeed.ports.FullSyncWrite;
import dev.sqlfeed.ports.MirrorCounts;
import dev.sqlfeed.ports.MirrorKeyLimits;
import dev.sqlfeed.ports.PageWriteResult;
import dev.sqlfeed.ports.SourceEvent;
import dev.sqlfeed.ports.StoredEvent;
import dev.sqlfeed.ports.SyncRun;
import dev.sqlfeed.ports.SyncStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * transactions of its own, out of readers' sight. Its commit is one transaction: lock the app's
 * {@code mirrors} row, delete the app's mirror, copy the staged rows in with {@code INSERT ...
 * SELECT}, delete them from staging, mark the run succeeded. Readers see the old mirror until that
 * transaction commits and the new one after: an export reads all three tables in one transaction
 * whose isolation gives it one snapshot ({@link StoreDialect#snapshotIsolation()}). The mirror
 * keeps its natural keys, so incremental pages upsert and delete rows by key in their own page
 * transactions. A commit's swap and the app's page writes lock the app's row in {@code app_locks}
 * first ({@link AppLocks}), so they take turns: a page that commits before the swap is replaced
 * with the rest of the mirror (its events stay in the log); a page after it applies on top.
 */
final class JooqSyncStore implements SyncStore {
  private static final int FETCH_SIZE = 1_000;

  private final StoreDialect dialect;
  private final StorePools pools;
  private final DSLContext writes;
  private final DSLContext reads;
  private final StoreErrors errors;
  private final Clock clock;
  private final AppLocks appLocks;
  private final JooqEventLog eventLog;
  private volatile boolean closed;

  private JooqSyncStore(StoreDialect dialect, StorePools pools, StoreErrors errors, Clock clock) {
    this.dialect = dialect;
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
    JooqSyncStore store = new JooqSyncStore(dialect, pools, errors, clock);
    try {
      StoreSchema.migrate(store.writes, dialect, clock.instant());
    } catch (RuntimeException e) {
      pools.close();
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
    long id =
        write(
            "starting a full sync of " + app,
            db ->
                db.insertInto(
                        SYNC_RUNS,
                        APP,
                        STARTED_AT,
                        OUTCOME,
                        RESOURCE_COUNT,
                        ENTITLEMENT_COUNT,
                        GRANT_COUNT)
                    .values(
                        app, StoreSchema.text(start), SyncRun.Outcome.RUNNING.name(), 0L, 0L, 0L)
                    .returningResult(ID)
                    .fetchSingle()
                    .value1());
    return new JooqFullSyncWrite(
        this, new SyncRun(id, app, start, null, SyncRun.Outcome.RUNNING, MirrorCounts.ZERO, null));
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
                    MESSAGE)
                .from(SYNC_RUNS)
                .where(APP.eq(app))
                .orderBy(STARTED_AT.desc(), ID.desc())
                .fetch(JooqSyncStore::syncRun));
  }

  @Override
  public PageWriteResult writePage(
      String app, List<SourceEvent> events, Optional<Checkpoint> commit) {
    return eventLog.writePage(app, events, commit);
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
  public void close() {
    closed = true;
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
    return new SyncRun(
        row.get(ID),
        row.get(APP),
        StoreSchema.instant(row.get(STARTED_AT)),
        StoreSchema.instant(row.get(ENDED_AT)),
        SyncRun.Outcome.valueOf(row.get(OUTCOME)),
        new MirrorCounts(row.get(RESOURCE_COUNT), row.get(ENTITLEMENT_COUNT), row.get(GRANT_COUNT)),
        row.get(MESSAGE));
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
