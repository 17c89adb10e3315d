package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.EventLogSchema.CHECKPOINTS;
import static dev.sqlfeed.jdbc.EventLogSchema.COMMITTED_AT;
import static dev.sqlfeed.jdbc.EventLogSchema.COUNTER;
import static dev.sqlfeed.jdbc.EventLogSchema.CURSOR;
import static dev.sqlfeed.jdbc.EventLogSchema.EVENTS;
import static dev.sqlfeed.jdbc.EventLogSchema.EVENT_COLUMNS;
import static dev.sqlfeed.jdbc.EventLogSchema.EVENT_KEY;
import static dev.sqlfeed.jdbc.EventLogSchema.EVENT_SEQ;
import static dev.sqlfeed.jdbc.EventLogSchema.LAST_SEQ;
import static dev.sqlfeed.jdbc.EventLogSchema.SEQ;
import static dev.sqlfeed.jdbc.EventLogSchema.SOURCE;
import static dev.sqlfeed.jdbc.EventLogSchema.THE_COUNTER;
import static dev.sqlfeed.jdbc.StoreSchema.APP;
import static org.jooq.impl.DSL.excluded;

import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.ports.Checkpoint;
import dev.sqlfeed.ports.GrantCheck;
import dev.sqlfeed.ports.GrantChecks;
import dev.sqlfeed.ports.PageChecks;
import dev.sqlfeed.ports.PageWriteResult;
import dev.sqlfeed.ports.Restatements;
import dev.sqlfeed.ports.RestoredGrants;
import dev.sqlfeed.ports.SourceEvent;
import dev.sqlfeed.ports.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.SelectForUpdateStep;
import org.jooq.impl.DSL;

/**
 * The event log of a {@link JooqSyncStore}.
 *
 * <p>A page is one transaction: lock the app's row ({@link AppLocks}), lock the one row of {@code
 * event_seq} and read the last seq, look up which of the page's event keys the log has, append the
 * new events with the next seqs in one batch, apply their mirror changes' net effect ({@link
 * MirrorDelta}) in a few more, upsert the checkpoint, and store the new last seq. A duplicate is
 * judged by {@link DuplicateEvents} against the mirror as the page has left it: the net effect so
 * far is applied first, so a page of new events still writes its mirror in a few statements. Seqs
 * are gap-free because the counter row is read and written under a lock held to the commit, so page
 * writes append strictly one after another, and a page that rolls back takes its seqs back with it.
 * The lock is a row lock ({@code SELECT ... FOR UPDATE}) on PostgreSQL, MariaDB/MySQL and H2; on
 * SQLite it is the database's write lock, which the store's one writer connection takes when a
 * write transaction begins ({@link StoreDialect#rowLocks()}). Readers never see seq {@code n + 1}
 * without {@code n}: a page's seqs become visible at its commit, before the next page can lock the
 * counter.
 */
final class JooqEventLog {
  private final JooqSyncStore store;
  private final AppLocks locks;

  JooqEventLog(JooqSyncStore store, AppLocks locks) {
    this.store = store;
    this.locks = locks;
  }

  /**
   * Picks, inside a page's transaction and after its locks, which of the page's events to write:
   * how a reconciliation leaves out the differences its guard suppresses.
   */
  @FunctionalInterface
  interface PageFilter {
    List<SourceEvent> keep(DSLContext db, List<SourceEvent> events);
  }

  /** What a page write did, and which events it appended. */
  record Written(PageWriteResult result, List<SourceEvent> appended) {}

  PageWriteResult writePage(
      String app, List<SourceEvent> events, Optional<Checkpoint> commit, GrantChecks checks) {
    return write(app, events, commit, checks, (db, all) -> all).result();
  }

  Written write(
      String app, List<SourceEvent> events, Optional<Checkpoint> commit, PageFilter filter) {
    return write(app, events, commit, GrantChecks.NONE, filter);
  }

  /**
   * Writes a page as {@link #writePage} does, with only the events that {@code filter} keeps; they
   * are checked before the transaction, like every page, and picked inside it.
   */
  private Written write(
      String app,
      List<SourceEvent> events,
      Optional<Checkpoint> commit,
      GrantChecks checks,
      PageFilter filter) {
    store.ensureOpen();
    PageChecks.check(app, events, commit);
    locks.ensure(app);
    return store.write(
        "writing a page of events of " + app,
        db -> {
          locks.lock(db, app);
          long last = lockCounter(db);
          // Read after the locks, so that observed_at never goes back as seq goes up.
          String observedAt = StoreSchema.text(store.clock().instant());
          List<SourceEvent> kept = filter.keep(db, events);
          List<EventRows.Keyed> keyed = new ArrayList<>(kept.size());
          kept.forEach(e -> keyed.add(EventRows.keyed(app, e.event().id())));
          Set<String> seen = StoredEventKeys.among(db, store.dialect(), keyed);
          List<Object[]> rows = new ArrayList<>();
          List<SourceEvent> appended = new ArrayList<>();
          MirrorDelta delta = new MirrorDelta();
          Map<String, Long> pageSeqs = new HashMap<>();
          DuplicateEvents duplicates = new DuplicateEvents(db, app, pageSeqs);
          List<Grant> asked = RestoredGrants.asked(kept);
          RestoredGrants restores =
              new RestoredGrants(
                  asked.isEmpty() ? Map.of() : MirrorGrants.restored(db, app, asked));
          List<Object[]> delivered = new ArrayList<>();
          long seq = last;
          for (int i = 0; i < kept.size(); i++) {
            SourceEvent event = kept.get(i);
            String key = keyed.get(i).key();
            if (seen.add(key)) {
              if (RestoredGrants.isRestore(event.event())) {
                // A restore is judged against the mirror as the page has left it so far.
                delta.apply(db, app);
                delta = new MirrorDelta();
                if (RestoredGrants.dropsRestore(event.event(), duplicates.changesMirror(event))) {
                  seen.remove(key);
                  continue;
                }
              }
              OptionalLong by = restores.deliveredBy(event.event());
              if (by.isPresent()) {
                // Kept as a key the log has, at the restore's seq: a re-read is then a re-read.
                pageSeqs.put(key, by.getAsLong());
                delivered.add(new Object[] {keyed.get(i).hash(), app, by.getAsLong()});
                continue;
              }
            } else {
              // The duplicate is judged against the mirror as the page has left it so far.
              delta.apply(db, app);
              delta = new MirrorDelta();
              Optional<String> again = duplicates.restatedId(event);
              if (again.isEmpty()) {
                continue;
              }
              event =
                  new SourceEvent(Restatements.withId(event.event(), again.get()), event.changes());
              key = EventRows.key(app, again.get());
              seen.add(key);
            }
            pageSeqs.put(key, ++seq);
            restores.appended(event, seq);
            rows.add(EventRows.row(seq, app, key, event.event(), observedAt));
            appended.add(event);
            event.changes().forEach(delta::add);
          }
          BatchStatement.cached(
                  db,
                  "insert events",
                  () ->
                      db.insertInto(EVENTS, EVENT_COLUMNS)
                          .values(BatchStatement.slots(EVENT_COLUMNS)),
                  EVENT_COLUMNS)
              .execute(db, rows);
          delta.apply(db, app);
          if (!delivered.isEmpty()) {
            List<Field<?>> columns = List.of(EVENT_KEY, APP, SEQ);
            BatchStatement.cached(
                    db,
                    "insert delivered_events",
                    () ->
                        db.insertInto(DeliveredSchema.DELIVERED, columns)
                            .values(BatchStatement.slots(columns)),
                    columns)
                .execute(db, delivered);
          }
          GrantChecksSchema.write(db, app, checks);
          commit.ifPresent(checkpoint -> upsert(db, checkpoint));
          if (seq != last) {
            db.update(EVENT_SEQ).set(LAST_SEQ, seq).where(COUNTER.eq(THE_COUNTER)).execute();
          }
          return new Written(
              new PageWriteResult(rows.size(), events.size() - rows.size(), seq), appended);
        });
  }

  /** The ids among {@code ids} that the app's log holds: their keys looked up in bulk. */
  Set<String> heldIds(String app, Collection<String> ids) {
    store.ensureOpen();
    Objects.requireNonNull(app, "app");
    if (ids.isEmpty()) {
      return Set.of();
    }
    Map<String, String> byKey = new HashMap<>();
    List<EventRows.Keyed> keyed = new ArrayList<>(ids.size());
    for (String id : ids) {
      EventRows.Keyed k = EventRows.keyed(app, id);
      keyed.add(k);
      byKey.put(k.key(), id);
    }
    return store.read(
        "looking up event ids of " + app,
        db -> {
          Set<String> held = new HashSet<>();
          for (String key : StoredEventKeys.among(db, store.dialect(), keyed)) {
            held.add(byKey.get(key));
          }
          return held;
        });
  }

  List<GrantCheck> grantChecksDue(String app, String source, Instant scannedTo, int limit) {
    store.ensureOpen();
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(source, "source");
    return store.read(
        "reading the grant checks of " + app + " " + source,
        db -> GrantChecksSchema.due(db, app, source, scannedTo, limit));
  }

  /** The app's events with a seq above {@code afterSeq}, in seq order, in {@code db}'s view. */
  static List<StoredEvent> eventsOf(DSLContext db, String app, long afterSeq) {
    return db.select(EVENT_COLUMNS)
        .from(EVENTS)
        .where(APP.eq(app))
        .and(SEQ.gt(afterSeq))
        .orderBy(SEQ)
        .fetch(EventRows::read);
  }

  /** The log's last seq as committed: every event at or below it is visible. */
  static long lastSeq(DSLContext db) {
    return db.select(LAST_SEQ).from(EVENT_SEQ).where(COUNTER.eq(THE_COUNTER)).fetchSingle(LAST_SEQ);
  }

  Optional<Checkpoint> checkpoint(String app, String source) {
    store.ensureOpen();
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(source, "source");
    return store.read(
        "reading the checkpoint of " + app + " " + source,
        db ->
            db.select(CURSOR, COMMITTED_AT)
                .from(CHECKPOINTS)
                .where(APP.eq(app).and(SOURCE.eq(source)))
                .fetchOptional(
                    row ->
                        new Checkpoint(
                            app,
                            source,
                            Instant.parse(row.get(CURSOR)),
                            StoreSchema.instant(row.get(COMMITTED_AT)))));
  }

  List<StoredEvent> events(Optional<String> app, long afterSeq, int limit) {
    store.ensureOpen();
    Objects.requireNonNull(app, "app");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    if (limit == 0) {
      return List.of();
    }
    return store.read(
        "reading the event log",
        db ->
            db.select(EVENT_COLUMNS)
                .from(EVENTS)
                .where(SEQ.gt(afterSeq))
                .and(app.map(APP::eq).orElse(DSL.noCondition()))
                .orderBy(SEQ)
                .limit(limit)
                .fetch(EventRows::read));
  }

  /** Locks the counter row (see the class comment) and returns the last seq handed out. */
  private long lockCounter(DSLContext db) {
    SelectForUpdateStep<Record1<Long>> select =
        db.select(LAST_SEQ).from(EVENT_SEQ).where(COUNTER.eq(THE_COUNTER));
    return (store.dialect().rowLocks() ? select.forUpdate() : select).fetchSingle(LAST_SEQ);
  }

  private static void upsert(DSLContext db, Checkpoint checkpoint) {
    db.insertInto(CHECKPOINTS, APP, SOURCE, CURSOR, COMMITTED_AT)
        .values(
            checkpoint.app(),
            checkpoint.source(),
            EventLogSchema.cursorText(checkpoint.cursor()),
            StoreSchema.text(checkpoint.committedAt()))
        .onConflict(StoreSchema.qualified(CHECKPOINTS, List.of(APP, SOURCE)))
        .doUpdate()
        .set(CURSOR, excluded(CURSOR))
        .set(COMMITTED_AT, excluded(COMMITTED_AT))
        .execute();
  }
}
