package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.StoreSchema.APP;
import static dev.sqlfeed.jdbc.StoreSchema.ENDED_AT;
import static dev.sqlfeed.jdbc.StoreSchema.ENTITLEMENT_COUNT;
import static dev.sqlfeed.jdbc.StoreSchema.GRANT_COUNT;
import static dev.sqlfeed.jdbc.StoreSchema.ID;
import static dev.sqlfeed.jdbc.StoreSchema.MESSAGE;
import static dev.sqlfeed.jdbc.StoreSchema.MIRRORS;
import static dev.sqlfeed.jdbc.StoreSchema.OUTCOME;
import static dev.sqlfeed.jdbc.StoreSchema.REPLACED_AT;
import static dev.sqlfeed.jdbc.StoreSchema.RESOURCE_COUNT;
import static dev.sqlfeed.jdbc.StoreSchema.RUN_ID;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import dev.sqlfeed.domain.error.StoreException;
import dev.sqlfeed.domain.mirror.MirrorRecord;
import dev.sqlfeed.ports.FullSyncWrite;
import dev.sqlfeed.ports.MirrorCounts;
import dev.sqlfeed.ports.MirrorKeyLimits;
import dev.sqlfeed.ports.ReconcileCounts;
import dev.sqlfeed.ports.SourceEvent;
import dev.sqlfeed.ports.SyncRun;
import dev.sqlfeed.ports.fullsync.KeyOrder;
import dev.sqlfeed.ports.fullsync.MirrorCommit;
import dev.sqlfeed.ports.fullsync.ReconcileGuard;
import dev.sqlfeed.ports.fullsync.SortedMirror;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SelectField;

/**
 * One full sync of one app into a {@link JooqSyncStore}; see there for how staging, the first
 * commit's swap and the later commits' reconciliation work. What a commit does is decided by {@link
 * MirrorCommit}; this class carries out its steps.
 *
 * <p>Every transaction of the run (a put, the swap, a page of differences) first refreshes the
 * run's heartbeat, only while the run is still recorded as running: a run that another full sync
 * marked abandoned fails there and writes nothing more.
 */
final class JooqFullSyncWrite implements FullSyncWrite {
  /** The message of a run whose write was closed without commit or fail. */
  static final String ABORTED = "aborted: the write was closed without commit or fail";

  private final JooqSyncStore store;
  private final SyncRun run;
  private final ReconcileGuard guard;
  private boolean ended;

  /** The run as recorded after a commit that threw; what a later {@link #fail} returns. */
  private SyncRun failedCommit;

  JooqFullSyncWrite(JooqSyncStore store, SyncRun run, ReconcileGuard guard) {
    this.store = store;
    this.run = run;
    this.guard = guard;
  }

  @Override
  public void put(List<? extends MirrorRecord> batch) {
    ensureRunning();
    batch.forEach(MirrorKeyLimits::check);
    // A key may come twice in one batch; the last one wins here, since one upsert statement may
    // not touch the same row twice (PostgreSQL refuses), and later statements win over earlier.
    Map<MirrorTable, Map<List<String>, List<String>>> rows = new EnumMap<>(MirrorTable.class);
    for (MirrorRecord record : batch) {
      MirrorTable table = MirrorTable.of(record);
      List<String> values = table.values(record);
      rows.computeIfAbsent(table, t -> new LinkedHashMap<>())
          .put(values.subList(0, table.keys().size()), values);
    }
    store.write(
        "staging records of the full sync of " + run.app(),
        db -> {
          heartbeat(db);
          rows.forEach((table, byKey) -> stage(db, table, List.copyOf(byKey.values())));
          return null;
        });
  }

  @Override
  public SyncRun commit(Instant endedAt) {
    Objects.requireNonNull(endedAt, "endedAt");
    ensureRunning();
    ended = true;
    try {
      return MirrorCommit.commit(new Steps(), endedAt);
    } finally {
      store.ended(run.id());
    }
  }

  /** The store's side of {@link MirrorCommit}. */
  private final class Steps implements MirrorCommit.Steps {
    @Override
    public SyncRun run() {
      return run;
    }

    @Override
    public KeyOrder keyOrder() {
      return new KeyOrder(store.dialect().keyOrder());
    }

    @Override
    public Optional<SyncRun> swapIfFirst(Instant endedAt) {
      store.appLocks().ensure(run.app());
      return Optional.ofNullable(
          store.write(
              "committing the full sync of " + run.app(),
              db -> JooqFullSyncWrite.this.swapIfFirst(db, endedAt)));
    }

    @Override
    public SortedMirror mirror() {
      return KeysetMirror.mirror(store, run.app());
    }

    @Override
    public SortedMirror staged() {
      return KeysetMirror.staged(store, run.id());
    }

    @Override
    public List<SourceEvent> applyPage(List<SourceEvent> page) {
      return writeDifferences(page);
    }

    @Override
    public SyncRun reconciled(Instant endedAt, MirrorCounts staged, ReconcileCounts applied) {
      return store.write(
          "committing the full sync of " + run.app(),
          db -> JooqFullSyncWrite.this.reconciled(db, endedAt, staged, applied));
    }

    @Override
    public void failed(
        Instant endedAt, String message, ReconcileCounts applied, RuntimeException failure) {
      try {
        failedCommit =
            store.write(
                "recording the failed commit of " + run.app(),
                db -> discard(db, endedAt, message, applied));
      } catch (StoreException again) {
        failure.addSuppressed(again);
        failedCommit =
            ended(
                endedAt, SyncRun.Outcome.FAILED, MirrorCounts.ZERO, message, ReconcileCounts.NONE);
      }
    }
  }

  @Override
  public SyncRun fail(Instant endedAt, String message) {
    Objects.requireNonNull(endedAt, "endedAt");
    Objects.requireNonNull(message, "message");
    if (failedCommit != null) {
      return failedCommit;
    }
    ensureRunning();
    ended = true;
    try {
      return store.write(
          "recording the failed full sync of " + run.app(),
          db -> discard(db, endedAt, message, ReconcileCounts.NONE));
    } finally {
      store.ended(run.id());
    }
  }

  /** Ends a write that neither committed nor failed; with the store closed, the run stays open. */
  @Override
  public void close() {
    if (!ended && !store.isClosed()) {
      fail(store.clock().instant(), ABORTED);
    }
    ended = true;
    store.ended(run.id());
  }

  private void ensureRunning() {
    store.ensureOpen();
    if (ended) {
      throw new IllegalStateException("this full sync has already ended");
    }
  }

  /**
   * Refreshes the run's heartbeat in {@code db}'s transaction.
   *
   * @throws StoreException if the run is no longer recorded as running (another full sync took it
   *     for dead), so that the transaction changes nothing
   */
  private void heartbeat(DSLContext db) {
    int updated =
        db.update(StoreSchema.SYNC_RUNS)
            .set(SyncRunsSchema.HEARTBEAT_AT, StoreSchema.text(store.clock().instant()))
            .where(ID.eq(run.id()))
            .and(OUTCOME.eq(SyncRun.Outcome.RUNNING.name()))
            .execute();
    if (updated != 1) {
      throw new StoreException(
          StoreException.Kind.QUERY_FAILED,
          false,
          "full sync run "
              + run.id()
              + " of "
              + run.app()
              + " is no longer running: another full sync marked it abandoned",
          null);
    }
  }

  private void stage(DSLContext db, MirrorTable table, List<List<String>> rows) {
    List<Field<?>> columns = StoreSchema.withFirst(RUN_ID, table.columns());
    List<Object[]> binds = new ArrayList<>(rows.size());
    rows.forEach(row -> binds.add(BatchStatement.row(run.id(), row)));
    BatchStatement.cached(
            db,
            "stage " + table.name(),
            () -> table.upsert(db, table.stage(), RUN_ID, columns),
            columns)
        .execute(db, binds);
  }

  /**
   * The app's first full sync swaps its records in as the mirror and returns the run; a later one
   * returns null, leaving the mirror to reconciliation.
   */
  private SyncRun swapIfFirst(DSLContext db, Instant endedAt) {
    // The app's lock row first, as page writes take it: the two take turns and cannot deadlock.
    store.appLocks().lock(db, run.app());
    heartbeat(db);
    if (db.fetchExists(MIRRORS, APP.eq(run.app()))) {
      return null;
    }
    db.insertInto(MIRRORS, APP, RUN_ID, REPLACED_AT)
        .values(run.app(), run.id(), StoreSchema.text(store.clock().instant()))
        .onConflict(StoreSchema.qualified(MIRRORS, List.of(APP)))
        .doUpdate()
        .set(RUN_ID, excluded(RUN_ID))
        .set(REPLACED_AT, excluded(REPLACED_AT))
        .execute();
    long[] counts = new long[MirrorTable.values().length];
    for (MirrorTable table : MirrorTable.values()) {
      db.deleteFrom(table.mirror()).where(APP.eq(run.app())).execute();
      List<SelectField<?>> staged = new ArrayList<>();
      staged.add(val(run.app()));
      staged.addAll(table.columns());
      counts[table.ordinal()] =
          db.insertInto(table.mirror(), StoreSchema.withFirst(APP, table.columns()))
              .select(select(staged).from(table.stage()).where(RUN_ID.eq(run.id())))
              .execute();
      StagedRows.clear(db, store.dialect(), table, run.id());
    }
    return end(db, endedAt, counts, null, ReconcileCounts.BASELINE);
  }

  /**
   * One page of differences, in one page transaction: after the page's locks, refresh the
   * heartbeat, show the guard the app's events since it last looked, and keep the differences it
   * does not suppress.
   */
  private List<SourceEvent> writeDifferences(List<SourceEvent> page) {
    return store
        .eventLog()
        .write(
            run.app(),
            page,
            Optional.empty(),
            (db, events) -> {
              heartbeat(db);
              JooqEventLog.eventsOf(db, run.app(), guard.seenUpTo()).forEach(guard::saw);
              return events.stream().filter(e -> !guard.suppresses(e.event())).toList();
            })
        .appended();
  }

  /** Ends a reconciled run: its staged rows go, the mirror stays as the pages left it. */
  private SyncRun reconciled(
      DSLContext db, Instant endedAt, MirrorCounts staged, ReconcileCounts applied) {
    heartbeat(db);
    db.update(MIRRORS)
        .set(RUN_ID, run.id())
        .set(REPLACED_AT, StoreSchema.text(store.clock().instant()))
        .where(APP.eq(run.app()))
        .execute();
    for (MirrorTable table : MirrorTable.values()) {
      StagedRows.clear(db, store.dialect(), table, run.id());
    }
    long[] counts = {staged.resources(), staged.entitlements(), staged.grants()};
    return end(db, endedAt, counts, null, applied);
  }

  private SyncRun discard(
      DSLContext db, Instant endedAt, String message, ReconcileCounts reconciled) {
    long[] counts = new long[MirrorTable.values().length];
    for (MirrorTable table : MirrorTable.values()) {
      counts[table.ordinal()] = StagedRows.clear(db, store.dialect(), table, run.id());
    }
    return end(db, endedAt, counts, message, reconciled);
  }

  private SyncRun end(
      DSLContext db, Instant endedAt, long[] counts, String message, ReconcileCounts reconciled) {
    Instant end = endedAt.truncatedTo(ChronoUnit.MICROS);
    SyncRun.Outcome outcome = SyncRun.Outcome.ofEnd(message);
    MirrorCounts total = new MirrorCounts(counts[0], counts[1], counts[2]);
    String mode =
        reconciled.baseline()
            ? SyncRunsSchema.BASELINE
            : message == null ? SyncRunsSchema.RECONCILED : null;
    db.update(StoreSchema.SYNC_RUNS)
        .set(ENDED_AT, StoreSchema.text(end))
        .set(OUTCOME, outcome.name())
        .set(RESOURCE_COUNT, total.resources())
        .set(ENTITLEMENT_COUNT, total.entitlements())
        .set(GRANT_COUNT, total.grants())
        .set(MESSAGE, message)
        .set(SyncRunsSchema.RECONCILE, mode)
        .set(SyncRunsSchema.RESOURCES_CHANGED, reconciled.resourcesChanged())
        .set(SyncRunsSchema.RESOURCES_DELETED, reconciled.resourcesDeleted())
        .set(SyncRunsSchema.GRANTS_CREATED, reconciled.grantsCreated())
        .set(SyncRunsSchema.GRANTS_REVOKED, reconciled.grantsRevoked())
        .where(ID.eq(run.id()))
        .execute();
    return ended(end, outcome, total, message, reconciled);
  }

  private SyncRun ended(
      Instant end,
      SyncRun.Outcome outcome,
      MirrorCounts counts,
      String message,
      ReconcileCounts reconciled) {
    return new SyncRun(
        run.id(),
        run.app(),
        run.startedAt(),
        end.truncatedTo(ChronoUnit.MICROS),
        outcome,
        counts,
        message,
        reconciled);
  }
}
