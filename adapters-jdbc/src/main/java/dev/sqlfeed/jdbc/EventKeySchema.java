package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.BatchStatement.slot;
import static dev.sqlfeed.jdbc.EventLogSchema.EVENTS;
import static dev.sqlfeed.jdbc.EventLogSchema.EVENT_ID;
import static dev.sqlfeed.jdbc.EventLogSchema.EVENT_KEY;
import static dev.sqlfeed.jdbc.EventLogSchema.SEQ;
import static dev.sqlfeed.jdbc.StoreSchema.APP;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Result;

/**
 * Schema version 9: the keys of {@code events} in time order ({@link EventRows#key}): each event's
 * key is written again from its app and id, a chunk of {@link #CHUNK} events a transaction, in seq
 * order. Keys of both forms never share a text, and a key depends only on its event, so a step cut
 * short is simply run again, and two processes that run it at once write the same values. {@code
 * delivered_events} and grant checks keep their {@link EventRows#hash}es.
 *
 * <p>It reads and writes the whole log once: about a minute a few million events.
 */
final class EventKeySchema {
  private static final int CHUNK = 10_000;

  private EventKeySchema() {}

  /** Step 9 of {@link StoreSchema#migrate}. */
  static void version9(DSLContext db, StoreDialect dialect) {
    List<Field<?>> columns = List.of(EVENT_KEY, SEQ);
    long after = Long.MIN_VALUE;
    while (true) {
      long from = after;
      Long last =
          db.transactionResult(
              tx -> {
                DSLContext t = tx.dsl();
                Result<Record3<Long, String, String>> rows =
                    t.select(SEQ, APP, EVENT_ID)
                        .from(EVENTS)
                        .where(SEQ.gt(from))
                        .orderBy(SEQ)
                        .limit(CHUNK)
                        .fetch();
                List<Object[]> keys = new ArrayList<>(rows.size());
                for (Record3<Long, String, String> row : rows) {
                  keys.add(
                      BatchStatement.row(EventRows.key(row.value2(), row.value3()), row.value1()));
                }
                BatchStatement.of(
                        t,
                        t.update(EVENTS).set(EVENT_KEY, slot(EVENT_KEY)).where(SEQ.eq(slot(SEQ))),
                        columns)
                    .execute(t, keys);
                return rows.isEmpty() ? null : rows.get(rows.size() - 1).value1();
              });
      if (last == null) {
        return;
      }
      after = last;
    }
  }
}
