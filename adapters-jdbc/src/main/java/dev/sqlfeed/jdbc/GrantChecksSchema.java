package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.EventLogSchema.CURSOR;
import static dev.sqlfeed.jdbc.EventLogSchema.EVENT_ID;
import static dev.sqlfeed.jdbc.EventLogSchema.SOURCE;
import static dev.sqlfeed.jdbc.StoreSchema.APP;
import static dev.sqlfeed.jdbc.StoreSchema.RESOURCE_ID;
import static dev.sqlfeed.jdbc.StoreSchema.RESOURCE_TYPE;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.ports.GrantCheck;
import dev.sqlfeed.ports.GrantChecks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * Schema version 7: {@code grant_checks}, the grant checks that grants sources owe ({@link
 * GrantCheck}), one row per (app, source, resource), keyed by the SHA-256 (hex) of the three
 * ({@link #key}) so that the key stays short on every database. {@code due_at} is text with nine
 * fraction digits, like cursors, so that it compares as text in time order. Rows are few (a check
 * is settled at the next cycle of its source that has scanned past it), so looking up a source's
 * due checks reads the table without an index of its own.
 */
final class GrantChecksSchema {
  static final Table<Record> GRANT_CHECKS = table(name("grant_checks"));
  static final Field<String> CHECK_KEY =
      field(name("check_key"), SQLDataType.VARCHAR(64).nullable(false));
  static final Field<String> DUE_AT =
      field(name("due_at"), SQLDataType.VARCHAR(40).nullable(false));

  private static final List<Field<?>> COLUMNS =
      List.of(CHECK_KEY, APP, SOURCE, RESOURCE_TYPE, RESOURCE_ID, EVENT_ID, CURSOR, DUE_AT);

  /** Conditions per delete: two bind values each, well below every database's limit. */
  private static final int PER_STATEMENT = 200;

  private GrantChecksSchema() {}

  /** Step 7 of {@link StoreSchema#migrate}. */
  static void version7(DSLContext db, StoreDialect dialect) {
    StoreSchema.create(db, dialect, GRANT_CHECKS, COLUMNS, List.of(CHECK_KEY));
  }

  /** In a page's transaction: records the checks it owes and removes those it settles. */
  static void write(DSLContext db, String app, GrantChecks checks) {
    if (checks.isEmpty()) {
      return;
    }
    List<Condition> gone = new ArrayList<>();
    for (GrantCheck check : checks.settled()) {
      gone.add(CHECK_KEY.eq(key(app, check)).and(EVENT_ID.eq(check.eventId())));
    }
    List<Object[]> owed = new ArrayList<>();
    for (GrantCheck check : checks.owed()) {
      String key = key(app, check);
      gone.add(CHECK_KEY.eq(key));
      owed.add(
          new Object[] {
            key,
            app,
            check.source(),
            check.resource().resourceType(),
            check.resource().resourceId(),
            check.eventId(),
            EventLogSchema.cursorText(check.cursor()),
            EventLogSchema.cursorText(check.due())
          });
    }
    for (Condition any : KeyConditions.anyOf(gone, PER_STATEMENT, c -> c)) {
      db.deleteFrom(GRANT_CHECKS).where(any).execute();
    }
    if (!owed.isEmpty()) {
      BatchStatement.cached(
              db,
              "insert grant_checks",
              () -> db.insertInto(GRANT_CHECKS, COLUMNS).values(BatchStatement.slots(COLUMNS)),
              COLUMNS)
          .execute(db, owed);
    }
  }

  /** The source's checks due by {@code scannedTo}, oldest due first, at most {@code limit}. */
  static List<GrantCheck> due(
      DSLContext db, String app, String source, Instant scannedTo, int limit) {
    return db.select(RESOURCE_TYPE, RESOURCE_ID, EVENT_ID, CURSOR, DUE_AT)
        .from(GRANT_CHECKS)
        .where(APP.eq(app))
        .and(SOURCE.eq(source))
        .and(DUE_AT.le(EventLogSchema.cursorText(scannedTo)))
        .orderBy(DUE_AT, CHECK_KEY)
        .limit(limit)
        .fetch(
            row ->
                new GrantCheck(
                    source,
                    new ResourceRef(row.get(RESOURCE_TYPE), row.get(RESOURCE_ID)),
                    row.get(EVENT_ID),
                    Instant.parse(row.get(CURSOR)),
                    Instant.parse(row.get(DUE_AT))));
  }

  /** The row key of a check: the app, the source and the resource, each told apart by length. */
  static String key(String app, GrantCheck check) {
    ResourceRef r = check.resource();
    return EventRows.hash(
        app,
        check.source().length()
            + ":"
            + check.source()
            + ":"
            + r.resourceType().length()
            + ":"
            + r.resourceType()
            + ":"
            + r.resourceId());
  }
}
