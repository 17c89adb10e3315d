package dev.sqlfeed.jdbc;

import dev.sqlfeed.domain.connect.ConnectValues;
import dev.sqlfeed.domain.connect.ConnectionSpec;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.SourceReaderContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The JDBC source reader keeps the source reader's contract on every database. */
class JooqSourceReaderContractIT {
  /** The contract on each database, a new one per test. */
  @Nested
  @ParameterizedClass(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  class OnEachDatabase extends SourceReaderContract {
    @Parameter TestDatabase.Kind kind;
    private TestDatabase database;

    @Override
    protected SourceReader openReader() {
      database = TestDatabases.create(kind);
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
}
