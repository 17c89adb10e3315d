package dev.sqlfeed.ports.catalog;

import java.util.Objects;

/** Whether some index of a column's table has that column first. */
public sealed interface IndexCheck {
  /**
   * An index (or the primary key) leads with the column.
   *
   * @param column the column
   * @param index the index's name as the database reports it
   */
  record Indexed(BaseColumn column, String index) implements IndexCheck {
    public Indexed {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(index, "index");
    }
  }

  /**
   * No index of the table leads with the column: a query that filters or orders by it reads the
   * whole table.
   *
   * @param column the column
   */
  record NotIndexed(BaseColumn column) implements IndexCheck {
    public NotIndexed {
      Objects.requireNonNull(column, "column");
    }
  }

  /**
   * The check could not be made.
   *
   * @param reason why, as a phrase that follows "index not checked: " (for example {@code the
   *     column is computed})
   */
  record Unknown(String reason) implements IndexCheck {
    public Unknown {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
