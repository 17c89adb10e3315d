package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sqlfeed demo} through the command line: a short run that checks its own mirror. */
class CliDemoIT {
  @TempDir Path dir;

  @Test
  void aShortDemoSeesEveryKindOfEventAndMissesNothing() {
    CliRun run =
        CliRun.run("demo", "--duration", "20s", "--seed", "42", "--dir", dir.toString())
            .exits(ExitCode.OK);

    assertThat(run.out())
        .contains("nothing missed")
        .containsPattern("events seen: +\\d+ \\(.*\\d+ grant_created")
        .containsPattern("events seen: .*\\d+ grant_revoked")
        .containsPattern("events seen: .*\\d+ resource_changed")
        .containsPattern("events seen: .*\\d+ resource_deleted")
        .containsPattern("lag from change to event: p50 \\d")
        .contains("from full-sync")
        .contains("./sqlfeed events --store jdbc:sqlite:" + dir.resolve("sqlfeed.db"));
    // Every command it prints for a look at the same run is one the command line takes.
    List<String> commands =
        run.out()
            .lines()
            .filter(line -> line.contains("./sqlfeed "))
            .map(line -> line.substring(line.indexOf("./sqlfeed ") + "./sqlfeed ".length()))
            .toList();
    assertThat(commands).hasSizeGreaterThanOrEqualTo(5);
    for (String command : commands) {
      CommandLine cli =
          Cli.create(
              new CliContext(
                  new PrintWriter(new StringWriter()),
                  new PrintWriter(new StringWriter()),
                  Map.of(),
                  false));
      assertThatCode(() -> cli.parseArgs(command.split(" +")))
          .as("./sqlfeed %s", command)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void aBadDurationIsInvalidInput() {
    CliRun run = CliRun.run("demo", "--duration", "soon", "--dir", dir.toString());

    run.exits(ExitCode.INVALID_INPUT);
    assertThat(run.err()).contains("--duration");
  }
}
