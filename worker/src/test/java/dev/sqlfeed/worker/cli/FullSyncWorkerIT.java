package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.ports.SyncRun;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.worker.Wiring;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full syncs and {@code sqlfeed run}, end to end over an SQLite application and SQLite stores: a
 * worker process (the built jar, embedded Temporal) runs scheduled full syncs, {@code sqlfeed sync}
 * hands its sync to that worker, and without a worker it syncs in process as it always did.
 */
class FullSyncWorkerIT {
  private static final Pattern RUN_ID = Pattern.compile("\\(run (\\d+)\\)");

  @TempDir Path dir;
  private Path config;
  private String store;

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @BeforeEach
  void createApplication() throws Exception {
    AcmeSqliteApp acme = AcmeSqliteApp.empty(dir);
    acme.sql(
        "INSERT INTO users VALUES (1, 'ada', '2026-11-25 09:00:00'),"
            + " (2, 'bob', '2026-11-25 09:01:00'), (3, 'cy', '2026-11-25 09:02:00')",
        "INSERT INTO teams VALUES ('ops', 'Operations')",
        "INSERT INTO team_members VALUES ('ops', 1, '2026-11-25 09:03:00', NULL),"
            + " ('ops', 2, '2026-11-25 09:04:00', NULL)");
    config = acme.config();
    store = acme.store();
  }

  private static List<SyncRun> runs(String storeUrl) {
    try (SyncStore s = Wiring.existingStore(storeUrl, Map.of())) {
      return s.syncRuns("acme");
    }
  }

  private static long succeeded(String storeUrl) {
    return runs(storeUrl).stream().filter(r -> r.outcome() == SyncRun.Outcome.SUCCEEDED).count();
  }

  private static void await(BooleanSupplier condition, String what, Process worker, Path log)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline || !worker.isAlive()) {
        throw new AssertionError(
            "timed out waiting for "
                + what
                + (worker.isAlive() ? "" : " (the worker exited " + worker.exitValue() + ")")
                + "\n"
                + Files.readString(log));
      }
      Thread.sleep(1000);
    }
  }

  private static long runId(CliRun sync) {
    Matcher m = RUN_ID.matcher(sync.out());
    assertThat(m.find()).as("a run id in %s", sync).isTrue();
    return Long.parseLong(m.group(1));
  }

  private Process worker(int port, int metricsPort, Path log) throws IOException {
    return new ProcessBuilder(
            SqlfeedJar.run(
                config,
                store,
                port,
                "--full-sync-interval",
                "2s",
                "--metrics-port",
                Integer.toString(metricsPort)))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  @Test
  void worker_runsScheduledFullSyncs_takesOverSync_andExportsTheDifferences() throws Exception {
    int port = freePort();
    int metricsPort = freePort();
    Path log = dir.resolve("run.log");
    String otherStore = "jdbc:sqlite:" + dir.resolve("not-used.db");
    Process run = worker(port, metricsPort, log);
    CliRun viaWorker;
    CliRun inProcess;
    String metrics;
    try {
      await(
          () -> Files.exists(dir.resolve("store.db")) && succeeded(store) >= 2,
          "two scheduled full syncs",
          run,
          log);

      viaWorker =
          CliRun.run(
              "sync",
              "--config",
              config.toString(),
              "--store",
              otherStore,
              "--embedded-port",
              Integer.toString(port));
      inProcess =
          CliRun.run(
              "sync",
              "--config",
              config.toString(),
              "--store",
              "jdbc:sqlite:" + dir.resolve("local.db"),
              "--embedded-port",
              Integer.toString(port),
              "--in-process");
      metrics =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
    } finally {
      run.destroy();
      boolean ended = run.waitFor(60, TimeUnit.SECONDS);
      run.destroyForcibly();
      assertThat(ended).as("the worker stops on SIGTERM%n%s", Files.readString(log)).isTrue();
    }

    viaWorker.exits(ExitCode.OK);
    assertThat(viaWorker.out())
        .contains("synced acme: 4 resources, 1 entitlements, 2 grants in ")
        .contains("ran in the worker at 127.0.0.1:" + port + " (workflow sqlfeed-full-sync/acme)");
    assertThat(viaWorker.err()).contains("--store is not used");
    assertThat(runs(store))
        .as("the run the worker did for 'sync' is in the worker's store")
        .anySatisfy(
            r -> {
              assertThat(r.id()).isEqualTo(runId(viaWorker));
              assertThat(r.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            });
    assertThat(dir.resolve("not-used.db")).doesNotExist();

    inProcess.exits(ExitCode.OK);
    assertThat(inProcess.out()).contains("synced acme: 4 resources").doesNotContain("worker");
    assertThat(runs("jdbc:sqlite:" + dir.resolve("local.db"))).hasSize(1);

    assertThat(metrics)
        .containsPattern(
            "sqlfeed_full_syncs_total\\{app=\"acme\",outcome=\"succeeded\"} ([3-9]|[1-9]\\d+)\\.0")
        .contains("sqlfeed_reconcile_differences_total{app=\"acme\",kind=\"resources_deleted\"}")
        .contains("sqlfeed_reconcile_last_differences{app=\"acme\",kind=\"grants_revoked\"}")
        .contains("sqlfeed_full_sync_last_mirror{app=\"acme\",kind=\"resources\"} 4.0")
        .contains("sqlfeed_feed_pages_total{app=\"acme\",source=\"user\"}");
    assertThat(run.exitValue()).as(Files.readString(log)).isZero();
  }

  @Test
  void sync_withNoWorkerRunning_syncsInProcess() throws Exception {
    int nothingThere = freePort();

    CliRun sync =
        CliRun.run(
            "sync",
            "--config",
            config.toString(),
            "--store",
            store,
            "--embedded-port",
            Integer.toString(nothingThere));

    sync.exits(ExitCode.OK);
    assertThat(sync.out()).contains("synced acme: 4 resources, 1 entitlements, 2 grants");
    assertThat(sync.all()).doesNotContain("worker");
    assertThat(runs(store)).extracting(SyncRun::id).containsExactly(runId(sync));
  }

  @Test
  void sync_namingAnAddressWithNoWorker_saysSo_andSyncsInProcess() throws Exception {
    int nothingThere = freePort();

    CliRun sync =
        CliRun.run(
            "sync",
            "--config",
            config.toString(),
            "--store",
            store,
            "--temporal",
            "127.0.0.1:" + nothingThere);

    sync.exits(ExitCode.OK);
    assertThat(sync.err()).contains("no worker of acme at 127.0.0.1:" + nothingThere);
    assertThat(runs(store)).hasSize(1);
  }
}
