package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.worker.temporal.TlsTemporalServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void tlsOptions_withoutTemporal_areBadInput() {
    CliRun run = CliRun.run("status", "--config", config.toString(), "--temporal-tls");
    run.exits(ExitCode.INVALID_INPUT);
    assertThat(run.err()).contains("--temporal-tls: needs --temporal HOST:PORT");
  }

  @Test
  void anApiKeyOption_withoutTemporal_isBadInput_andNotPrinted() {
    CliRun run =
        CliRun.run("run", "--config", config.toString(), "--once", "--temporal-api-key", KEY);
    run.exits(ExitCode.INVALID_INPUT);
    assertThat(run.err()).contains("--temporal-api-key: needs --temporal");
    assertThat(run.all()).doesNotContain(KEY);
  }

  @Test
  void aClientCertificateWithoutItsKey_isBadInput() {
    CliRun run =
        CliRun.run(
            "status",
            "--config",
            config.toString(),
            "--temporal",
            "127.0.0.1:7",
            "--temporal-tls-cert",
            server.cert().toString());
    run.exits(ExitCode.INVALID_INPUT);
    assertThat(run.err()).contains("--temporal-tls-cert and --temporal-tls-key go together");
  }

  @Test
  void aMissingCaFile_isBadInput_namingTheOptionAndFile() {
    Path missing = dir.resolve("missing-ca.pem");
    CliRun run =
        CliRun.run(
            "pause",
            "--config",
            config.toString(),
            "--temporal",
            "127.0.0.1:7",
            "--temporal-tls-ca",
            missing.toString());
    run.exits(ExitCode.INVALID_INPUT);
    assertThat(run.err()).contains("--temporal-tls-ca " + missing + ": no such file");
  }

  @Test
  void aKeyFileGivenAsCa_isBadInput() {
    CliRun run =
        CliRun.run(
            "status",
            "--config",
            config.toString(),
            "--temporal",
            "127.0.0.1:7",
            "--temporal-tls-ca",
            server.key().toString());
    run.exits(ExitCode.INVALID_INPUT);
    assertThat(run.err()).contains("--temporal-tls-ca: ").contains(server.key().toString());
  }

  @Test
  void status_overTls_withTheCaAndServerName_reachesTheServer() throws Exception {
    try (TlsTemporalServer tls = TlsTemporalServer.start(server, null, false)) {
      CliRun run =
          CliRun.run(
              "status",
              "--config",
              config.toString(),
              "--temporal",
              tls.target(),
              "--temporal-tls-ca",
              server.cert().toString(),
              "--temporal-tls-server-name",
              TlsTemporalServer.NAME);
      run.exits(ExitCode.OK);
      assertThat(run.out()).contains("absent");
    }
  }

  @Test
  void status_overTls_withoutTheServerName_cannotReachIt() throws Exception {
    try (TlsTemporalServer tls = TlsTemporalServer.start(server, null, false)) {
      CliRun run =
          CliRun.run(
              "status",
              "--config",
              config.toString(),
              "--temporal",
              tls.target(),
              "--temporal-tls-ca",
              server.cert().toString());
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
              "status",
              "--config",
              config.toString(),
              "--temporal",
              tls.target(),
              "--temporal-tls-ca",
              server.cert().toString(),
              "--temporal-tls-server-name",
              TlsTemporalServer.NAME);
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
              "poll",
              "--config",
              config.toString(),
              "--temporal",
              tls.target(),
              "--temporal-tls-ca",
              server.cert().toString(),
              "--temporal-tls-server-name",
              TlsTemporalServer.NAME,
              "--temporal-api-key",
              KEY);
      run.exits(ExitCode.UNAVAILABLE);
      assertThat(tls.authorizations()).contains("Bearer " + KEY);
      assertThat(run.all()).doesNotContain(KEY);
    }
  }

  @Test
  void everyCommandThatTalksToTemporal_offersTheOptions() {
    for (String command :
        new String[] {"run", "sync", "status", "pause", "resume", "poll", "reset", "history"}) {
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
}
