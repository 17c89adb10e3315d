package dev.sqlfeed.jdbc.testing;

import dev.sqlfeed.testkit.ScratchDatabase;
import java.sql.Connection;
import java.sql.SQLException;

/** A database created for one test ({@link TestDatabases}); {@link #close()} drops it. */
public record TestDatabase(Kind kind, ScratchDatabase scratch) implements AutoCloseable {

  /** The database products the tests run against. */
  public enum Kind {
    POSTGRES,
    MARIADB,
    SQLITE,
    H2
  }

  /** A plain JDBC URL (credentials apart). */
  public String jdbcUrl() {
    return scratch.jdbcUrl();
  }

  /** The user, or null for a file database. */
  public String user() {
    return scratch.user();
  }

  /** The password, or null for a file database. */
  public String password() {
    return scratch.password();
  }

  /** The database's name (the file's, for a file database). */
  public String name() {
    return scratch.name();
  }

  /** A new connection (autocommit on) to this database. */
  public Connection connect() throws SQLException {
    return scratch.connect();
  }

  /** Runs statements, for fixtures. */
  public void execute(String... statements) {
    scratch.execute(statements);
  }

  @Override
  public void close() {
    scratch.drop().run();
  }

  @Override
  public String toString() {
    return kind + " " + jdbcUrl();
  }
}
