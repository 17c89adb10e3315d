package dev.sqlfeed.ports.catalog;

import java.util.Objects;

/**
 * The table column a result column comes from.
 *
 * @param schema the table's schema (on MariaDB/MySQL: its database); empty when the driver names
 *     none
 * @param table the table (or view) as the database names it
 * @param column the column in that table, which an alias in the query may have renamed
 */
public record BaseColumn(String schema, String table, String column) {
  public BaseColumn {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    if (table.isEmpty() || column.isEmpty()) {
      throw new IllegalArgumentException("a base column needs a table and a column");
    }
  }

  /** {@code table.column}, as messages print it (the schema is left out: it is rarely needed). */
  @Override
  public String toString() {
    return table + "." + column;
  }
}
