package dev.sqlfeed.jdbc;

import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import dev.sqlfeed.domain.value.SourceRow;
import dev.sqlfeed.domain.value.Values;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns the current row of a result set into a {@link SourceRow}, values normalised once. */
final class RowReader {
  private final List<String> columns;
  private final ColumnReader[] readers;

  private RowReader(List<String> columns, ColumnReader[] readers) {
    this.columns = columns;
    this.readers = readers;
  }

  /** Column names are the labels as the database reports them (H2 upper-cases unquoted ones). */
  static RowReader of(ResultSetMetaData md, Product product) throws SQLException {
    int count = md.getColumnCount();
    List<String> columns = new ArrayList<>(count);
    ColumnReader[] readers = new ColumnReader[count];
    for (int i = 1; i <= count; i++) {
      columns.add(md.getColumnLabel(i));
      readers[i - 1] = ColumnReader.of(md, i, product);
    }
    return new RowReader(List.copyOf(columns), readers);
  }

  /** A value that cannot be read as its column's declared type. */
  static final class UnreadableValue extends RuntimeException {
    UnreadableValue(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Reads the current row.
   *
   * @throws UnreadableValue naming the column when a value is not of its declared type
   */
  SourceRow read(ResultSet rs) throws SQLException {
    Object[] values = new Object[readers.length];
    for (int i = 0; i < readers.length; i++) {
      try {
        values[i] = Values.normalise(readers[i].read(rs, i + 1));
      } catch (IllegalArgumentException e) {
        throw new UnreadableValue("column '" + columns.get(i) + "': " + e.getMessage(), e);
      }
    }
    return new SourceRow(columns, Arrays.asList(values));
  }
}
