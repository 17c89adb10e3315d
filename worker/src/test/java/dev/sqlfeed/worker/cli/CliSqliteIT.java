package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import dev.sqlfeed.ports.SyncRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite example end to end through the CLI, as the README runs it: {@code init-example},
 * {@code sync}, {@code export}. The example is copied to a temporary directory with its DSN pointed
 * at a file there, so nothing is written into the repository.
 */
class CliSqliteIT {
  @TempDir Path tmp;

  private Path config;
  private Path appDb;
  private String store;

  @BeforeEach
  void copyTheExample() {
    config = AcmeExample.copySqliteExample(tmp);
    appDb = tmp.resolve("sqlite/acme.db");
    store = "jdbc:sqlite:" + tmp.resolve("store.db");
  }

  @Test
  void initExampleSyncExport_printsTheGoldenMirror() {
    CliRun init = CliRun.run("init-example", tmp.resolve("sqlite").toString()).exits(0);
    assertThat(init.out()).isEqualTo("created " + appDb + "\n");
    assertThat(appDb).isRegularFile();

    CliRun sync = CliRun.run("sync", "--config", config.toString(), "--store", store).exits(0);
    assertThat(sync.out()).startsWith("synced acme: 11 resources, 9 entitlements, 13 grants in ");

    CliRun export = CliRun.run("export", "--store", store).exits(0);
    assertThat(export.out()).isEqualTo(AcmeExample.golden());
    assertThat(export.err()).isEmpty();
    assertThat(CliRun.run("export", "--store", store, "--app", "acme").exits(0).out())
        .isEqualTo(AcmeExample.golden());
    assertThat(CliRun.run("export", "--store", store, "--app", "other").exits(0).out()).isEmpty();
  }

  @Test
  void initExample_leavesAnExistingDatabaseAsItIs() throws IOException {
    CliRun.run("init-example", tmp.resolve("sqlite").toString()).exits(0);
    byte[] before = Files.readAllBytes(appDb);

    CliRun again = CliRun.run("init-example", tmp.resolve("sqlite").toString()).exits(0);

    assertThat(again.out()).isEqualTo(appDb + " exists; left as it is\n");
    assertThat(Files.readAllBytes(appDb)).isEqualTo(before);
  }

  @Test
  void aSecondSync_keepsTheExport_andRecordsAnotherRun() {
    CliRun.run("init-example", tmp.resolve("sqlite").toString()).exits(0);
    CliRun.run("sync", "--config", config.toString(), "--store", store).exits(0);
    String first = CliRun.run("export", "--store", store).exits(0).out();
    List<SyncRun> runsAfterFirst = AcmeExample.syncRuns(store);

    CliRun.run("sync", "--config", config.toString(), "--store", store).exits(0);

    assertThat(CliRun.run("export", "--store", store).exits(0).out())
        .isEqualTo(first)
        .isEqualTo(AcmeExample.golden());
    List<SyncRun> runs = AcmeExample.syncRuns(store);
    assertThat(runsAfterFirst).hasSize(1);
    assertThat(runs).hasSize(2);
    assertThat(runs).extracting(SyncRun::outcome).containsOnly(SyncRun.Outcome.SUCCEEDED);
    assertThat(runs.get(0).id()).isGreaterThan(runs.get(1).id());
    assertThat(runs.get(1)).isEqualTo(runsAfterFirst.get(0));
    assertThat(runs.get(0).counts()).isEqualTo(runs.get(1).counts());
    assertThat(runs.get(0).counts().resources()).isEqualTo(11);
    assertThat(runs.get(0).counts().entitlements()).isEqualTo(9);
    assertThat(runs.get(0).counts().grants()).isEqualTo(13);
    assertThat(runs.get(0).endedAt()).isAfterOrEqualTo(runs.get(0).startedAt());
    assertThat(runs.get(0).message()).isNull();
  }

  @Test
  void sqliteAndH2Stores_holdingTheSameMirror_exportByteIdenticalOutput() {
    CliRun.run("init-example", tmp.resolve("sqlite").toString()).exits(0);
    try (TestDatabase h2 = TestDatabases.create(TestDatabase.Kind.H2)) {
      CliRun.run("sync", "--config", config.toString(), "--store", store).exits(0);
      CliRun.run("sync", "--config", config.toString(), "--store", h2.jdbcUrl()).exits(0);

      String fromSqlite = CliRun.run("export", "--store", store).exits(0).out();
      String fromH2 = CliRun.run("export", "--store", h2.jdbcUrl()).exits(0).out();

      assertThat(fromH2).isEqualTo(fromSqlite).isEqualTo(AcmeExample.golden());
    }
  }
}
