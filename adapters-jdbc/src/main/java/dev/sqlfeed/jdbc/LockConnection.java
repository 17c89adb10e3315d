package dev.sqlfeed.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jooq.exception.DataAccessException;

/**
 * A connection of its own, outside the store's pools, that holds one run's server-side lock for the
 * run's life: the server frees the lock when the connection ends, also when the process dies
 * without a word. A pool would hand the connection, lock and all, to other work, or retire it.
 */
final class LockConnection {
  private LockConnection() {}

  /** Opens a connection of its own to the store's database. */
  static Connection open(String url, String user, String password) {
    try {
      return DriverManager.getConnection(url, user, password);
    } catch (SQLException e) {
      throw new DataAccessException("opening a connection for a run's lock: " + e.getMessage(), e);
    }
  }

  /** Runs a one-value query with one bind value on {@code connection}. */
  static long value(Connection connection, String sql, Object bind) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, bind);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new DataAccessException("taking a run's lock: " + e.getMessage(), e);
    }
  }

  /** Runs one statement without bind values on {@code connection}. */
  static void execute(Connection connection, String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new DataAccessException("preparing a run's lock: " + e.getMessage(), e);
    }
  }

  /** Closes {@code connection}, which frees its locks; a failure to close changes nothing. */
  static void close(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // The server frees the session's locks when the connection goes, whichever way it goes.
    }
  }
}
