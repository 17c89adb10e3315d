package dev.sqlfeed.jdbc;

import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.ports.MirrorCounts;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Stores as an older sqlfeed left them, for the tests of what a newer one makes of them. */
final class OldStores {
  private OldStores() {}

  /**
   * Gives {@code database} the store's schema up to {@code version}, applied at {@code at}, then
   * lets {@code rows} write into it what that version would have written.
   */
  static void make(TestDatabase database, Instant at, int version, Consumer<DSLContext> rows)
      throws SQLException {
    StoreDialect dialect = StoreDialect.of(database.jdbcUrl());
    try (Connection c = database.connect()) {
      DSLContext db = DSL.using(c, dialect.jooq());
      StoreSchema.migrate(db, dialect, at, version);
      rows.accept(db);
    }
  }

  /**
   * A row of {@code sync_runs} of the app {@code hr}, as an older version wrote it.
   *
   * @param times its time columns ({@code started_at} and whichever others) and their text
   */
  record Run(String outcome, MirrorCounts counts, Map<Field<String>, String> times) {
    void insert(DSLContext db) {
      db.insertInto(StoreSchema.SYNC_RUNS)
          .set(StoreSchema.APP, "hr")
          .set(StoreSchema.OUTCOME, outcome)
          .set(StoreSchema.RESOURCE_COUNT, counts.resources())
          .set(StoreSchema.ENTITLEMENT_COUNT, counts.entitlements())
          .set(StoreSchema.GRANT_COUNT, counts.grants())
          .set(times)
          .execute();
    }
  }
}
