package dev.sqlfeed.jdbc;

import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import dev.sqlfeed.domain.error.MappingException;
import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.domain.value.SourceRow;
import dev.sqlfeed.jdbc.JooqSourceReader.SinkFailure;
import dev.sqlfeed.ports.QueryCall;
import dev.sqlfeed.ports.SourceQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ObjIntConsumer;
import java.util.stream.Collectors;

/**
 * Answers many calls of one query with few statements ({@link BatchSql}), on one connection and so
 * in one read-only transaction. The first time a reader combines a query, it runs the first call on
 * its own and the next ones combined, and keeps combining only if the combined statement reports
 * the same columns (labels and types) as the query alone: that is what proves, for this query on
 * this database, that a copy reads as the query does. A query the database refuses to combine (a
 * {@code WITH} in a derived table, duplicate column names) or that reports other columns is run
 * once per call from then on, still in one transaction.
 */
final class BatchedReads {
  /** Columns as the database describes them: what a combined copy must match. */
  private record Column(String label, int type, String typeName) {}

  private final Product product;
  private final int fetchSize;
  private final SourceErrors errors;
  private final TimestampForm timestamps;

  /** Per query text: whether combining it was proven (true) or refused (false). */
  private final Map<String, Boolean> combinable = new ConcurrentHashMap<>();

  BatchedReads(Product product, int fetchSize, SourceErrors errors, TimestampForm timestamps) {
    this.product = product;
    this.fetchSize = fetchSize;
    this.errors = errors;
    this.timestamps = timestamps;
  }

  void readEach(
      Connection connection,
      SourceQuery query,
      List<QueryCall> calls,
      ObjIntConsumer<SourceRow> sink) {
    String sql = query.template().jdbcSql();
    Optional<String> body = BatchSql.body(sql);
    int perStatement =
        body.isEmpty()
            ? 0
            : BatchSql.copiesPerStatement(product, query.template().parameters().size());
    List<List<Object>> values = new ArrayList<>(calls.size());
    for (QueryCall call : calls) {
      SourceQuery one = single(query, call);
      values.add(PageShapes.convert(JooqSourceReader.bindValues(one, call.bindings()), timestamps));
    }
    List<Column> reference = null;
    int next = 0;
    while (next < calls.size()) {
      int copies = Math.min(perStatement, calls.size() - next);
      Boolean proven = combinable.get(sql);
      if (copies < 2 || Boolean.FALSE.equals(proven)) {
        runSingle(connection, query, calls, values, next, sink);
        next++;
      } else if (proven == null && reference == null) {
        reference = runSingle(connection, query, calls, values, next, sink);
        next++;
      } else if (runCombined(
          connection,
          query,
          calls,
          values,
          next,
          copies,
          body.get(),
          proven == null ? reference : null,
          sink)) {
        combinable.put(sql, true);
        next += copies;
      } else {
        // Each call on its own now; if one of them fails, its error names it and the query.
        for (int i = next; i < next + copies; i++) {
          runSingle(connection, query, calls, values, i, sink);
        }
        combinable.put(sql, false);
        next += copies;
      }
    }
  }

  /** Runs one call as its own statement; returns the columns the database reported. */
  private List<Column> runSingle(
      Connection connection,
      SourceQuery query,
      List<QueryCall> calls,
      List<List<Object>> values,
      int index,
      ObjIntConsumer<SourceRow> sink) {
    String origin = single(query, calls.get(index)).origin();
    try (PreparedStatement ps = prepare(connection, query.template().jdbcSql(), values.get(index));
        ResultSet rs = ps.executeQuery()) {
      ResultSetMetaData md = rs.getMetaData();
      RowReader reader = RowReader.of(md, product);
      long rows = 0;
      while (rs.next()) {
        rows++;
        deliver(sink, read(reader, rs, origin, rows), index);
      }
      return columns(md, 1);
    } catch (SQLException | RuntimeException e) {
      throw failure(origin, e);
    }
  }

  /**
   * Runs {@code copies} calls from {@code first} as one statement. Returns false, having handed
   * nothing to the sink, when the database refuses the statement or (if {@code reference} is given)
   * reports other columns than the query alone.
   */
  private boolean runCombined(
      Connection connection,
      SourceQuery query,
      List<QueryCall> calls,
      List<List<Object>> values,
      int first,
      int copies,
      String body,
      List<Column> reference,
      ObjIntConsumer<SourceRow> sink) {
    String origin =
        query.origin()
            + " (for "
            + calls.subList(first, first + copies).stream()
                .map(QueryCall::label)
                .collect(Collectors.joining(", "))
            + ")";
    List<Object> all = new ArrayList<>();
    values.subList(first, first + copies).forEach(all::addAll);
    long rows = 0;
    try (PreparedStatement ps = prepare(connection, BatchSql.combined(body, copies), all);
        ResultSet rs = ps.executeQuery()) {
      ResultSetMetaData md = rs.getMetaData();
      if (reference != null && !columns(md, 2).equals(reference)) {
        return false;
      }
      RowReader reader = RowReader.of(md, product, 1);
      while (rs.next()) {
        int copy = rs.getInt(1);
        rows++;
        deliver(sink, read(reader, rs, origin, rows), first + copy);
      }
      return true;
    } catch (SQLException | RuntimeException e) {
      RuntimeException failure = failure(origin, e);
      if (rows > 0
          || !(failure instanceof SourceException source)
          || source.transientFailure()
          || source.kind() != SourceException.Kind.QUERY_FAILED) {
        throw failure;
      }
      if (product == Product.POSTGRES) {
        // PostgreSQL refuses every statement after a failed one until the transaction ends; the
        // others carry on in the same transaction.
        rollback(connection);
      }
      return false;
    }
  }

  private PreparedStatement prepare(Connection connection, String sql, List<Object> values)
      throws SQLException {
    PreparedStatement ps =
        connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    try {
      ps.setFetchSize(fetchSize);
      JdbcValues.bind(ps, values, product);
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  private static SourceRow read(RowReader reader, ResultSet rs, String origin, long row)
      throws SQLException {
    try {
      return reader.read(rs);
    } catch (RowReader.UnreadableValue e) {
      throw new MappingException(origin + ", row " + row + ": " + e.getMessage(), e);
    }
  }

  private static void deliver(ObjIntConsumer<SourceRow> sink, SourceRow row, int call) {
    try {
      sink.accept(row, call);
    } catch (RuntimeException e) {
      throw new SinkFailure(e);
    }
  }

  private RuntimeException failure(String origin, Exception e) {
    if (e instanceof SinkFailure || e instanceof SourceException || e instanceof MappingException) {
      return (RuntimeException) e;
    }
    return errors.querying(origin, e);
  }

  private static List<Column> columns(ResultSetMetaData md, int from) throws SQLException {
    List<Column> columns = new ArrayList<>();
    for (int i = from; i <= md.getColumnCount(); i++) {
      columns.add(new Column(md.getColumnLabel(i), md.getColumnType(i), md.getColumnTypeName(i)));
    }
    return columns;
  }

  private static SourceQuery single(SourceQuery query, QueryCall call) {
    return new SourceQuery(query.origin() + " (for " + call.label() + ")", query.template());
  }

  private static void rollback(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // A connection that cannot roll back fails the next statement, which says why.
    }
  }
}
