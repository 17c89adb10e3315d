package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.StoreSchema.SYNC_RUNS;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Schema version 3: what {@code sync_runs} records of reconciliation, and the heartbeat by which a
 * run left behind by a dead process is told from a live one.
 *
 * <ul>
 *   <li>{@code resources_changed}, {@code resources_deleted}, {@code grants_created}, {@code
 *       grants_revoked}: the differences a run applied as events; 0 by default, so rows written
 *       before version 3 read as no differences.
 *   <li>{@code reconcile}: {@code baseline} for an app's first full sync, {@code reconciled} for a
 *       run that compared; null for a run that is running, failed before comparing, or was written
 *       before version 3.
 *   <li>{@code heartbeat_at}: the last sign of life of a running run (its start, each put, each
 *       page of differences); null in rows written before version 3.
 * </ul>
 *
 * <p>The columns are added with {@code ALTER TABLE}, each only when missing, so that the step may
 * run again after it was cut short, or by two processes at once.
 */
final class SyncRunsSchema {
  static final Field<Long> RESOURCES_CHANGED = count("resources_changed");
  static final Field<Long> RESOURCES_DELETED = count("resources_deleted");
  static final Field<Long> GRANTS_CREATED = count("grants_created");
  static final Field<Long> GRANTS_REVOKED = count("grants_revoked");
  static final Field<String> RECONCILE =
      field(name("reconcile"), SQLDataType.VARCHAR(16).nullable(true));
  static final Field<String> HEARTBEAT_AT =
      field(name("heartbeat_at"), SQLDataType.VARCHAR(32).nullable(true));

  /** The value of {@link #RECONCILE} for a first full sync. */
  static final String BASELINE = "baseline";

  /** The value of {@link #RECONCILE} for a full sync that compared with the mirror. */
  static final String RECONCILED = "reconciled";

  private SyncRunsSchema() {}

  /** Step 3 of {@link StoreSchema#migrate}. */
  static void version3(DSLContext db, StoreDialect dialect) {
    for (Field<?> column :
        List.of(
            RESOURCES_CHANGED,
            RESOURCES_DELETED,
            GRANTS_CREATED,
            GRANTS_REVOKED,
            RECONCILE,
            HEARTBEAT_AT)) {
      if (has(db, column)) {
        continue;
      }
      try {
        db.alterTable(SYNC_RUNS)
            .addColumn(field(column.getUnqualifiedName(), dialect.columnType(column.getDataType())))
            .execute();
      } catch (DataAccessException e) {
        if (!has(db, column)) {
          throw e;
        }
        // Another process added it first.
      }
    }
  }

  /** Whether {@code sync_runs} has the column: a query that names it fails when it does not. */
  private static boolean has(DSLContext db, Field<?> column) {
    try {
      db.select(column).from(SYNC_RUNS).where(DSL.falseCondition()).fetch();
      return true;
    } catch (DataAccessException e) {
      return false;
    }
  }

  private static Field<Long> count(String column) {
    return field(name(column), SQLDataType.BIGINT.nullable(false).defaultValue(0L));
  }
}
