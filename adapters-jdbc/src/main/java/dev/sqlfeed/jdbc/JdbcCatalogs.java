package dev.sqlfeed.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sqlfeed.domain.connect.ConnectionSpec;
import dev.sqlfeed.ports.catalog.SourceCatalog;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Opens catalogs of source databases: the entry point of the adapter behind {@code validate
 * --connect}. A catalog connects exactly as a source reader does (see {@link JdbcSources}:
 * read-only, not auto-committing, UTC sessions, the same timeouts), with one connection, opened at
 * once so that an unreachable database or a wrong password fails here.
 */
public final class JdbcCatalogs {
  private JdbcCatalogs() {}

  /**
   * Opens a catalog of a source database.
   *
   * @throws dev.sqlfeed.domain.error.SourceException {@code UNAVAILABLE} when the database cannot
   *     be reached or refuses the login
   */
  public static SourceCatalog open(ConnectionSpec spec, SourceOptions options) {
    SourceErrors errors = new SourceErrors(spec);
    try {
      DriverManager.getDriver(spec.jdbcUrl());
    } catch (SQLException e) {
      throw errors.noDriver();
    }
    HikariConfig config = JdbcSources.poolConfig(spec, options.withFailFast(true));
    config.setMaximumPoolSize(1);
    config.setPoolName(config.getPoolName().replaceFirst("^sqlfeed-source-", "sqlfeed-catalog-"));
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw errors.connecting("connect", e);
    }
    return new JdbcSourceCatalog(pool, spec.product(), errors);
  }
}
