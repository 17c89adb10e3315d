package dev.sqlfeed.jdbc;

import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import dev.sqlfeed.domain.value.SourceRow;
import dev.sqlfeed.domain.value.SqlNull;
import dev.sqlfeed.domain.value.Values;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns the current row of a result set into a {@link SourceRow}, values normalised once. */
final class RowReader {
  private static final Object NULL = SqlNull.VALUE;

  private final List<String> columns;
  private final ColumnReader[] readers;
  private final int timestampColumn;
  private final int skipped;

  private RowReader(
      List<String> columns, ColumnReader[] readers, int timestampColumn, int skipped) {
    this.columns = columns;
    this.readers = readers;
    this.timestampColumn = timestampColumn;
    this.skipped = skipped;
  }

  /** Column names are the labels as the database reports them (H2 upper-cases unquoted ones). */
  static RowReader of(ResultSetMetaData md, Product product) throws SQLException {
    return of(md, product, 0);
  }

  /**
   * A reader of every column but the first {@code skipped}, which the adapter added and reads
   * itself (a combined statement's copy number).
   */
  static RowReader of(ResultSetMetaData md, Product product, int skipped) throws SQLException {
    int count = md.getColumnCount() - skipped;
    List<String> columns = new ArrayList<>(count);
    ColumnReader[] readers = new ColumnReader[count];
    for (int i = 1; i <= count; i++) {
      columns.add(md.getColumnLabel(i + skipped));
      readers[i - 1] = ColumnReader.of(md, i + skipped, product);
    }
    return new RowReader(List.copyOf(columns), readers, -1, skipped);
  }

  /**
   * This reader, with the column labelled {@code label} always read as an {@link Instant}: a keyset
   * page's cursor, which on SQLite may be declared as anything and hold text or epoch numbers.
   */
  RowReader withTimestamp(String label) {
    return new RowReader(columns, readers, columns.indexOf(label), skipped);
  }

  /** The index of the column labelled {@code label}, or -1. */
  int indexOf(String label) {
    return columns.indexOf(label);
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
        values[i] = Values.normalise(readers[i].read(rs, i + 1 + skipped));
        if (i == timestampColumn && !(values[i] instanceof Instant || values[i] == NULL)) {
          values[i] = Values.parseTimestamp(values[i].toString());
        }
      } catch (IllegalArgumentException e) {
        throw new UnreadableValue("column '" + columns.get(i) + "': " + e.getMessage(), e);
      }
    }
    return new SourceRow(columns, Arrays.asList(values));
  }
}
