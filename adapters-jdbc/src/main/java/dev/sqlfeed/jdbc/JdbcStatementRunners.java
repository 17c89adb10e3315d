package dev.sqlfeed.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sqlfeed.domain.connect.ConnectionSpec;
import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import dev.sqlfeed.ports.StatementRunner;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Opens writable connections to an application's database for {@link StatementRunner}: the only
 * place in sqlfeed that writes to a source, and only when a user runs {@code sqlfeed grant} or
 * {@code revoke}.
 *
 * <p>The pool is {@link JdbcSources}'s, with the same timeouts, UTC session and driver defaults,
 * and these differences: {@code readOnly} false; SQLite opened read-write ({@code open_mode} 2, and
 * still never created: a missing file is an error); one connection ({@code maximumPoolSize} 1), as
 * the statements of one grant run on one connection; pool name {@code sqlfeed-provision-<name>}.
 */
public final class JdbcStatementRunners {
  /** sqlite-jdbc's {@code SQLITE_OPEN_READWRITE}, without {@code SQLITE_OPEN_CREATE}. */
  private static final String SQLITE_READ_WRITE = "2";

  private JdbcStatementRunners() {}

  /**
   * Opens a writable pool on the database of {@code spec}; connects once at once when {@code
   * options.failFast()}.
   *
   * @throws dev.sqlfeed.domain.error.SourceException {@code UNAVAILABLE} when the database cannot
   *     be reached or refuses the login
   */
  public static StatementRunner open(ConnectionSpec spec, SourceOptions options) {
    SourceErrors errors = new SourceErrors(spec);
    try {
      DriverManager.getDriver(spec.jdbcUrl());
    } catch (SQLException e) {
      throw errors.noDriver();
    }
    SourceOptions one =
        new SourceOptions(
            options.name(), options.fetchSize(), 1, options.connectTimeout(), options.failFast());
    HikariConfig config = JdbcSources.poolConfig(spec, one);
    config.setPoolName("sqlfeed-provision-" + one.poolName().substring("sqlfeed-source-".length()));
    config.setReadOnly(false);
    if (spec.product() == Product.SQLITE) {
      config.getDataSourceProperties().put("open_mode", SQLITE_READ_WRITE);
    }
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw errors.connecting("connect", e);
    }
    return new JdbcStatementRunner(pool, spec.product(), errors);
  }
}
