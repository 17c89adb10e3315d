package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.EventLogSchema.EVENT_KEY;
import static dev.sqlfeed.jdbc.EventLogSchema.SEQ;
import static dev.sqlfeed.jdbc.StoreSchema.APP;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Schema version 6: {@code delivered_events}, the keys of events a page dropped because another
 * event already delivered their change (a grants source's {@code grant_created} for a grant a
 * restore put in the mirror, see {@link dev.sqlfeed.ports.RestoredGrants}), each with the seq of
 * the event that delivered it. A later page treats such a key as one the log has, at that seq, so
 * that re-reading the row is a re-read, not a new change.
 */
final class DeliveredSchema {
  static final Table<Record> DELIVERED = table(name("delivered_events"));

  private DeliveredSchema() {}

  /** Step 6 of {@link StoreSchema#migrate}. */
  static void version6(DSLContext db, StoreDialect dialect) {
    StoreSchema.create(db, dialect, DELIVERED, List.of(EVENT_KEY, APP, SEQ), List.of(EVENT_KEY));
  }
}
