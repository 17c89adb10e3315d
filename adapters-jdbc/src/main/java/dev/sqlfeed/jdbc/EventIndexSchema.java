package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.EventLogSchema.EVENTS;
import static dev.sqlfeed.jdbc.StoreSchema.APP;
import static dev.sqlfeed.jdbc.StoreSchema.RESOURCE_ID;
import static dev.sqlfeed.jdbc.StoreSchema.RESOURCE_TYPE;
import static org.jooq.impl.DSL.name;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Schema version 4: an index of {@code events} by resource, {@code (app, resource_type,
 * resource_id)}. A page that puts back resources with grants asks whether the log has events about
 * them ({@link MirrorPresence}); without the index that question read all of an app's events, once
 * per such page. 64 + 64 + 255 characters stay within InnoDB's 3,072-byte key in utf8mb4.
 *
 * <p>Created only when missing, so that the step may run again after it was cut short, or by two
 * processes at once; MySQL has no {@code CREATE INDEX IF NOT EXISTS}, hence the look first.
 */
final class EventIndexSchema {
  static final String EVENTS_BY_RESOURCE = "events_resource";

  private EventIndexSchema() {}

  /** Step 4 of {@link StoreSchema#migrate}. */
  static void version4(DSLContext db, StoreDialect dialect) {
    if (has(db)) {
      return;
    }
    try {
      db.createIndex(name(EVENTS_BY_RESOURCE))
          .on(EVENTS, APP, RESOURCE_TYPE, RESOURCE_ID)
          .execute();
    } catch (DataAccessException e) {
      if (!has(db)) {
        throw e;
      }
      // Another process created it first.
    }
  }

  /** Whether {@code events} has the index, as the driver's catalogue lists it. */
  static boolean has(DSLContext db) {
    return db.connectionResult(
        connection -> {
          DatabaseMetaData meta = connection.getMetaData();
          for (String table : new String[] {"events", "EVENTS"}) {
            if (listed(meta, connection.getCatalog(), connection.getSchema(), table)) {
              return true;
            }
          }
          return false;
        });
  }

  private static boolean listed(DatabaseMetaData meta, String catalog, String schema, String table)
      throws SQLException {
    try (ResultSet rs = meta.getIndexInfo(catalog, schema, table, false, true)) {
      while (rs.next()) {
        String index = rs.getString("INDEX_NAME");
        if (index != null && index.toLowerCase(Locale.ROOT).equals(EVENTS_BY_RESOURCE)) {
          return true;
        }
      }
    }
    return false;
  }
}
