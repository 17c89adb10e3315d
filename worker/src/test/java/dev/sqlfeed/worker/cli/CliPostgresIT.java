package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/postgres/app.yml} end to end through the CLI, against a PostgreSQL database
 * loaded from the example's schema and the shared seed: it syncs to the same mirror as the SQLite
 * and MariaDB examples, into an SQLite store and into a store on PostgreSQL itself.
 */
class CliPostgresIT {
  @TempDir Path tmp;

  private TestDatabase source;
  private Map<String, String> env;
  private String config;

  @BeforeEach
  void loadTheExample() {
    source = TestDatabases.create(TestDatabase.Kind.POSTGRES);
    AcmeExample.load(source, "postgres");
    env = Map.of("ACME_PG_DSN", AcmeExample.batonDsn(source));
    config = AcmeExample.examplesDir().resolve("postgres/app.yml").toString();
  }

  @AfterEach
  void dropTheSource() {
    source.close();
  }

  @Test
  void theExample_syncsIntoAnSqliteStore_toTheGoldenMirror() {
    String store = "jdbc:sqlite:" + tmp.resolve("store.db");

    CliRun sync = CliRun.run(env, "sync", "--config", config, "--store", store).exits(0);

    assertThat(sync.out()).startsWith("synced acme: 11 resources, 9 entitlements, 13 grants in ");
    assertThat(CliRun.run("export", "--store", store).exits(0).out())
        .isEqualTo(AcmeExample.golden());
  }

  @Test
  void theExample_syncsIntoAPostgresStore_toTheGoldenMirror() {
    try (TestDatabase storeDb = TestDatabases.create(TestDatabase.Kind.POSTGRES)) {
      Map<String, String> withStore = AcmeExample.withStore(env, storeDb);

      CliRun.run(withStore, "sync", "--config", config, "--store", storeDb.jdbcUrl()).exits(0);

      assertThat(
              CliRun.run(withStore, "export", "--store", storeDb.jdbcUrl(), "--app", "acme")
                  .exits(0)
                  .out())
          .isEqualTo(AcmeExample.golden());
    }
  }
}
