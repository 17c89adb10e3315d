package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.StoreSchema.SYNC_RUNS;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Schema version 5: {@code sync_runs.run_lock}, the name of the lock a running run holds for its
 * life ({@link RunLiveness}), by which a run whose process died is recognised at once. Null for a
 * run of a store without such locks and for rows written before version 5: those are told dead by
 * their heartbeat alone, as before.
 *
 * <p>The column is added with {@code ALTER TABLE} only when missing, so that the step may run again
 * after it was cut short, or by two processes at once.
 */
final class RunLocksSchema {
  static final Field<String> RUN_LOCK =
      field(name("run_lock"), SQLDataType.VARCHAR(64).nullable(true));

  private RunLocksSchema() {}

  /** Step 5 of {@link StoreSchema#migrate}. */
  static void version5(DSLContext db, StoreDialect dialect) {
    if (has(db)) {
      return;
    }
    try {
      db.alterTable(SYNC_RUNS)
          .addColumn(
              field(RUN_LOCK.getUnqualifiedName(), dialect.columnType(RUN_LOCK.getDataType())))
          .execute();
    } catch (DataAccessException e) {
      if (!has(db)) {
        throw e;
      }
      // Another process added it first.
    }
  }

  private static boolean has(DSLContext db) {
    try {
      db.select(RUN_LOCK).from(SYNC_RUNS).where(DSL.falseCondition()).fetch();
      return true;
    } catch (DataAccessException e) {
      return false;
    }
  }
}
