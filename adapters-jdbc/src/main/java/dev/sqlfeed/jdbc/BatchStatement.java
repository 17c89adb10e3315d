package dev.sqlfeed.jdbc;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * A statement that jOOQ renders once, with one placeholder per slot, run for many rows as one
 * prepared statement through JDBC's batch: no statement is rendered or parsed per row, and the rows
 * travel together. The values are bound with JDBC directly; binding them through jOOQ's batch
 * creates several objects per value, which profiled as a third of staging's cost.
 *
 * <p>Values are strings, longs or null, in the order of the slots.
 */
final class BatchStatement {
  /** Rows per {@code executeBatch}, so that no driver buffers a whole large put at once. */
  private static final int ROWS_PER_EXECUTE = 1_000;

  /**
   * The statements of {@link #cached}, by dialect and name. A store's settings are the same for
   * every store ({@link JooqSyncStore}), so what a statement renders to depends on the dialect
   * alone.
   */
  private static final Map<List<Object>, BatchStatement> RENDERED = new ConcurrentHashMap<>();

  private final String sql;
  private final int[] types;

  private BatchStatement(String sql, int[] types) {
    this.sql = sql;
    this.types = types;
  }

  /** A placeholder for one column in a statement that {@link #of} prepares. */
  static <T> Param<T> slot(Field<T> column) {
    return DSL.param(column.getName(), column.getDataType());
  }

  /** Placeholders for {@code columns}, in order. */
  static List<Param<?>> slots(List<? extends Field<?>> columns) {
    return columns.stream().<Param<?>>map(BatchStatement::slot).toList();
  }

  /**
   * Renders {@code query}, whose only bind values are the {@link #slot}s of {@code columns}.
   *
   * @throws IllegalStateException if the rendered statement binds anything else, or in another
   *     order (a dialect that repeats a value, say): a mistake of this adapter, which tests catch
   */
  static BatchStatement of(DSLContext db, Query query, List<? extends Field<?>> columns) {
    List<String> expected = columns.stream().map(Field::getName).toList();
    List<String> actual = new ArrayList<>(query.getParams().keySet());
    if (!actual.equals(expected) || query.getBindValues().size() != expected.size()) {
      throw new IllegalStateException(
          "a batch statement binds " + actual + " where " + expected + " were expected");
    }
    int[] types = new int[columns.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = columns.get(i).getType() == Long.class ? Types.BIGINT : Types.VARCHAR;
    }
    return new BatchStatement(db.render(query), types);
  }

  /**
   * As {@link #of}, rendered once per dialect: for a statement that is the same at every call,
   * named by {@code name}. Rendering with jOOQ costs far more than running the statement for a few
   * rows: profiled, it was a fifth of the CPU of a worker whose 200 sources were idle (each cycle
   * writes its checkpoint) and a tenth of a page write.
   *
   * @param name what the statement does, unique among the statements of the adapter (for example
   *     {@code "upsert mirror_resources"})
   * @param query builds the statement, only when it is not rendered yet
   */
  static BatchStatement cached(
      DSLContext db, String name, Supplier<Query> query, List<? extends Field<?>> columns) {
    List<Object> key = List.of(db.dialect(), name);
    BatchStatement statement = RENDERED.get(key);
    if (statement == null) {
      statement = of(db, query.get(), columns);
      RENDERED.putIfAbsent(key, statement);
    }
    return statement;
  }

  /** Runs the statement once for each row, in the transaction of {@code db}. */
  void execute(DSLContext db, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    db.connection(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (Object[] row : rows) {
              bind(statement, row);
              statement.addBatch();
              if (++pending == ROWS_PER_EXECUTE) {
                statement.executeBatch();
                pending = 0;
              }
            }
            if (pending > 0) {
              statement.executeBatch();
            }
          }
        });
  }

  private void bind(PreparedStatement statement, Object[] row) throws java.sql.SQLException {
    if (row.length != types.length) {
      throw new IllegalArgumentException(
          "a row of " + row.length + " values for " + types.length + " placeholders");
    }
    for (int i = 0; i < row.length; i++) {
      Object value = row[i];
      if (value == null) {
        statement.setNull(i + 1, types[i]);
      } else if (value instanceof Long number) {
        statement.setLong(i + 1, number);
      } else {
        statement.setString(i + 1, (String) value);
      }
    }
  }

  /** Bind values of one row. */
  static Object[] row(Object... values) {
    return values;
  }

  /** {@code first} followed by {@code rest}, as one row. */
  static Object[] row(Object first, List<?> rest) {
    Object[] row = new Object[rest.size() + 1];
    row[0] = first;
    for (int i = 0; i < rest.size(); i++) {
      row[i + 1] = rest.get(i);
    }
    return row;
  }
}
