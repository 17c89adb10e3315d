package dev.sqlfeed.bench.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Sets two soaks side by side, the baseline (recycling off) first, and prints how much the
 * candidate's heap and RSS grew relative to the baseline's growth.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.sqlfeed.bench.soak.SoakCompare never.csv recycle.csv
 * </pre>
 */
public final class SoakCompare {
  private SoakCompare() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: SoakCompare BASELINE.csv CANDIDATE.csv");
    }
    SoakSummary baseline = read(Path.of(args[0]));
    SoakSummary candidate = read(Path.of(args[1]));
    System.out.print(baseline.table("baseline: " + args[0]));
    System.out.print(candidate.table("candidate: " + args[1]));
    System.out.print(ratios(baseline, candidate));
  }

  static String ratios(SoakSummary baseline, SoakSummary candidate) {
    return String.format(
        Locale.ROOT,
        "growth ratio candidate/baseline: heap %.2f, RSS %.2f; max ratio: heap %.2f, RSS %.2f%n",
        SoakSummary.growthRatio(candidate.heapGrowth(), baseline.heapGrowth()),
        SoakSummary.growthRatio(candidate.rssGrowth(), baseline.rssGrowth()),
        (double) candidate.maxHeap() / baseline.maxHeap(),
        (double) candidate.maxRss() / baseline.maxRss());
  }

  private static SoakSummary read(Path file) throws IOException {
    List<MemorySample> samples =
        Files.readAllLines(file).stream()
            .filter(line -> !line.isBlank())
            .map(MemorySample::parse)
            .toList();
    return new SoakSummary(samples);
  }
}
