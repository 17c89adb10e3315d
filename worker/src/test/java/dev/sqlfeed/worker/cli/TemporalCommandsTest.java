package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.SyncMode;
import dev.sqlfeed.domain.config.SyncSettings;
import dev.sqlfeed.domain.feed.CycleState;
import dev.sqlfeed.domain.feed.PageSummary;
import dev.sqlfeed.worker.config.ConfigLoader;
import dev.sqlfeed.worker.temporal.FeedRunner;
import dev.sqlfeed.worker.temporal.SourcePacing;
import dev.sqlfeed.workflows.FeedActivities;
import dev.sqlfeed.workflows.ScanRequest;
import dev.sqlfeed.workflows.ScanResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status}, {@code history} and {@code replay} against a running embedded server whose
 * workflows poll activities that find nothing new.
 */
class TemporalCommandsTest {
  private static final SyncSettings SETTINGS =
      new SyncSettings(
          Duration.ofHours(3),
          Duration.ofSeconds(1),
          100,
          Duration.ZERO,
          Duration.ZERO,
          SyncMode.KEYSET);
  private static final CountDownLatch STOP = new CountDownLatch(1);
  private static final AtomicInteger SCANS = new AtomicInteger();
  private static Path config;
  private static String temporal;
  private static Thread runner;

  @TempDir Path dir;

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @BeforeAll
  static void startRunner() throws Exception {
    config =
        Path.of(
            TemporalCommandsTest.class.getResource("/config/feed/acme-incremental.yml").toURI());
    Config loaded = ConfigLoader.withEnvironment(Map.of()).load(config).config();
    int port = freePort();
    temporal = "127.0.0.1:" + port;
    FeedActivities idle =
        new FeedActivities() {
          @Override
          public String initialCheckpoint(String app, String sourceKey) {
            return "2026-11-25T10:00:00Z";
          }

          @Override
          public ScanResult scanPage(ScanRequest r) {
            SCANS.incrementAndGet();
            CycleState s =
                r.state().toState().open(Instant.parse("2026-11-25T10:01:00Z"), SETTINGS);
            return new ScanResult(s.page(PageSummary.empty()).toWire(), 0, 0, 0, true);
          }
        };
    FeedRunner feedRunner =
        new FeedRunner(
            new FeedRunner.Options(
                null, "default", "sqlfeed", port, 1_000_000, Duration.ofSeconds(1)),
            loaded.appName(),
            SourcePacing.of(loaded),
            idle,
            STOP);
    runner = new Thread(feedRunner::runUntilStopped);
    runner.start();
    // Six scans of four sources: the worker runs and its workflows have scanned. The wait is
    // generous for a loaded machine; a setup that never gets there fails here, with the reason,
    // instead of leaving the tests to fail on a half-started worker.
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (SCANS.get() < 6) {
      if (System.nanoTime() > deadline || !runner.isAlive()) {
        STOP.countDown();
        throw new AssertionError(
            "the worker did not scan six times within 120 s: "
                + SCANS.get()
                + " scans"
                + (runner.isAlive() ? "" : ", and its thread ended"));
      }
      Thread.sleep(50);
    }
  }

  @AfterAll
  static void stopRunner() throws InterruptedException {
    STOP.countDown();
    runner.join(60_000);
    assertThat(runner.isAlive()).as("the worker stopped within 60 s of being asked").isFalse();
  }

  private record Result(int code, String out, String err) {}

  private static Result cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Cli.run(args, new CliContext(new PrintWriter(out), new PrintWriter(err), Map.of(), false));
    return new Result(code, out.toString(), err.toString());
  }

  private Result history(String source, Path file) {
    return cli(
        "history",
        "--config",
        config.toString(),
        "--temporal",
        temporal,
        "--source",
        source,
        "--out",
        file.toString());
  }

  @Test
  void status_printsOneLinePerSource() {
    Result r = cli("status", "--config", config.toString(), "--temporal", temporal);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines())
        .hasSize(5)
        .anyMatch(l -> l.startsWith("user ") && l.contains("2026-11-25T10:00:00Z"))
        .anyMatch(l -> l.startsWith("team.grants.0.revokes "))
        .last()
        .asString()
        .startsWith("(full sync) ");
  }

  @Test
  void history_thenReplay_succeeds() throws IOException {
    Path file = dir.resolve("user.json");

    Result history = history("user", file);
    Result replay = cli("replay", file.toString());

    assertThat(history.code()).as(history.err()).isZero();
    assertThat(history.out()).contains("sqlfeed/acme/user");
    assertThat(Files.readString(file)).contains("EVENT_TYPE_WORKFLOW_EXECUTION_STARTED");
    assertThat(replay.code()).as(replay.err()).isZero();
    assertThat(replay.out()).contains("user.json: ok");
  }

  @Test
  void replay_ofAHistoryFromOtherCode_exits1() throws IOException {
    Path file = dir.resolve("user.json");
    history("user", file);
    // The history of a workflow whose code called another activity where this one scans.
    String drifted =
        Files.readString(file, StandardCharsets.UTF_8).replace("\"ScanPage\"", "\"OldScanPage\"");
    Files.writeString(file, drifted, StandardCharsets.UTF_8);

    Result replay = cli("replay", file.toString());

    assertThat(replay.code()).isEqualTo(ExitCode.FAILURE);
    assertThat(replay.err()).contains("does not replay");
  }

  @Test
  void replay_ofAFileThatIsNoHistory_exits2() throws IOException {
    Path file = Files.writeString(dir.resolve("x.json"), "{\"not\": \"a history\"");

    assertThat(cli("replay", file.toString()).code()).isEqualTo(ExitCode.INVALID_INPUT);
  }

  @Test
  void replay_ofAFullSyncHistory_replaysItAgainstTheFullSyncWorkflow() {
    Path golden = goldenFolder().resolve("full-sync/once.json");

    Result replay = cli("replay", golden.toString());

    assertThat(replay.code()).as(replay.err()).isZero();
    assertThat(replay.out()).contains("once.json: ok (FullSyncWorkflow, ");
  }

  @Test
  void replay_ofHistoriesOfBothWorkflows_replaysEach() throws IOException {
    Path user = dir.resolve("user.json");
    history("user", user);
    Path fullSync = goldenFolder().resolve("full-sync/once.json");

    Result replay = cli("replay", user.toString(), fullSync.toString());

    assertThat(replay.code()).as(replay.err()).isZero();
    assertThat(replay.out())
        .contains("user.json: ok (SourceWorkflow, ", "once.json: ok (FullSyncWorkflow, ");
  }

  @Test
  void replay_ofAnUnknownWorkflowType_exits2_namingTheType() throws IOException {
    Path file = dir.resolve("user.json");
    history("user", file);
    String other =
        Files.readString(file, StandardCharsets.UTF_8)
            .replace("\"name\": \"SourceWorkflow\"", "\"name\": \"BillingWorkflow\"");
    Files.writeString(file, other, StandardCharsets.UTF_8);

    Result replay = cli("replay", file.toString());

    assertThat(replay.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(replay.err())
        .contains("user.json: a history of workflow type 'BillingWorkflow'")
        .contains("FullSyncWorkflow, SourceWorkflow");
  }

  @Test
  void replay_ofAMissingFile_exits2_sayingItIsMissing() {
    Path missing = dir.resolve("nowhere.json");

    Result replay = cli("replay", missing.toString());

    assertThat(replay.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(replay.err()).contains("nowhere.json: no such file").doesNotContain("history");
  }

  /** The workflows module's golden histories, from this module's base directory. */
  private static Path goldenFolder() {
    Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    return base.resolve("../workflows/src/test/resources/golden").toAbsolutePath().normalize();
  }

  @Test
  void history_ofAnUnknownSource_exits2() {
    Result r = history("nope", dir.resolve("x.json"));

    assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err()).contains("team.grants.0.changes");
  }

  @Test
  void status_andHistory_ofAnAppWithoutWorkflows_sayItIsAbsent() throws IOException {
    Path other =
        Files.writeString(
            dir.resolve("other.yml"),
            Files.readString(config).replace("app_name: acme", "app_name: other"));

    Result status = cli("status", "--config", other.toString(), "--temporal", temporal);
    Result history =
        cli(
            "history",
            "--config",
            other.toString(),
            "--temporal",
            temporal,
            "--source",
            "user",
            "--out",
            dir.resolve("x.json").toString());

    assertThat(status.code()).as(status.err()).isZero();
    assertThat(status.out().lines().skip(1)).allMatch(l -> l.contains(" absent "));
    assertThat(history.code()).isEqualTo(ExitCode.FAILURE);
    assertThat(history.err()).contains("no workflow sqlfeed/other/user");
  }

  @Test
  void status_withNoServer_exits3() throws IOException {
    String closed = "127.0.0.1:" + freePort();

    Result r = cli("status", "--config", config.toString(), "--temporal", closed);

    assertThat(r.code()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(errors(r)).contains("cannot reach Temporal at " + closed).hasLineCount(1);
  }

  @Test
  void history_withNoServer_exits3() throws IOException {
    String closed = "127.0.0.1:" + freePort();
    Path file = dir.resolve("user.json");

    Result r =
        cli(
            "history",
            "--config",
            config.toString(),
            "--temporal",
            closed,
            "--source",
            "user",
            "--out",
            file.toString());

    assertThat(r.code()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(errors(r)).contains("cannot reach Temporal at " + closed).hasLineCount(1);
    assertThat(file).doesNotExist();
  }

  @Test
  void runOnce_withNoServer_exits3() throws Exception {
    // A source that opens, so that the only thing missing is Temporal.
    Path source = dir.resolve("acme.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, login TEXT, updated_at TEXT)");
    }
    Path app =
        Files.writeString(
            dir.resolve("app.yml"),
            Files.readString(config).replace("sqlite:acme.db", "sqlite:" + source));
    String closed = "127.0.0.1:" + freePort();

    Result r =
        cli(
            "run",
            "--once",
            "--config",
            app.toString(),
            "--store",
            "jdbc:sqlite:" + dir.resolve("store.db"),
            "--temporal",
            closed);

    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(errors(r)).contains("cannot reach Temporal at " + closed).hasLineCount(1);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void run_withAConfigWithoutIncrementalSources_exits2() throws IOException {
    Path plain =
        Files.writeString(
            dir.resolve("plain.yml"),
            """
            app_name: plain
            connect:
              dsn: "sqlite:plain.db"
            resource_types:
              user:
                name: User
                list:
                  query: SELECT id FROM users
                  map:
                    id: ".id"
                    display_name: ".id"
            """);

    Result r = cli("run", "--config", plain.toString());

    assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err()).contains("no source has incremental_sync");
  }

  /** The command's error output without the config's warnings. */
  private static String errors(Result r) {
    return r.err()
        .lines()
        .filter(line -> !line.startsWith("warning: "))
        .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
  }
}
