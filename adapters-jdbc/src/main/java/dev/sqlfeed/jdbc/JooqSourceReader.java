package dev.sqlfeed.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import dev.sqlfeed.domain.error.MappingException;
import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.domain.error.SourceException.Kind;
import dev.sqlfeed.domain.value.SourceRow;
import dev.sqlfeed.ports.SourceQuery;
import dev.sqlfeed.ports.SourceReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Reads a source through jOOQ's plain SQL API: the config's query as written, every placeholder a
 * bind value. Streams with {@code fetchLazy} and a fetch size, one transaction per read that is
 * always rolled back (the pool's connections are read-only and not auto-committing: pgjdbc needs
 * that to stream, and nothing a query might do is ever kept). Values are read by {@link RowReader}.
 */
final class JooqSourceReader implements SourceReader {
  private static final int PING_TIMEOUT_SECONDS = 5;

  private final HikariDataSource pool;
  private final SQLDialect dialect;
  private final Product product;
  private final int fetchSize;
  private final SourceErrors errors;
  private final Settings settings =
      new Settings().withExecuteLogging(false).withFetchWarnings(false).withRenderFormatted(false);

  JooqSourceReader(
      HikariDataSource pool,
      SQLDialect dialect,
      Product product,
      int fetchSize,
      SourceErrors errors) {
    this.pool = pool;
    this.dialect = dialect;
    this.product = product;
    this.fetchSize = fetchSize;
    this.errors = errors;
  }

  @Override
  public long read(SourceQuery query, Map<String, Object> bindings, Consumer<SourceRow> sink) {
    Object[] values = bindValues(query, bindings);
    Connection connection = connect(query.origin());
    try {
      DSLContext ctx = DSL.using(connection, dialect, settings);
      long rows = 0;
      try (Cursor<Record> cursor =
          ctx.resultQuery(query.template().jdbcSql(), values).fetchSize(fetchSize).fetchLazy()) {
        ResultSet rs = cursor.resultSet();
        RowReader reader = RowReader.of(rs.getMetaData(), product);
        while (rs.next()) {
          SourceRow row;
          try {
            row = reader.read(rs);
          } catch (RowReader.UnreadableValue e) {
            throw new MappingException(
                query.origin() + ", row " + (rows + 1) + ": " + e.getMessage(), e);
          }
          rows++;
          try {
            sink.accept(row);
          } catch (RuntimeException e) {
            throw new SinkFailure(e);
          }
        }
      }
      return rows;
    } catch (SinkFailure e) {
      throw e.getCause();
    } catch (SQLException | DataAccessException e) {
      throw errors.querying(query.origin(), e);
    } finally {
      release(connection);
    }
  }

  @Override
  public void ping() {
    Connection connection = connect("ping");
    try {
      if (!connection.isValid(PING_TIMEOUT_SECONDS)) {
        throw new SourceException(
            Kind.UNAVAILABLE,
            true,
            "ping: " + errors.target() + " did not answer within " + PING_TIMEOUT_SECONDS + " s",
            null);
      }
    } catch (SQLException e) {
      throw errors.querying("ping", e);
    } finally {
      release(connection);
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  /** The values for the template's markers, in order; placeholder names match in any case. */
  private static Object[] bindValues(SourceQuery query, Map<String, Object> bindings) {
    List<String> names = query.template().parameters();
    if (names.isEmpty()) {
      return new Object[0];
    }
    Map<String, Object> byName = new HashMap<>();
    boolean[] present = new boolean[names.size()];
    bindings.forEach((k, v) -> byName.put(k.toLowerCase(Locale.ROOT), v));
    Object[] values = new Object[names.size()];
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).toLowerCase(Locale.ROOT);
      present[i] = byName.containsKey(name);
      if (!present[i]) {
        throw new SourceException(
            Kind.QUERY_FAILED,
            false,
            query.origin() + ": no value for the placeholder ?<" + names.get(i) + ">",
            null);
      }
      values[i] = byName.get(name);
    }
    return values;
  }

  private Connection connect(String origin) {
    try {
      return pool.getConnection();
    } catch (SQLException | RuntimeException e) {
      throw errors.connecting(origin, e);
    }
  }

  /** Ends the read's transaction without keeping anything, and returns the connection. */
  private static void release(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // A broken connection cannot roll back; closing it tells the pool to evict it.
    }
    try {
      connection.close();
    } catch (SQLException e) {
      // The pool logs and evicts what it cannot take back.
    }
  }

  /** Carries a sink's own exception past the SQL error handling, unchanged. */
  private static final class SinkFailure extends RuntimeException {
    SinkFailure(RuntimeException cause) {
      super(cause);
    }

    @Override
    public synchronized RuntimeException getCause() {
      return (RuntimeException) super.getCause();
    }
  }
}
