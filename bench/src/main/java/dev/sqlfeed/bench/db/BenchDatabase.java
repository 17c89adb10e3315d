package dev.sqlfeed.bench.db;

import dev.sqlfeed.testkit.ScratchDatabase;
import dev.sqlfeed.testkit.ScratchFiles;
import dev.sqlfeed.testkit.ScratchServer;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A database that a benchmark creates for itself and drops when closed (or when the JVM exits): a
 * new database on the local PostgreSQL or MariaDB server, or an SQLite file in a new temporary
 * directory, made by the testkit as the tests make theirs. Nothing the benchmark did not create is
 * ever dropped.
 *
 * <p>Servers are found as the tests find them ({@link ScratchServer#local}: {@code
 * SQLFEED_TEST_PG_*}, {@code SQLFEED_TEST_MARIADB_*}). A server that does not answer fails the
 * benchmark: a benchmark never skips, and never starts a container.
 */
public final class BenchDatabase implements AutoCloseable {
  /** Where the database lives. */
  public enum Kind {
    POSTGRES,
    MARIADB,
    SQLITE
  }

  private final Kind kind;
  private final ScratchDatabase db;

  private BenchDatabase(Kind kind, ScratchDatabase db) {
    this.kind = kind;
    this.db = db;
  }

  /** Creates a new empty database. */
  public static BenchDatabase create(Kind kind) {
    String name = ScratchServer.newName("sqlfeed_bench_");
    return new BenchDatabase(
        kind,
        switch (kind) {
          case SQLITE -> ScratchFiles.sqlite(name);
          case POSTGRES -> ScratchServer.local(ScratchServer.Engine.POSTGRES).create(name);
          case MARIADB -> ScratchServer.local(ScratchServer.Engine.MARIADB).create(name);
        });
  }

  public Kind kind() {
    return kind;
  }

  /** The JDBC URL, without credentials. */
  public String url() {
    return db.jdbcUrl();
  }

  /** The user, or null (SQLite). */
  public String user() {
    return db.user();
  }

  /** The password, or null (SQLite); empty for none. */
  public String password() {
    return db.password();
  }

  /** The database's name (the file's, on SQLite). */
  public String name() {
    return db.name();
  }

  /** A new plain JDBC connection, auto-commit on. */
  public Connection connect() throws SQLException {
    return db.connect();
  }

  /** Runs statements one after another, each committed. */
  public void execute(String... statements) {
    db.execute(statements);
  }

  @Override
  public void close() {
    db.drop().run();
  }
}
