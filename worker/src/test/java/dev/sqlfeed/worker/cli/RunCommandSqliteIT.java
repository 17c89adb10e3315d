package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.ports.StoredEvent;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.worker.Wiring;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sqlfeed run} end to end over an SQLite application database and an SQLite store, with the
 * embedded Temporal server: the page activity, the workflows and the CLI together.
 */
class RunCommandSqliteIT {
  @TempDir Path dir;
  private Path config;
  private String store;
  private AcmeSqliteApp acme;

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @BeforeEach
  void createApplication() throws Exception {
    acme = AcmeSqliteApp.create(dir);
    config = acme.config();
    store = acme.store();
  }

  private CliRun once(Path configFile) {
    return CliRun.once(Map.of(), configFile, store);
  }

  private List<StoredEvent> events() {
    try (SyncStore s = Wiring.existingStore(store, Map.of())) {
      return s.events(Optional.empty(), 0, 1000);
    }
  }

  @Test
  void once_writesEveryChangeOnce_andASecondRunOnlyFindsDuplicates() throws IOException {
    CliRun first = once(config);
    CliRun second = once(config);

    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("user: committed", "(3 rows, 3 new events, 0 duplicates)")
        .contains("team.grants.0.changes: committed")
        .contains("team.grants.0.revokes: committed");
    assertThat(events())
        .extracting(e -> e.event().kind())
        .containsExactlyInAnyOrder(
            "resource_changed",
            "resource_changed",
            "resource_changed",
            "grant_created",
            "grant_created",
            "grant_revoked");
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out()).doesNotContain("new events, 0 duplicates").contains(" 0 new events");
    assertThat(events()).hasSize(6);
    try (SyncStore s = Wiring.existingStore(store, Map.of())) {
      assertThat(s.checkpoint("acme", "user")).isPresent();
    }
  }

  @Test
  void once_withAQueryThatFails_exits1_andNamesTheQuery() throws IOException {
    Path broken =
        Files.writeString(
            dir.resolve("broken.yml"),
            Files.readString(config)
                .replace(
                    "SELECT id, login, updated_at FROM users",
                    "SELECT" + " id, login, updated_at FROM no_such_table"));

    CliRun r = once(broken);

    assertThat(r.code()).isEqualTo(ExitCode.FAILURE);
    assertThat(r.err()).contains("user: scan failed").contains("no_such_table");
    assertThat(r.out()).contains("team.grants.0.changes: committed");
  }

  @Test
  void run_stopsCleanlyOnSigterm_withExitCode0() throws Exception {
    int port = freePort();
    Process run =
        new ProcessBuilder(SqlfeedJar.run(config, store, port))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("run.log").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!(Files.exists(dir.resolve("store.db")) && events().size() >= 6)
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(events()).as(Files.readString(dir.resolve("run.log"))).hasSize(6);

      long stopping = System.nanoTime();
      run.destroy(); // SIGTERM
      assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();

      assertThat(run.exitValue()).as(Files.readString(dir.resolve("run.log"))).isZero();
      assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(20));
    } finally {
      run.destroyForcibly();
    }
  }

  @Test
  void run_onAPortInUse_exits3() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      StringWriter err = new StringWriter();
      int code =
          Cli.run(
              new String[] {
                "run",
                "--once",
                "--config",
                config.toString(),
                "--store",
                store,
                "--embedded-port",
                Integer.toString(taken.getLocalPort())
              },
              new CliContext(
                  new PrintWriter(new StringWriter()), new PrintWriter(err), Map.of(), false));

      assertThat(code).isEqualTo(ExitCode.UNAVAILABLE);
      assertThat(err.toString()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
  }
}
