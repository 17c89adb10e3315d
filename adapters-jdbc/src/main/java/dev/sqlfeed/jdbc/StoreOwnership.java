package dev.sqlfeed.jdbc;

import dev.sqlfeed.domain.error.ConfigException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;

/**
 * Checks, before anything is created, that the store's database (its current schema) is empty or
 * holds a sqlfeed store: one with sqlfeed's {@code schema_version} table. Pointed at an
 * application's own database by mistake, sqlfeed would otherwise add its tables next to the
 * application's and fail late on a table of the same name that is not its own.
 *
 * <p>A database that does hold another application's tables is a {@link ConfigException} (exit 2):
 * the {@code --store} option is what is wrong, not the database.
 */
final class StoreOwnership {
  private static final String SCHEMA_VERSION = "schema_version";

  /** The columns sqlfeed's {@code schema_version} has since version 1. */
  private static final Set<String> VERSION_COLUMNS = Set.of("version", "applied_at");

  private StoreOwnership() {}

  static void check(DSLContext db, String redactedUrl) {
    String why = db.connectionResult(StoreOwnership::whyNotOurs);
    if (why != null) {
      throw new ConfigException(
          "sqlfeed: the sync store "
              + redactedUrl
              + " is not a sqlfeed store: "
              + why
              + "; give --store an empty database or an existing sqlfeed store");
    }
  }

  /** Null when the database is empty or a sqlfeed store, else why not. */
  private static String whyNotOurs(Connection c) throws SQLException {
    List<String> tables = tables(c);
    if (tables.isEmpty()) {
      return null;
    }
    if (!tables.contains(SCHEMA_VERSION)) {
      return "it holds tables that are not sqlfeed's ("
          + sample(tables)
          + ") and no sqlfeed schema_version table";
    }
    Set<String> columns = columns(c, SCHEMA_VERSION);
    if (!columns.containsAll(VERSION_COLUMNS)) {
      return "its schema_version table is not sqlfeed's (columns: "
          + String.join(", ", columns)
          + ")";
    }
    return null;
  }

  private static String sample(List<String> tables) {
    List<String> shown = tables.subList(0, Math.min(3, tables.size()));
    return String.join(", ", shown) + (tables.size() > shown.size() ? ", ..." : "");
  }

  /** The base tables of the connection's current catalog and schema, lower-cased and sorted. */
  private static List<String> tables(Connection c) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    Set<String> names = new TreeSet<>();
    try (ResultSet rs = meta.getTables(c.getCatalog(), schema(c), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return new ArrayList<>(names);
  }

  private static Set<String> columns(Connection c, String table) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    Set<String> names = new TreeSet<>();
    for (String spelled : List.of(table, table.toUpperCase(Locale.ROOT))) {
      try (ResultSet rs = meta.getColumns(c.getCatalog(), schema(c), spelled, "%")) {
        while (rs.next()) {
          names.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
        }
      }
    }
    return names;
  }

  /** The current schema, or null where the driver has none (MariaDB, SQLite). */
  private static String schema(Connection c) {
    try {
      return c.getSchema();
    } catch (SQLException | AbstractMethodError e) {
      return null;
    }
  }
}
