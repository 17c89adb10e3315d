package dev.sqlfeed.jdbc;

import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import dev.sqlfeed.ports.catalog.BaseColumn;
import dev.sqlfeed.ports.catalog.IndexCheck;
import dev.sqlfeed.ports.catalog.ResultColumn;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Whether an index leads with a column, read from {@link DatabaseMetaData}: {@code getIndexInfo}
 * rows at ordinal position 1 (PostgreSQL's pg_index, MariaDB's information_schema.statistics with
 * seq_in_index 1, SQLite's index_list and index_info, automatic indexes of UNIQUE and PRIMARY KEY
 * constraints included), and the first column of {@code getPrimaryKeys}, which also covers SQLite's
 * INTEGER PRIMARY KEY (the rowid, which has no index of its own but is one). Names are compared
 * without regard to case; table names passed as patterns are checked again exactly, since {@code _}
 * is a wildcard there.
 */
final class LeadingIndexes {
  private LeadingIndexes() {}

  /** Whether the catalog of this product is read (others only get notes). */
  static boolean reads(Product product) {
    return switch (product) {
      case POSTGRES, MYSQL, SQLITE, H2 -> true;
      case SQLSERVER, ORACLE, OTHER -> false;
    };
  }

  static IndexCheck check(DatabaseMetaData md, Product product, ResultColumn column)
      throws SQLException {
    BaseColumn base = column.origin().orElseThrow();
    // MariaDB's driver calls databases catalogs; the others name schemas.
    String catalog = product == Product.MYSQL ? base.schema() : null;
    String schema = product == Product.MYSQL || base.schema().isEmpty() ? null : base.schema();
    if (isView(md, catalog, schema, base.table())) {
      return new IndexCheck.Unknown(
          column.label() + " comes from the view " + base.table() + ", which has no indexes");
    }
    if (product == Product.SQLITE && !hasColumn(md, base)) {
      return new IndexCheck.Unknown(
          "could not determine which column of " + base.table() + " " + column.label() + " is");
    }
    try (ResultSet rs = md.getPrimaryKeys(catalog, schema, base.table())) {
      while (rs.next()) {
        if (rs.getShort("KEY_SEQ") == 1 && sameName(rs.getString("COLUMN_NAME"), base.column())) {
          String name = rs.getString("PK_NAME");
          return new IndexCheck.Indexed(base, name == null ? "primary key" : name);
        }
      }
    }
    try (ResultSet rs = md.getIndexInfo(catalog, schema, base.table(), false, true)) {
      while (rs.next()) {
        if (rs.getShort("ORDINAL_POSITION") == 1
            && sameName(rs.getString("COLUMN_NAME"), base.column())) {
          return new IndexCheck.Indexed(base, String.valueOf(rs.getString("INDEX_NAME")));
        }
      }
    }
    return new IndexCheck.NotIndexed(base);
  }

  private static boolean isView(DatabaseMetaData md, String catalog, String schema, String table)
      throws SQLException {
    try (ResultSet rs = md.getTables(catalog, schema, table, null)) {
      while (rs.next()) {
        if (sameName(rs.getString("TABLE_NAME"), table)
            && "VIEW".equalsIgnoreCase(rs.getString("TABLE_TYPE"))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasColumn(DatabaseMetaData md, BaseColumn base) throws SQLException {
    try (ResultSet rs = md.getColumns(null, null, base.table(), null)) {
      while (rs.next()) {
        if (sameName(rs.getString("TABLE_NAME"), base.table())
            && sameName(rs.getString("COLUMN_NAME"), base.column())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean sameName(String a, String b) {
    return a != null && a.equalsIgnoreCase(b);
  }
}
