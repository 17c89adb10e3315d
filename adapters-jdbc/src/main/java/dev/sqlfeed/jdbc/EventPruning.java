package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.EventLogSchema.EVENTS;
import static dev.sqlfeed.jdbc.EventLogSchema.OBSERVED_AT;
import static dev.sqlfeed.jdbc.EventLogSchema.SEQ;
import static dev.sqlfeed.jdbc.StoreSchema.APP;
import static org.jooq.impl.DSL.max;

import dev.sqlfeed.ports.EventPrune;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Removes the oldest events of a {@link JooqSyncStore}'s log, as an {@link EventPrune} says, with
 * the {@code delivered_events} rows that point at them (a delivered key then no longer counts as
 * held, like a pruned event's id). Seqs and observed times rise together (see {@link
 * JooqEventLog}), so both rules come down to one seq bound and one range delete, less the events
 * that a sink of their app has not published yet ({@code sink_positions}); the counter row is
 * untouched, so seqs handed out later keep rising from where they were.
 */
final class EventPruning {
  private EventPruning() {}

  /** Prunes in {@code db}'s transaction and returns how many events it removed. */
  static long prune(DSLContext db, EventPrune prune) {
    if (!prune.hasRule()) {
      return 0;
    }
    Condition ofApp = prune.app().map(APP::eq).orElse(DSL.noCondition());
    long bound = 0;
    if (prune.observedBefore().isPresent()) {
      String before = StoreSchema.text(prune.observedBefore().get());
      Long seq =
          db.select(max(SEQ))
              .from(EVENTS)
              .where(OBSERVED_AT.lt(before))
              .and(ofApp)
              .fetchOne(0, Long.class);
      bound = Math.max(bound, seq == null ? 0 : seq);
    }
    if (prune.keep().isPresent()) {
      bound = Math.max(bound, belowNewest(db, prune.app(), prune.keep().getAsLong()));
    }
    bound = Math.min(bound, prune.ceilingSeq());
    if (bound <= 0) {
      return 0;
    }
    db.deleteFrom(DeliveredSchema.DELIVERED)
        .where(SEQ.le(bound))
        .and(ofApp)
        .and(SinkPositionsSchema.publishedByEverySink(DeliveredSchema.DELIVERED))
        .execute();
    return db.deleteFrom(EVENTS)
        .where(SEQ.le(bound))
        .and(ofApp)
        .and(SinkPositionsSchema.publishedByEverySink(EVENTS))
        .execute();
  }

  /**
   * The greatest seq that is not among the {@code keep} newest events: of the whole log, whose seqs
   * have no gaps but those of earlier prunes, the last seq less {@code keep}; of one app, whose
   * seqs interleave with other apps', the seq of its {@code keep + 1}-th newest event.
   */
  private static long belowNewest(DSLContext db, Optional<String> app, long keep) {
    if (app.isEmpty()) {
      Long last = db.select(max(SEQ)).from(EVENTS).fetchOne(0, Long.class);
      return last == null ? 0 : last - keep;
    }
    Long seq =
        db.select(SEQ)
            .from(EVENTS)
            .where(APP.eq(app.get()))
            .orderBy(SEQ.desc())
            .limit(1)
            .offset(keep)
            .fetchOne(SEQ);
    return seq == null ? 0 : seq;
  }
}
