package dev.sqlfeed.jdbc;

import dev.sqlfeed.domain.connect.ConnectValues;
import dev.sqlfeed.domain.connect.ConnectionSpec;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.SourceReaderContract;
import org.junit.jupiter.api.Nested;

/** The JDBC source reader keeps the source reader's contract on every database. */
class JooqSourceReaderContractIT {
  abstract static class OnDatabase extends SourceReaderContract {
    private TestDatabase database;

    abstract TestDatabase.Kind kind();

    @Override
    protected SourceReader openReader() {
      database = TestDatabases.create(kind());
      database.execute(
          "CREATE TABLE people (id BIGINT PRIMARY KEY, name VARCHAR(20))",
          "INSERT INTO people VALUES (1, 'ada'), (2, 'bob'), (3, 'cy')");
      return JdbcSources.open(
          ConnectionSpec.of(
              ConnectValues.dsn(database.jdbcUrl(), database.user(), database.password())),
          SourceOptions.named("contract"));
    }

    @Override
    protected void discard() {
      database.close();
    }
  }

  @Nested
  class OnPostgres extends OnDatabase {
    @Override
    TestDatabase.Kind kind() {
      return TestDatabase.Kind.POSTGRES;
    }
  }

  @Nested
  class OnMariaDb extends OnDatabase {
    @Override
    TestDatabase.Kind kind() {
      return TestDatabase.Kind.MARIADB;
    }
  }

  @Nested
  class OnSqlite extends OnDatabase {
    @Override
    TestDatabase.Kind kind() {
      return TestDatabase.Kind.SQLITE;
    }
  }

  @Nested
  class OnH2 extends OnDatabase {
    @Override
    TestDatabase.Kind kind() {
      return TestDatabase.Kind.H2;
    }
  }
}
