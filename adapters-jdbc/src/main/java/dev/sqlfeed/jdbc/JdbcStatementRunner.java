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
    return session(
        transactional,
        session -> {
          for (PlannedStatement check : checks) {
            if (session.query(check, 1).isEmpty()) {
              throw new SourceException(
                  SourceException.Kind.QUERY_FAILED,
                  false,
                  check.path() + ": returned no row",
                  null);
            }
          }
          List<Long> changed = new ArrayList<>();
          for (PlannedStatement statement : statements) {
            changed.add(session.execute(statement, maxRowsPerStatement));
          }
          return new Ending<>(List.copyOf(changed), true);
        });
  }

  @Override
  public <T> T session(boolean transactional, SessionWork<T> work) {
    Connection connection;
    try {
      connection = pool.getConnection();
    } catch (SQLException | RuntimeException e) {
      throw errors.connecting("connect", e);
    }
    try (connection) {
      // Hikari puts autocommit back to the pool's setting when the connection returns.
      connection.setAutoCommit(!transactional);
      JdbcSession session = new JdbcSession(connection);
      Ending<T> ending;
      try {
        ending = work.run(session);
      } catch (SourceException e) {
        throw new SourceException(
            e.kind(),
            e.transientFailure(),
            e.getMessage() + "; " + aftermath(connection, transactional, session.ran),
            e.getCause());
      } catch (RuntimeException e) {
        if (transactional) {
          rollBack(connection);
        }
        throw e;
      }
      if (transactional) {
        if (ending.commit()) {
          connection.commit();
        } else {
          connection.rollback();
        }
      }
      return ending.value();
    } catch (SQLException e) {
      throw errors.querying("commit", e);
    }
  }

  /** The queries and statements of one session, on its connection. */
  private final class JdbcSession implements Session {
    private final Connection connection;

    /** The paths of the statements run so far, in order. */
    private final List<String> ran = new ArrayList<>();

    JdbcSession(Connection connection) {
      this.connection = connection;
    }

    @Override
    public List<SourceRow> query(PlannedStatement query, int limit) {
      try (PreparedStatement ps = connection.prepareStatement(query.sql(product))) {
        bind(ps, query);
        List<SourceRow> rows = new ArrayList<>();
        try (ResultSet result = ps.executeQuery()) {
          RowReader reader = RowReader.of(result.getMetaData(), product);
          while (rows.size() < limit && result.next()) {
            rows.add(reader.read(result));
          }
        }
        return rows;
      } catch (SQLException | RuntimeException e) {
        throw e instanceof SourceException s ? s : errors.querying(query.path(), e);
      }
    }

    @Override
    public long execute(PlannedStatement statement, long maxRows) {
      long count;
      try (PreparedStatement ps = connection.prepareStatement(statement.sql(product))) {
        bind(ps, statement);
        ps.execute();
        count = Math.max(0, ps.getLargeUpdateCount());
      } catch (SQLException | RuntimeException e) {
        throw e instanceof SourceException s ? s : errors.querying(statement.path(), e);
      }
      if (count > maxRows) {
        throw new SourceException(
            SourceException.Kind.QUERY_FAILED,
            false,
            statement.path()
                + ": changed "
                + count
                + " rows, more than the "
                + maxRows
                + " allowed",
            null);
      }
      ran.add(statement.path());
      return count;
    }
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
        PreparedStatement ps = connection.prepareStatement(query.sql(product))) {
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

  private void bind(PreparedStatement ps, PlannedStatement statement) throws SQLException {
    List<Object> values = new ArrayList<>();
    for (Object value : statement.parameters()) {
      values.add(JdbcValues.of(value, timestamps));
    }
    JdbcValues.bind(ps, values, product);
  }

  private void rollBack(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // The connection is closed next, which ends the transaction too.
    }
  }

  /**
   * What became of the statements before a failed one, after rolling back if there is a
   * transaction.
   */
  private String aftermath(Connection connection, boolean transactional, List<String> ran) {
    if (transactional) {
      try {
        connection.rollback();
        return "rolled back: nothing was changed";
      } catch (SQLException e) {
        return "the rollback failed too (" + errors.querying("rollback", e).getMessage() + ")";
      }
    }
    if (ran.isEmpty()) {
      return "no_transaction: nothing before it had run";
    }
    return "no_transaction: the statements before it stay applied: " + String.join(", ", ran);
  }

  @Override
  public void close() {
    pool.close();
  }
}
