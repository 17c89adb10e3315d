package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code sqlfeed run --log-format json}: the packaged jar's log, one JSON object per line. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CliLogFormatIT {
  @TempDir Path dir;

  @Test
  void runWithJsonLogs_writesEveryLineOfStderrAsAJsonObject_warningsIncluded() throws Exception {
    AcmeSqliteApp acme = AcmeSqliteApp.empty(dir);
    acme.sql("INSERT INTO users VALUES (1, 'ada', strftime('%Y-%m-%d %H:%M:%S', 'now'))");
    Path config = acme.config();
    Path log = dir.resolve("stderr.log");
    List<String> command =
        SqlfeedJar.command(
            "run",
            "--once",
            "--log-format",
            "json",
            "--config",
            config.toString(),
            "--store",
            "jdbc:sqlite:" + dir.resolve("store.db"),
            "--embedded-port",
            Integer.toString(RunCommandSqliteIT.freePort()),
            "--metrics-port",
            Integer.toString(RunCommandSqliteIT.freePort()));
    Process run =
        new ProcessBuilder(command)
            .redirectError(log.toFile())
            .redirectOutput(dir.resolve("stdout.log").toFile())
            .start();
    assertThat(run.waitFor(150, TimeUnit.SECONDS)).isTrue();
    String stderr = Files.readString(log);
    assertThat(run.exitValue()).as(stderr).isZero();

    List<JsonNode> lines = new ArrayList<>();
    for (String line : stderr.lines().filter(l -> !l.isBlank()).toList()) {
      JsonNode json = new ObjectMapper().readTree(line);
      assertThat(json.isObject()).as(line).isTrue();
      assertThat(json.fieldNames())
          .toIterable()
          .as(line)
          .contains("time", "level", "logger", "thread", "message");
      lines.add(json);
    }
    // The config's warning (team has no incremental source) goes through the log too.
    assertThat(lines)
        .anySatisfy(
            l -> {
              assertThat(l.get("level").asText()).isEqualTo("WARN");
              assertThat(l.get("message").asText()).contains("no incremental source covers");
            });
    assertThat(lines)
        .anySatisfy(
            l -> {
              assertThat(l.get("level").asText()).isEqualTo("INFO");
              assertThat(l.get("message").asText()).startsWith("metrics at http://127.0.0.1:");
            });
  }

  @Test
  void anUnknownLogFormat_isInvalidInput() {
    CliRun run = CliRun.run("run", "--config", "x.yml", "--log-format", "xml").exits(2);

    assertThat(run.err()).contains("--log-format: text or json, not xml");
  }
}
