package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.EventLogSchema.EVENTS;
import static dev.sqlfeed.jdbc.EventLogSchema.OBSERVED_AT;
import static dev.sqlfeed.jdbc.EventLogSchema.SEQ;
import static org.jooq.impl.DSL.max;

import dev.sqlfeed.ports.EventPrune;
import org.jooq.DSLContext;

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
    long bound = 0;
    if (prune.observedBefore().isPresent()) {
      String before = StoreSchema.text(prune.observedBefore().get());
      Long seq =
          db.select(max(SEQ)).from(EVENTS).where(OBSERVED_AT.lt(before)).fetchOne(0, Long.class);
      bound = Math.max(bound, seq == null ? 0 : seq);
    }
    if (prune.keep().isPresent()) {
      Long last = db.select(max(SEQ)).from(EVENTS).fetchOne(0, Long.class);
      bound = Math.max(bound, last == null ? 0 : last - prune.keep().getAsLong());
    }
    bound = Math.min(bound, prune.ceilingSeq());
    if (bound <= 0) {
      return 0;
    }
    db.deleteFrom(DeliveredSchema.DELIVERED)
        .where(SEQ.le(bound))
        .and(SinkPositionsSchema.publishedByEverySink(DeliveredSchema.DELIVERED))
        .execute();
    return db.deleteFrom(EVENTS)
        .where(SEQ.le(bound))
        .and(SinkPositionsSchema.publishedByEverySink(EVENTS))
        .execute();
  }
}
