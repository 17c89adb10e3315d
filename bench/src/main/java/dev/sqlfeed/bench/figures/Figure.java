package dev.sqlfeed.bench.figures;

import java.util.List;
import java.util.Objects;

/**
 * One row of the report: a workload measured beside its baseline in the same run.
 *
 * @param id a stable key (the JSON's and the smoke test's), e.g. {@code p1.get.sqlite}
 * @param workload what sqlfeed did
 * @param baselineLabel what the baseline did
 * @param baseline the baseline's figure, NaN where the workload has none
 * @param sqlfeed sqlfeed's figure
 * @param unit the unit of both figures
 * @param ratio sqlfeed against the baseline, in the sense the target states, NaN where none
 * @param target the target, in words, or empty
 * @param verdict whether the target is met
 * @param note what else the run showed (a count, a process's threads, an error)
 * @param hotFrames for a missed target: the top frames of the workload's profile
 */
public record Figure(
    String id,
    String workload,
    String baselineLabel,
    double baseline,
    double sqlfeed,
    String unit,
    double ratio,
    String target,
    Verdict verdict,
    String note,
    List<String> hotFrames) {

  public Figure {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(baselineLabel, "baselineLabel");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(verdict, "verdict");
    note = note == null ? "" : note;
    hotFrames = List.copyOf(hotFrames);
  }

  /** The same figure with a profile's top frames. */
  public Figure withHotFrames(List<String> frames) {
    return new Figure(
        id, workload, baselineLabel, baseline, sqlfeed, unit, ratio, target, verdict, note, frames);
  }

  /** A workload that could not be measured: the report says why instead of a figure. */
  public static Figure failed(String id, String workload, String why) {
    return new Figure(
        id,
        workload,
        "",
        Double.NaN,
        Double.NaN,
        "",
        Double.NaN,
        "",
        Verdict.FAILED,
        why,
        List.of());
  }
}
