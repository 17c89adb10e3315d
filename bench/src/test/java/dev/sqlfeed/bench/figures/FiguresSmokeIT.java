package dev.sqlfeed.bench.figures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqlfeed.bench.db.BenchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures command end to end in its smoke mode: every workload runs the real CLI jar against a
 * real PostgreSQL and writes its row. Its figures are not checked (speed is shown by the full run,
 * never asserted by a test), only that every row is there and measured. Needs the worker's jar,
 * which the reactor builds before this module.
 */
class FiguresSmokeIT {
  private static final Path JAR = Path.of("../worker/target/sqlfeed.jar");

  @TempDir Path out;

  @Test
  void smokeRun_writesBenchmarksMdAndJson_withEveryWorkloadMeasured() throws Exception {
    requirePostgres();
    assertThat(JAR).as("the CLI jar (./mvnw package -pl worker -am)").isRegularFile();

    int exit = FiguresRun.run("--smoke", "--out", out.toString(), "--jar", JAR.toString());

    String markdown = Files.readString(out.resolve("BENCHMARKS.md"));
    JsonNode json = new ObjectMapper().readTree(out.resolve("benchmarks.json").toFile());
    List<String> ids = new ArrayList<>();
    for (JsonNode figure : json.get("figures")) {
      ids.add(figure.get("id").asText());
      assertThat(figure.get("met").asText()).as(figure.toString()).isNotEqualTo("failed");
      assertThat(figure.get("sqlfeed_value").isNumber()).as(figure.toString()).isTrue();
      assertThat(markdown).contains("`" + figure.get("id").asText() + "`");
      assertThat(markdown).contains("| " + figure.get("workload").asText() + " |");
    }
    assertThat(ids).containsExactlyElementsOf(FiguresRun.ids());
    assertThat(exit).isZero();
    assertThat(json.get("mode").asText()).isEqualTo("smoke");
    assertThat(json.at("/machine/cores").asInt()).isPositive();
    assertThat(markdown).contains("load average").contains("git commit").contains("--smoke");
  }

  private static void requirePostgres() {
    try {
      BenchDatabase.create(BenchDatabase.Kind.POSTGRES).close();
    } catch (IllegalStateException e) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw e;
      }
      Assumptions.abort("no PostgreSQL server: " + e.getMessage());
    }
  }
}
