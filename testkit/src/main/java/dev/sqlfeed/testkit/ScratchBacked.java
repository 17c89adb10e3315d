package dev.sqlfeed.testkit;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a test's or a benchmark's database handle offers, read from its {@link ScratchDatabase}:
 * where it is, how to connect, fixture statements, and {@link #close()}, which drops it.
 */
public interface ScratchBacked extends AutoCloseable {
  /** The database behind this handle. */
  ScratchDatabase scratch();

  /** A plain JDBC URL, credentials apart. */
  default String jdbcUrl() {
    return scratch().jdbcUrl();
  }

  /** The user, or null for a file database. */
  default String user() {
    return scratch().user();
  }

  /** The password, or null for a file database; empty for none. */
  default String password() {
    return scratch().password();
  }

  /** The database's name (the file's, for a file database). */
  default String name() {
    return scratch().name();
  }

  /** A new plain JDBC connection, auto-commit on. */
  default Connection connect() throws SQLException {
    return scratch().connect();
  }

  /** Runs statements one after another, each committed. */
  default void execute(String... statements) {
    scratch().execute(statements);
  }

  /** Drops the database. */
  @Override
  default void close() {
    scratch().drop().run();
  }
}
