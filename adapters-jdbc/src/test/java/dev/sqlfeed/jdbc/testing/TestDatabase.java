package dev.sqlfeed.jdbc.testing;

import dev.sqlfeed.testkit.ScratchBacked;
import dev.sqlfeed.testkit.ScratchDatabase;

/**
 * A database created for one test ({@link TestDatabases}): its URL, credentials and fixture
 * statements come from {@link ScratchBacked}; {@link #close()} drops it.
 */
public record TestDatabase(Kind kind, ScratchDatabase scratch) implements ScratchBacked {

  /** The database products the tests run against. */
  public enum Kind {
    POSTGRES,
    MARIADB,
    SQLITE,
    H2
  }

  @Override
  public String toString() {
    return kind + " " + jdbcUrl();
  }
}
