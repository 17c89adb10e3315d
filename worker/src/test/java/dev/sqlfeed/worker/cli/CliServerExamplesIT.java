package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code examples/postgres/app.yml} and {@code examples/mariadb/app.yml} end to end through the
 * CLI, each against its database loaded from the example's schema and the shared seed: they sync to
 * the same mirror as the SQLite example, into an SQLite store and into a store on the server
 * itself.
 */
class CliServerExamplesIT {
  @TempDir Path tmp;

  /** An example on its loaded database: the config and the environment its DSN needs. */
  private record Example(TestDatabase source, String config, Map<String, String> env)
      implements AutoCloseable {
    static Example load(TestDatabase.Kind kind, String folder, String dsnVariable) {
      TestDatabase source = TestDatabases.create(kind);
      AcmeExample.load(source, folder);
      return new Example(
          source,
          AcmeExample.examplesDir().resolve(folder + "/app.yml").toString(),
          Map.of(dsnVariable, AcmeExample.batonDsn(source)));
    }

    @Override
    public void close() {
      source.close();
    }
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({"POSTGRES, postgres, ACME_PG_DSN", "MARIADB, mariadb, ACME_MARIADB_DSN"})
  void theExample_syncsIntoAnSqliteStore_toTheGoldenMirror(
      TestDatabase.Kind kind, String folder, String dsnVariable) {
    try (Example example = Example.load(kind, folder, dsnVariable)) {
      String store = "jdbc:sqlite:" + tmp.resolve("store.db");

      CliRun sync =
          CliRun.run(example.env(), "sync", "--config", example.config(), "--store", store)
              .exits(0);

      assertThat(sync.out()).startsWith("synced acme: 11 resources, 9 entitlements, 13 grants in ");
      assertThat(CliRun.run("export", "--store", store).exits(0).out())
          .isEqualTo(AcmeExample.golden());
    }
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({"POSTGRES, postgres, ACME_PG_DSN", "MARIADB, mariadb, ACME_MARIADB_DSN"})
  void theExample_syncsIntoAStoreOnItsOwnServer_toTheGoldenMirror(
      TestDatabase.Kind kind, String folder, String dsnVariable) {
    try (Example example = Example.load(kind, folder, dsnVariable);
        TestDatabase storeDb = TestDatabases.create(kind)) {
      Map<String, String> withStore = AcmeExample.withStore(example.env(), storeDb);

      CliRun.run(withStore, "sync", "--config", example.config(), "--store", storeDb.jdbcUrl())
          .exits(0);

      assertThat(
              CliRun.run(withStore, "export", "--store", storeDb.jdbcUrl(), "--app", "acme")
                  .exits(0)
                  .out())
          .isEqualTo(AcmeExample.golden());
    }
  }
}
