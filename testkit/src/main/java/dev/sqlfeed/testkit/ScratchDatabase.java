package dev.sqlfeed.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database created for one test or benchmark; {@code drop} removes it (and is safe to run twice).
 *
 * @param jdbcUrl a plain JDBC URL, credentials apart
 * @param user the user, or null for a file database
 * @param password the password, or null for a file database; empty for none
 * @param name the database's name (the file's, for a file database)
 */
public record ScratchDatabase(
    String jdbcUrl, String user, String password, String name, Runnable drop) {

  /** A new plain JDBC connection, auto-commit on. */
  public Connection connect() throws SQLException {
    return user == null
        ? DriverManager.getConnection(jdbcUrl)
        : DriverManager.getConnection(jdbcUrl, user, password == null ? "" : password);
  }

  /**
   * Runs statements one after another, each committed.
   *
   * @throws IllegalStateException naming the database, when one fails
   */
  public void execute(String... statements) {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(name + ": " + e.getMessage(), e);
    }
  }

  /** Where it is and as whom; never the password. */
  @Override
  public String toString() {
    return jdbcUrl + (user == null ? "" : " as " + user);
  }
}
