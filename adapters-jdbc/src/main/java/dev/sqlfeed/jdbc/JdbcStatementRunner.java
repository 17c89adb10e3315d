package dev.sqlfeed.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.domain.provisioning.PlannedStatement;
import dev.sqlfeed.domain.value.SourceRow;
import dev.sqlfeed.ports.StatementRunner;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs provisioning statements with plain JDBC on a writable pool. */
final class JdbcStatementRunner implements StatementRunner {
  private final HikariDataSource pool;
  private final Product product;
  private final SourceErrors errors;
  private final TimestampForm timestamps;

  JdbcStatementRunner(HikariDataSource pool, Product product, SourceErrors errors) {
    this.pool = pool;
    this.product = product;
    this.errors = errors;
    this.timestamps = TimestampForm.typed(product);
  }

  @Override
  public List<Long> run(
      List<PlannedStatement> checks,
      List<PlannedStatement> statements,
      boolean transactional,
      long maxRowsPerStatement) {
    Connection connection;
    try {
      connection = pool.getConnection();
    } catch (SQLException | RuntimeException e) {
      throw errors.connecting("connect", e);
    }
    try (connection) {
      // Hikari puts autocommit back to the pool's setting when the connection returns.
      connection.setAutoCommit(!transactional);
      List<Long> changed = new ArrayList<>();
      for (PlannedStatement check : checks) {
        try {
          check(connection, check);
        } catch (SQLException | RuntimeException e) {
          throw failed(connection, transactional, check, e, statements, changed);
        }
      }
      for (PlannedStatement statement : statements) {
        try {
          changed.add(execute(connection, statement, maxRowsPerStatement));
        } catch (SQLException | RuntimeException e) {
          throw failed(connection, transactional, statement, e, statements, changed);
        }
      }
      if (transactional) {
        connection.commit();
      }
      return List.copyOf(changed);
    } catch (SQLException e) {
      throw errors.querying("commit", e);
    }
  }

  /** The failure of {@code statement}, with what became of the statements before it. */
  private SourceException failed(
      Connection connection,
      boolean transactional,
      PlannedStatement statement,
      Exception e,
      List<PlannedStatement> statements,
      List<Long> changed) {
    SourceException failure =
        e instanceof SourceException s ? s : errors.querying(statement.path(), e);
    return new SourceException(
        failure.kind(),
        failure.transientFailure(),
        failure.getMessage() + "; " + aftermath(connection, transactional, statements, changed),
        failure.getCause());
  }

  @Override
  public Optional<SourceRow> first(PlannedStatement query) {
    Connection connection;
    try {
      connection = pool.getConnection();
    } catch (SQLException | RuntimeException e) {
      throw errors.connecting("connect", e);
    }
    try (connection;
        PreparedStatement ps = connection.prepareStatement(query.jdbcSql())) {
      connection.setAutoCommit(true);
      bind(ps, query);
      try (ResultSet rows = ps.executeQuery()) {
        return rows.next()
            ? Optional.of(RowReader.of(rows.getMetaData(), product).read(rows))
            : Optional.empty();
      }
    } catch (SQLException | RuntimeException e) {
      throw e instanceof SourceException s ? s : errors.querying(query.path(), e);
    }
  }

  private void check(Connection connection, PlannedStatement check) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(check.jdbcSql())) {
      bind(ps, check);
      try (ResultSet rows = ps.executeQuery()) {
        if (!rows.next()) {
          throw new SourceException(
              SourceException.Kind.QUERY_FAILED, false, check.path() + ": returned no row", null);
        }
      }
    }
  }

  private void bind(PreparedStatement ps, PlannedStatement statement) throws SQLException {
    List<Object> values = new ArrayList<>();
    for (Object value : statement.parameters()) {
      values.add(JdbcValues.of(value, timestamps));
    }
    JdbcValues.bind(ps, values, product);
  }

  private long execute(Connection connection, PlannedStatement statement, long max)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(statement.jdbcSql())) {
      bind(ps, statement);
      ps.execute();
      long count = Math.max(0, ps.getLargeUpdateCount());
      if (count > max) {
        throw new SourceException(
            SourceException.Kind.QUERY_FAILED,
            false,
            statement.path() + ": changed " + count + " rows, more than the " + max + " allowed",
            null);
      }
      return count;
    }
  }

  /**
   * What became of the statements before a failed one, after rolling back if there is a
   * transaction.
   */
  private String aftermath(
      Connection connection,
      boolean transactional,
      List<PlannedStatement> statements,
      List<Long> changed) {
    if (transactional) {
      try {
        connection.rollback();
        return "rolled back: nothing was changed";
      } catch (SQLException e) {
        return "the rollback failed too (" + errors.querying("rollback", e).getMessage() + ")";
      }
    }
    if (changed.isEmpty()) {
      return "no_transaction: nothing before it had run";
    }
    List<String> applied = new ArrayList<>();
    for (int i = 0; i < changed.size(); i++) {
      applied.add(statements.get(i).path());
    }
    return "no_transaction: the statements before it stay applied: " + String.join(", ", applied);
  }

  @Override
  public void close() {
    pool.close();
  }
}
