package dev.sqlfeed.bench.figures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  @TempDir Path out;

  private static final RunInfo INFO =
      new RunInfo(
          "full",
          "bench/run.sh",
          Instant.parse("2026-12-04T15:00:00Z"),
          Instant.parse("2026-12-04T15:31:05Z"),
          "abc123",
          "1.00 2.00 3.00",
          "4.00 5.00 6.00",
          List.of("p1-get-sqlite (attempt 1): sqlfeed: cannot reach Temporal"));

  @Test
  void missedTarget_showsAsNo_withItsHotFrames() {
    Figure missed =
        new Figure(
            "p1.get.sqlite",
            "P1 get",
            "plain read",
            1_000_000,
            50_000,
            "rows/s",
            0.05,
            "≥ 0.25× plain read",
            Verdict.MISSED,
            "12 s wall",
            List.of("40.0 % top: dev.sqlfeed.X.y"));

    String md = Report.markdown(INFO, List.of(missed));

    assertThat(md)
        .contains(
            "| P1 get | plain read | 1,000,000 rows/s | 50,000 rows/s | 0.050× | ≥ 0.25× plain read"
                + " | **no** |")
        .contains("  - `40.0 % top: dev.sqlfeed.X.y`")
        .contains("before 1.00 2.00 3.00, after 4.00 5.00 6.00")
        .contains("31 min 05 s")
        .contains("- p1-get-sqlite (attempt 1): sqlfeed: cannot reach Temporal")
        .contains("abc123");
  }

  @Test
  void figureWithoutRatio_isNullInJson_andADashInMarkdown() throws Exception {
    Figure count =
        new Figure(
            "roundtrips.get",
            "round trips",
            "empty cycle",
            8,
            2.5,
            "transactions",
            Double.NaN,
            "≤ 20 per page",
            Verdict.MET,
            "",
            List.of());

    Report.write(out, INFO, List.of(count, Figure.failed("p6.x", "P6", "failed: no server")));

    JsonNode json = new ObjectMapper().readTree(out.resolve(Report.JSON).toFile());
    assertThat(json.at("/figures/0/ratio").isNull()).isTrue();
    assertThat(json.at("/figures/0/sqlfeed_value").asDouble()).isEqualTo(2.5);
    assertThat(json.at("/figures/1/met").asText()).isEqualTo("failed");
    assertThat(json.at("/figures/1/sqlfeed_value").isNull()).isTrue();
    assertThat(Report.markdown(INFO, List.of(count)))
        .contains("| 8.00 transactions | 2.50 transactions | — | ≤ 20 per page | yes |");
  }
}
