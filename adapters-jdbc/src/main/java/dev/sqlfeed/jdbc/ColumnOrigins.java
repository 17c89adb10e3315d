package dev.sqlfeed.jdbc;

import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import dev.sqlfeed.ports.catalog.BaseColumn;
import dev.sqlfeed.ports.catalog.ResultColumn;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.PGResultSetMetaData;

/**
 * The table column behind each result column, as each driver reports it for a prepared statement.
 *
 * <ul>
 *   <li>PostgreSQL: pgjdbc's base schema, table and column (from the table OID and attribute number
 *       the server sends, through aliases, joins and subqueries in FROM).
 *   <li>MariaDB/MySQL: the column definition's original table and column, and its database; a
 *       column of a derived table comes without a database and counts as unknown.
 *   <li>SQLite: the origin table; sqlite-jdbc does not expose the origin column's name, so the
 *       label stands in for it, and {@link LeadingIndexes} accepts it only if the table has a
 *       column of that name. SQLite traces a view's column to the table behind it, whose index
 *       serves a query on the view.
 *   <li>H2: schema, table and column name (H2 reports the original name).
 * </ul>
 *
 * <p>Other products report nothing usable here, so their columns have no origin.
 */
final class ColumnOrigins {
  private ColumnOrigins() {}

  static List<ResultColumn> of(ResultSetMetaData md, Product product) throws SQLException {
    List<ResultColumn> out = new ArrayList<>(md.getColumnCount());
    for (int i = 1; i <= md.getColumnCount(); i++) {
      out.add(
          new ResultColumn(
              md.getColumnLabel(i), origin(md, i, product), CursorPrecisions.of(md, i, product)));
    }
    return out;
  }

  private static Optional<BaseColumn> origin(ResultSetMetaData md, int i, Product product)
      throws SQLException {
    return switch (product) {
      case POSTGRES -> {
        PGResultSetMetaData pg = md.unwrap(PGResultSetMetaData.class);
        yield base(pg.getBaseSchemaName(i), pg.getBaseTableName(i), pg.getBaseColumnName(i));
      }
      case MYSQL -> {
        String database = md.getCatalogName(i);
        yield database == null || database.isEmpty()
            ? Optional.empty()
            : base(database, md.getTableName(i), md.getColumnName(i));
      }
      case SQLITE -> base("", md.getTableName(i), md.getColumnLabel(i));
      case H2 -> base(md.getSchemaName(i), md.getTableName(i), md.getColumnName(i));
      case SQLSERVER, ORACLE, OTHER -> Optional.empty();
    };
  }

  private static Optional<BaseColumn> base(String schema, String table, String column) {
    if (table == null || table.isEmpty() || column == null || column.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new BaseColumn(schema == null ? "" : schema, table, column));
  }
}
