package dev.sqlfeed.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SoakSummaryTest {
  private static final SoakSummary GROWING =
      new SoakSummary(
          List.of(
              new MemorySample(4, 20_000_000, 200_000_000, 5),
              new MemorySample(1_000, 90_000_000, 400_000_000, 60),
              new MemorySample(2_000, 60_000_000, 350_000_000, 120)));

  @Test
  void summary_takesFirstLastAndMax_ofHeapAndRss() {
    assertThat(GROWING.first().cycles()).isEqualTo(4);
    assertThat(GROWING.last().cycles()).isEqualTo(2_000);
    assertThat(GROWING.maxHeap()).isEqualTo(90_000_000);
    assertThat(GROWING.maxRss()).isEqualTo(400_000_000);
    assertThat(GROWING.heapGrowth()).isEqualTo(40_000_000);
    assertThat(GROWING.rssGrowth()).isEqualTo(150_000_000);
  }

  @Test
  void table_listsEverySample_thenTheSummaryLine() {
    String table = GROWING.table("title");

    assertThat(table.lines()).hasSize(6);
    assertThat(table).contains("      1000       90.0      400.0        60");
    assertThat(table)
        .contains("heap MB first 20.0 last 60.0 max 90.0 growth +40.0")
        .contains("RSS MB first 200.0 last 350.0 max 400.0 growth +150.0");
  }

  @Test
  void growthRatio_isCandidateOverBaseline_andUndefinedWhenTheBaselineDidNotGrow() {
    assertThat(SoakSummary.growthRatio(10, 40)).isEqualTo(0.25);
    assertThat(SoakSummary.growthRatio(-5, 40)).isEqualTo(-0.125);
    assertThat(SoakSummary.growthRatio(10, 0)).isNaN();
    assertThat(SoakSummary.growthRatio(10, -3)).isNaN();
  }

  @Test
  void compare_printsTheRatiosOfGrowthAndOfMaxima() {
    SoakSummary flat =
        new SoakSummary(
            List.of(
                new MemorySample(4, 20_000_000, 200_000_000, 5),
                new MemorySample(2_000, 30_000_000, 230_000_000, 120)));

    assertThat(SoakCompare.ratios(GROWING, flat))
        .isEqualTo(
            "growth ratio candidate/baseline: heap 0.25, RSS 0.20; max ratio: heap 0.33, RSS"
                + " 0.58\n");
  }

  @Test
  void sample_survivesItsCsvLine_andRejectsOtherLines() {
    MemorySample sample = new MemorySample(5_000, 72_000_000, 310_000_000, 400);

    assertThat(MemorySample.parse(sample.csv())).isEqualTo(sample);
    assertThatThrownBy(() -> MemorySample.parse("5000,72"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5000,72");
    assertThatThrownBy(() -> new MemorySample(-1, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void summary_needsASample() {
    assertThatThrownBy(() -> new SoakSummary(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
