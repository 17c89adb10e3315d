package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.worker.temporal.TlsTemporalServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The TLS and API key options of the commands that talk to Temporal: what they refuse (exit 2,
 * naming the option), a command run over TLS against Temporal's test server behind TLS, and an API
 * key, from the option or from {@code TEMPORAL_API_KEY}, that is sent but never printed.
 */
class TemporalSecurityOptionsTest {
  private static final String KEY = "tk-cli-secret-9876543210";

  @TempDir static Path dir;
  private static Path config;
  private static TlsTemporalServer.Pem server;

  @BeforeAll
  static void setUp() throws Exception {
    config =
        Path.of(
            TemporalSecurityOptionsTest.class
                .getResource("/config/feed/acme-incremental.yml")
                .toURI());
    server = TlsTemporalServer.selfSigned(dir, "server", TlsTemporalServer.NAME);
  }

  /**
   * Security options given wrong: exit 2 and a message naming the option, and never the API key.
   * {@code CONFIG}, {@code CERT}, {@code KEY_FILE} and {@code MISSING} in the arguments and the
   * message stand for the config, the server's certificate and key files, and a file that does not
   * exist.
   *
   * @param name what the case shows
   * @param args the command line
   * @param says what the error output contains
   */
  record BadInput(String name, List<String> args, String says) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<BadInput> badInput() {
    return Stream.of(
        new BadInput(
            "TLS without --temporal",
            List.of("status", "--config", "CONFIG", "--temporal-tls"),
            "--temporal-tls: needs --temporal HOST:PORT"),
        new BadInput(
            "an API key option without --temporal",
            List.of("run", "--config", "CONFIG", "--once", "--temporal-api-key", KEY),
            "--temporal-api-key: needs --temporal"),
        new BadInput(
            "a client certificate without its key",
            List.of(
                "status",
                "--config",
                "CONFIG",
                "--temporal",
                "127.0.0.1:7",
                "--temporal-tls-cert",
                "CERT"),
            "--temporal-tls-cert and --temporal-tls-key go together"),
        new BadInput(
            "a missing CA file, named",
            List.of(
                "pause",
                "--config",
                "CONFIG",
                "--temporal",
                "127.0.0.1:7",
                "--temporal-tls-ca",
                "MISSING"),
            "--temporal-tls-ca MISSING: no such file"),
        new BadInput(
            "a key file given as the CA",
            List.of(
                "status",
                "--config",
                "CONFIG",
                "--temporal",
                "127.0.0.1:7",
                "--temporal-tls-ca",
                "KEY_FILE"),
            "--temporal-tls-ca: "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInput")
  void securityOptionsGivenWrong_areBadInput_namingTheOption(BadInput c) {
    UnaryOperator<String> fill =
        text ->
            text.replace("CONFIG", config.toString())
                .replace("CERT", server.cert().toString())
                .replace("KEY_FILE", server.key().toString())
                .replace("MISSING", dir.resolve("missing-ca.pem").toString());

    CliRun run = CliRun.run(c.args().stream().map(fill).toArray(String[]::new));

    run.exits(ExitCode.INVALID_INPUT);
    assertThat(run.err()).contains(fill.apply(c.says()));
    if (c.args().contains("KEY_FILE")) {
      assertThat(run.err()).contains(server.key().toString());
    }
    assertThat(run.all()).doesNotContain(KEY);
  }

  /**
   * The arguments of {@code command} with this test's config, against {@code tls} and trusting the
   * test CA, then {@code more}.
   */
  private String[] overTls(String command, TlsTemporalServer tls, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "--config",
                config.toString(),
                "--temporal",
                tls.target(),
                "--temporal-tls-ca",
                server.cert().toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void status_overTls_withTheCaAndServerName_reachesTheServer() throws Exception {
    try (TlsTemporalServer tls = TlsTemporalServer.start(server, null, false)) {
      CliRun run =
          CliRun.run(overTls("status", tls, "--temporal-tls-server-name", TlsTemporalServer.NAME));
      run.exits(ExitCode.OK);
      assertThat(run.out()).contains("absent");
    }
  }

  @Test
  void status_overTls_withoutTheServerName_cannotReachIt() throws Exception {
    try (TlsTemporalServer tls = TlsTemporalServer.start(server, null, false)) {
      CliRun run = CliRun.run(overTls("status", tls));
      run.exits(ExitCode.UNAVAILABLE);
      assertThat(run.err()).contains("cannot reach Temporal at " + tls.target() + " over TLS");
    }
  }

  @Test
  void theKeyFromTheEnvironment_isSent_butNeverPrinted() throws Exception {
    try (TlsTemporalServer tls = TlsTemporalServer.start(server, null, true)) {
      CliRun run =
          CliRun.run(
              Map.of(TemporalSecurityOptions.API_KEY_ENV, KEY),
              overTls("status", tls, "--temporal-tls-server-name", TlsTemporalServer.NAME));
      run.exits(ExitCode.UNAVAILABLE);
      assertThat(tls.authorizations()).contains("Bearer " + KEY);
      assertThat(run.all()).doesNotContain(KEY);
    }
  }

  @Test
  void theKeyOption_isSent_butNeverPrinted() throws Exception {
    try (TlsTemporalServer tls = TlsTemporalServer.start(server, null, true)) {
      CliRun run =
          CliRun.run(
              overTls(
                  "poll",
                  tls,
                  "--temporal-tls-server-name",
                  TlsTemporalServer.NAME,
                  "--temporal-api-key",
                  KEY));
      run.exits(ExitCode.UNAVAILABLE);
      assertThat(tls.authorizations()).contains("Bearer " + KEY);
      assertThat(run.all()).doesNotContain(KEY);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "sync", "status", "pause", "resume", "poll", "reset", "history"})
  void everyCommandThatTalksToTemporal_offersTheOptions(String command) {
    CliRun help = CliRun.run(command, "--help");
    assertThat(help.out())
        .as(command)
        .contains(
            "--temporal-tls",
            "--temporal-tls-cert",
            "--temporal-tls-key",
            "--temporal-tls-ca",
            "--temporal-tls-server-name",
            "--temporal-api-key",
            "TEMPORAL_API_KEY");
  }
}
