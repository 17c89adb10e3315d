package dev.sqlfeed.jdbc.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database created for one test; {@link #close()} drops it.
 *
 * @param jdbcUrl a plain JDBC URL (credentials apart)
 */
public record TestDatabase(
    Kind kind, String jdbcUrl, String user, String password, String name, Runnable dropper)
    implements AutoCloseable {

  /** The database products the tests run against. */
  public enum Kind {
    POSTGRES,
    MARIADB,
    SQLITE,
    H2
  }

  /** A new connection (autocommit on) to this database. */
  public Connection connect() throws SQLException {
    return user == null
        ? DriverManager.getConnection(jdbcUrl)
        : DriverManager.getConnection(jdbcUrl, user, password == null ? "" : password);
  }

  /** Runs statements, for fixtures. */
  public void execute(String... statements) {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("fixture failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    dropper.run();
  }

  @Override
  public String toString() {
    return kind + " " + jdbcUrl;
  }
}
