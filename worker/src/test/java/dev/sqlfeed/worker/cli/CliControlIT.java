package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.feed.CanonicalTime;
import dev.sqlfeed.ports.StoredEvent;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.worker.Wiring;
import dev.sqlfeed.worker.temporal.TemporalConnection;
import dev.sqlfeed.workflows.LastReset;
import dev.sqlfeed.workflows.SourceState;
import dev.sqlfeed.workflows.SourceStatus;
import dev.sqlfeed.workflows.SourceWorkflows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pause}, {@code resume}, {@code poll} and {@code reset} through the CLI entry point against
 * a {@code sqlfeed run} worker in a process of its own, with its embedded Temporal server: what the
 * source workflows do once signalled, seen in their state, in {@code status} and in the event log.
 */
class CliControlIT {
  private static final String APP = "ctl";
  private static final DateTimeFormatter SQLITE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  @TempDir Path dir;
  private String store;
  private WorkerProcess worker;
  private TemporalConnection temporal;

  @AfterEach
  void stop() throws InterruptedException {
    if (temporal != null) {
      temporal.close();
    }
    if (worker != null) {
      worker.close();
    }
  }

  /** The users app with the given settings, its first row changed ten minutes ago. */
  private Path app(String name, String settings) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"))) {
      c.createStatement()
          .execute(
              "CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, login TEXT,"
                  + " updated_at TEXT)");
    }
    return Files.writeString(
        dir.resolve(name + ".yml"),
        UsersApp.config(name, "sqlite:" + dir.resolve("app.db"), settings));
  }

  private void user(int id, Instant updatedAt) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"));
        PreparedStatement insert = c.prepareStatement("INSERT INTO users VALUES (?, ?, ?)")) {
      insert.setInt(1, id);
      insert.setString(2, "u" + id);
      insert.setString(3, LocalDateTime.ofInstant(updatedAt, ZoneOffset.UTC).format(SQLITE));
      insert.executeUpdate();
    }
  }

  /** Starts the worker and waits for its first cycle of {@code user} to have read user 1. */
  private Path startWorker(String settings) throws Exception {
    Path config = app(APP, settings);
    user(1, Instant.now().minus(10, ChronoUnit.MINUTES));
    store = "jdbc:sqlite:" + dir.resolve("store.db");
    worker = WorkerProcess.start(config, store, Map.of(), dir.resolve("worker.log"));
    worker.await("the first cycle's event", Duration.ofSeconds(90), () -> eventsOf(1) == 1);
    temporal = TemporalConnection.connect(worker.temporal(), TemporalConnection.DEFAULT_NAMESPACE);
    worker.await("the first cycle's commit", Duration.ofSeconds(30), () -> cycles() >= 1);
    return config;
  }

  private SourceStatus status() {
    return SourceWorkflows.attach(temporal.client(), APP, "user").state();
  }

  private SourceState state() {
    return status().state();
  }

  private long cycles() {
    return state().cycle().cycles();
  }

  private CliRun cli(String... args) {
    return CliRun.run(args);
  }

  private List<StoredEvent> events() {
    if (!Files.exists(dir.resolve("store.db"))) {
      return List.of();
    }
    try (SyncStore s = Wiring.existingStore(store, Map.of())) {
      return s.events(Optional.empty(), 0, 1000);
    } catch (RuntimeException e) {
      // The worker is still creating the store's schema.
      return List.of();
    }
  }

  /** How many events the log holds for user {@code id}. */
  private long eventsOf(int id) {
    return events().stream()
        .filter(e -> e.event().resource().resourceId().equals(Integer.toString(id)))
        .count();
  }

  @Test
  void pause_holdsEveryCycle_evenAPoll_andResumeReadsWhatChangedMeanwhile() throws Exception {
    Path config = startWorker("poll_interval: 1s\ndefault_lookback: 1h");

    CliRun pause = cli("pause", "--config", config.toString(), "--temporal", worker.temporal());
    pause.exits(ExitCode.OK);
    assertThat(pause.out()).contains("user: paused");
    // Parked, not only marked: a page that was running when the pause came still ends its cycle.
    worker.await(
        "the pause",
        Duration.ofSeconds(30),
        () -> state().cycle().paused() && "paused".equals(status().phase()));
    long cyclesWhenPaused = cycles();
    user(2, Instant.now().minusSeconds(5));
    cli("poll", "--config", config.toString(), "--temporal", worker.temporal()).exits(ExitCode.OK);
    Thread.sleep(5_000); // five poll intervals
    CliRun status = cli("status", "--config", config.toString(), "--temporal", worker.temporal());

    assertThat(cycles()).as("cycles while paused").isEqualTo(cyclesWhenPaused);
    assertThat(eventsOf(2)).as("user 2 is not read while paused").isZero();
    status.exits(ExitCode.OK);
    assertThat(status.out())
        .containsPattern("(?m)^SOURCE\\s+PHASE\\s+PAUSED\\s")
        .containsPattern("(?m)^user\\s+paused\\s+yes\\s");

    CliRun resume =
        cli(
            "resume",
            "--config",
            config.toString(),
            "--temporal",
            worker.temporal(),
            "--source",
            "user");
    resume.exits(ExitCode.OK);
    assertThat(resume.out()).contains("user: resumed");
    worker.await("user 2's event after resume", Duration.ofSeconds(30), () -> eventsOf(2) == 1);
    assertThat(cycles()).isGreaterThan(cyclesWhenPaused);
    assertThat(state().cycle().paused()).isFalse();
    assertThat(cli("status", "--config", config.toString(), "--temporal", worker.temporal()).out())
        .containsPattern("(?m)^user\\s+\\S+\\s+no\\s");
  }

  @Test
  void poll_startsACycleAtOnce_longBeforeThePollInterval() throws Exception {
    Path config = startWorker("poll_interval: 1h\ndefault_lookback: 1h");
    long before = cycles();
    user(2, Instant.now().minusSeconds(5));

    long asked = System.nanoTime();
    CliRun poll =
        cli(
            "poll",
            "--config",
            config.toString(),
            "--temporal",
            worker.temporal(),
            "--source",
            "user");
    poll.exits(ExitCode.OK);
    worker.await("user 2's event after poll", Duration.ofSeconds(20), () -> eventsOf(2) == 1);

    assertThat(poll.out()).contains("user: poll requested");
    assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(20));
    assertThat(cycles()).isEqualTo(before + 1);
  }

  @Test
  void reset_readsAgainFromTheGivenTime_andStatusShowsWhoDidItWhenFromWhereToWhere()
      throws Exception {
    Path config = startWorker("poll_interval: 1h\ndefault_lookback: 1h");
    // Older than the first cycle's lookback: no cycle reads it until a reset reaches back.
    user(3, Instant.now().minus(3, ChronoUnit.DAYS));
    String committedBefore = state().cycle().committedCursor();
    long duplicatesBefore = state().cycle().duplicates();
    Instant to = Instant.now().minus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    CliRun reset =
        cli(
            "reset",
            "--config",
            config.toString(),
            "--temporal",
            worker.temporal(),
            "--source",
            "user",
            "--to",
            to.toString());
    reset.exits(ExitCode.OK);
    worker.await("user 3's event after the reset", Duration.ofSeconds(30), () -> eventsOf(3) == 1);
    worker.await("the cycle after the reset", Duration.ofSeconds(30), () -> cycles() >= 2);

    String by = System.getProperty("user.name");
    String canonical = CanonicalTime.format(to);
    assertThat(reset.out()).contains("user: cursor reset to " + canonical + " (by " + by + ")");
    assertThat(eventsOf(1)).as("user 1, read again, is a duplicate").isEqualTo(1);
    assertThat(state().cycle().duplicates()).isGreaterThan(duplicatesBefore);
    LastReset last = state().lastReset();
    assertThat(last.by()).isEqualTo(by);
    assertThat(last.from()).isEqualTo(committedBefore);
    assertThat(last.to()).isEqualTo(canonical);
    assertThat(Instant.parse(last.at())).isBetween(to, Instant.now().plusSeconds(5));
    CliRun status = cli("status", "--config", config.toString(), "--temporal", worker.temporal());
    status.exits(ExitCode.OK);
    assertThat(status.out())
        .contains(
            "last reset " + last.at() + " by " + by + ": " + committedBefore + " -> " + canonical);
  }

  @Test
  void status_showsEachSourcesLag_andPrintsJsonForMachines() throws Exception {
    Path config = startWorker("poll_interval: 1h\ndefault_lookback: 1h");

    CliRun text = cli("status", "--config", config.toString(), "--temporal", worker.temporal());
    CliRun json =
        cli("status", "--config", config.toString(), "--temporal", worker.temporal(), "--json");

    text.exits(ExitCode.OK);
    assertThat(text.out()).containsPattern("(?m)^SOURCE\\s+PHASE\\s+PAUSED\\s+COMMITTED\\s+LAG\\s");
    java.util.regex.Matcher lag =
        java.util.regex.Pattern.compile("(?m)^user\\s+\\S+\\s+no\\s+\\S+\\s+(\\d+)s\\s")
            .matcher(text.out());
    assertThat(lag.find()).as("user's line with its lag, in:%n%s", text.out()).isTrue();
    // The committed cursor is user 1's stamp, ten minutes ago.
    assertThat(Long.parseLong(lag.group(1))).isBetween(590L, 900L);
    json.exits(ExitCode.OK);
    assertThat(json.out().strip().lines()).hasSize(2);
    assertThat(json.out())
        .contains("\"source\":\"user\"")
        .contains("\"paused\":false")
        .containsPattern("\"lag_seconds\":(59\\d|[6-8]\\d\\d)[,}]")
        .containsPattern("\"committed\":\"20\\d\\d-");
  }

  @Test
  void status_showsTheLastFullSync_runByTheWorker() throws Exception {
    Path config = startWorker("poll_interval: 1h\ndefault_lookback: 1h");
    CliRun before = cli("status", "--config", config.toString(), "--temporal", worker.temporal());

    cli("sync", "--config", config.toString(), "--temporal", worker.temporal()).exits(ExitCode.OK);
    CliRun text = cli("status", "--config", config.toString(), "--temporal", worker.temporal());
    CliRun json =
        cli("status", "--config", config.toString(), "--temporal", worker.temporal(), "--json");

    assertThat(before.out()).containsPattern("(?m)^\\(full sync\\)\\s+absent\\s");
    text.exits(ExitCode.OK);
    assertThat(text.out())
        .as("the full sync's line: ended at, 1 sync, 0 failed, its counts")
        .containsPattern(
            "(?m)^\\(full sync\\)\\s+\\S+\\s+-\\s+20\\d\\d-\\S+\\s+-\\s+-\\s+1\\s+0\\s+\\d+"
                + "\\s+last: 1 resources, \\d+ entitlements, \\d+ grants in ");
    assertThat(json.out().strip().lines())
        .last()
        .asString()
        .contains("\"source\":\"(full sync)\"")
        .contains("\"cycles\":1")
        .contains("\"failures\":0");
  }

  @Test
  void aSourceTheConfigLacks_exits2_andNamesTheSources() throws Exception {
    Path config = app(APP, "poll_interval: 1h");
    String nowhere = "127.0.0.1:" + RunCommandSqliteIT.freePort();

    CliRun pause =
        cli("pause", "--config", config.toString(), "--temporal", nowhere, "--source", "nope");
    CliRun reset =
        cli(
            "reset",
            "--config",
            config.toString(),
            "--temporal",
            nowhere,
            "--source",
            "nope",
            "--to",
            "2026-12-01T00:00:00Z");
    CliRun badTime =
        cli(
            "reset",
            "--config",
            config.toString(),
            "--temporal",
            nowhere,
            "--source",
            "user",
            "--to",
            "yesterday");

    pause.exits(ExitCode.INVALID_INPUT);
    assertThat(pause.err()).contains("--source nope: not an incremental source of", "[user]");
    reset.exits(ExitCode.INVALID_INPUT);
    assertThat(reset.err()).contains("--source nope", "[user]");
    badTime.exits(ExitCode.INVALID_INPUT);
    assertThat(badTime.err()).contains("--to", "'yesterday' is not an RFC 3339 timestamp");
  }

  @Test
  void anAppWithoutARunningWorkflow_exits1_andSaysSo() throws Exception {
    startWorker("poll_interval: 1h\ndefault_lookback: 1h");
    Path other = app("other", "poll_interval: 1h");

    CliRun poll = cli("poll", "--config", other.toString(), "--temporal", worker.temporal());

    poll.exits(ExitCode.FAILURE);
    assertThat(poll.err()).contains("user: no running workflow sqlfeed/other/user at ");
  }
}
