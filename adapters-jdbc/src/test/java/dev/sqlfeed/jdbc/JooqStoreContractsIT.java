package dev.sqlfeed.jdbc;

import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import dev.sqlfeed.ports.EventLogContract;
import dev.sqlfeed.ports.ReconciliationContract;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.ports.SyncStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JDBC store keeps each of the store's contracts on every database it supports, against real
 * servers: each test gets a new database, dropped after the test has closed its store.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class JooqStoreContractsIT {
  @Parameter TestDatabase.Kind kind;
  private TestDatabase database;

  @BeforeEach
  void createDatabase() {
    database = TestDatabases.create(kind);
  }

  /** Runs after the contract's own {@code @AfterEach}, which closes the store. */
  @AfterEach
  void dropDatabase() {
    database.close();
  }

  private SyncStore open() {
    return JdbcStores.open(database.jdbcUrl(), database.user(), database.password());
  }

  /** The mirror, its runs and its exports: {@link JooqSyncStoreIT} has the JDBC store's own. */
  @Nested
  class Mirror extends SyncStoreContract {
    @Override
    protected SyncStore openStore() {
      return open();
    }
  }

  /** The event log: {@link JooqSyncStoreEventLogIT} has the JDBC store's own. */
  @Nested
  class EventLog extends EventLogContract {
    @Override
    protected SyncStore openStore() {
      return open();
    }
  }

  /** Reconciliation: {@link JooqReconciliationIT} has the JDBC store's own. */
  @Nested
  class Reconciliation extends ReconciliationContract {
    @Override
    protected SyncStore openStore() {
      return open();
    }
  }
}
