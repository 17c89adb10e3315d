package dev.sqlfeed.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.ports.SourceQuery;
import dev.sqlfeed.ports.catalog.IndexCheck;
import dev.sqlfeed.ports.catalog.ResultColumn;
import dev.sqlfeed.ports.catalog.SourceCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Describes queries by preparing them: PostgreSQL, MariaDB, SQLite and H2 all describe a prepared
 * statement's result without running it, and report for each column the table column it comes from
 * ({@link ColumnOrigins}). A driver that cannot (its {@code getMetaData()} answers null) gets the
 * query wrapped as {@code SELECT * FROM (query) q WHERE 1 = 0} and run, which returns no row. Each
 * call ends its transaction with a rollback, as the source reader does.
 */
final class JdbcSourceCatalog implements SourceCatalog {
  private final HikariDataSource pool;
  private final Product product;
  private final SourceErrors errors;
  private final SourceConnections connections;
  private final TimestampForm timestamps;

  JdbcSourceCatalog(HikariDataSource pool, Product product, SourceErrors errors) {
    this.pool = pool;
    this.product = product;
    this.errors = errors;
    this.connections = new SourceConnections(pool, errors);
    this.timestamps =
        product == Product.SQLITE ? SqliteTimestamps.DEFAULT : TimestampForm.typed(product);
  }

  @Override
  public List<ResultColumn> columns(SourceQuery query, Map<String, Object> bindings) {
    String origin = query.origin();
    List<Object> values =
        PageShapes.convert(JooqSourceReader.bindValues(query, bindings), timestamps);
    Connection connection = connections.open(origin);
    try (PreparedStatement ps = connection.prepareStatement(query.template().jdbcSql())) {
      JdbcValues.bind(ps, values, product);
      ResultSetMetaData md = ps.getMetaData();
      if (md == null) {
        return described(connection, query.template().jdbcSql(), values);
      }
      return ColumnOrigins.of(md, product);
    } catch (SQLException | RuntimeException e) {
      throw e instanceof SourceException s ? s : errors.querying(origin, e);
    } finally {
      SourceConnections.release(connection);
    }
  }

  /** PostgreSQL: whether the type it infers for the marker has a lowest value sqlfeed binds. */
  @Override
  public boolean firstCursorBelowEveryKey(
      SourceQuery query, Map<String, Object> bindings, int marker) {
    if (product != Product.POSTGRES) {
      return false;
    }
    String origin = query.origin();
    List<Object> values =
        PageShapes.convert(JooqSourceReader.bindValues(query, bindings), timestamps);
    Connection connection = connections.open(origin);
    try (PreparedStatement ps = connection.prepareStatement(query.template().jdbcSql())) {
      JdbcValues.bind(ps, values, product);
      String type = ps.getParameterMetaData().getParameterTypeName(marker + 1);
      return FirstCursorValues.lowest(type).isPresent();
    } catch (SQLException | RuntimeException e) {
      throw e instanceof SourceException s ? s : errors.querying(origin, e);
    } finally {
      SourceConnections.release(connection);
    }
  }

  private List<ResultColumn> described(Connection connection, String sql, List<Object> values)
      throws SQLException {
    KeysetSql describe = KeysetSql.describe(product, sql, values);
    try (PreparedStatement ps = connection.prepareStatement(describe.sql())) {
      JdbcValues.bind(ps, describe.values(), product);
      try (ResultSet rs = ps.executeQuery()) {
        return ColumnOrigins.of(rs.getMetaData(), product);
      }
    }
  }

  @Override
  public IndexCheck leadingIndex(ResultColumn column) {
    if (column.origin().isEmpty()) {
      return new IndexCheck.Unknown(
          LeadingIndexes.reads(product)
              ? "could not determine the table of " + column.label()
              : "sqlfeed reads the indexes of PostgreSQL, MariaDB/MySQL, SQLite and H2 only");
    }
    String origin = "index of " + column.origin().get();
    Connection connection = connections.open(origin);
    try {
      return LeadingIndexes.check(connection.getMetaData(), product, column);
    } catch (SQLException | RuntimeException e) {
      throw e instanceof SourceException s ? s : errors.querying(origin, e);
    } finally {
      SourceConnections.release(connection);
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
