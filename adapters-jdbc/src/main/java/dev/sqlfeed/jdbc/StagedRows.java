package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.StoreSchema.RUN_ID;

import org.jooq.DSLContext;

/** Removes a run's staged rows once they are in the mirror, or once the run has ended. */
final class StagedRows {
  private StagedRows() {}

  /**
   * Deletes the run's rows of {@code table}'s staging table in the caller's transaction; returns
   * how many there were.
   *
   * <p>On SQLite, when the run's rows are the only ones staged, the statement has no WHERE clause:
   * SQLite then drops the table's pages at once instead of deleting a million rows one by one (its
   * truncate optimisation), which profiled as a tenth of a first full sync of 1,000,000 users. No
   * other run can stage meanwhile: the transaction holds SQLite's one write lock.
   */
  static int clear(DSLContext db, StoreDialect dialect, MirrorTable table, long runId) {
    if (dialect == StoreDialect.SQLITE
        && !db.fetchExists(db.selectOne().from(table.stage()).where(RUN_ID.ne(runId)))) {
      int staged = db.fetchCount(table.stage());
      db.deleteFrom(table.stage()).execute();
      return staged;
    }
    return db.deleteFrom(table.stage()).where(RUN_ID.eq(runId)).execute();
  }
}
