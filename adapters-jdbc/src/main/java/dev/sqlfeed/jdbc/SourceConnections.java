package dev.sqlfeed.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * How a source's readers take a connection from its pool and give it back: a failure to connect is
 * a {@link dev.sqlfeed.domain.error.SourceException} naming what was to be read, and a returned
 * connection's transaction is ended without keeping anything.
 */
final class SourceConnections {
  private final HikariDataSource pool;
  private final SourceErrors errors;

  SourceConnections(HikariDataSource pool, SourceErrors errors) {
    this.pool = pool;
    this.errors = errors;
  }

  /** A connection of the pool, for reading {@code origin}. */
  Connection open(String origin) {
    try {
      return pool.getConnection();
    } catch (SQLException | RuntimeException e) {
      throw errors.connecting(origin, e);
    }
  }

  /** Ends the read's transaction without keeping anything, and returns the connection. */
  static void release(Connection connection) {
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
}
