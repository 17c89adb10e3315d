package dev.sqlfeed.bench.db;

import dev.sqlfeed.testkit.ScratchBacked;
import dev.sqlfeed.testkit.ScratchDatabase;
import dev.sqlfeed.testkit.ScratchFiles;
import dev.sqlfeed.testkit.ScratchServer;

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
public record BenchDatabase(Kind kind, ScratchDatabase scratch) implements ScratchBacked {
  /** Where the database lives. */
  public enum Kind {
    POSTGRES,
    MARIADB,
    SQLITE
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

  @Override
  public String toString() {
    return kind + " " + scratch;
  }
}
