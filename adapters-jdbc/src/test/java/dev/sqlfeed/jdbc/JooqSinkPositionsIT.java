package dev.sqlfeed.jdbc;

import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import dev.sqlfeed.ports.sink.SinkPositions;
import dev.sqlfeed.ports.sink.SinkPositionsContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Sink positions in the JDBC store ({@code sink_positions}, schema version 8), on real servers. */
class JooqSinkPositionsIT {
  @Nested
  @ParameterizedClass(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  class OnEachDatabase extends SinkPositionsContract {
    @Parameter TestDatabase.Kind kind;
    private TestDatabase database;
    private JooqSyncStore store;

    @Override
    protected SinkPositions openPositions() {
      database = TestDatabases.create(kind);
      store =
          (JooqSyncStore) JdbcStores.open(database.jdbcUrl(), database.user(), database.password());
      return store;
    }

    @Override
    protected void discardPositions() {
      store.close();
      database.close();
    }
  }
}
