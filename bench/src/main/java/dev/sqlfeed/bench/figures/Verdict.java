package dev.sqlfeed.bench.figures;

// Alike on purpose to KeyValue.Type and EventKind: enums cannot share a text field, and these
// are BENCHMARKS.md's table cells.
/** Whether a figure meets its target. */
public enum Verdict {
  MET("yes"),
  MISSED("**no**"),
  NO_TARGET("—"),
  /** The workload did not run to its end; the note says why. */
  FAILED("**failed**");

  private final String cell;

  Verdict(String cell) {
    this.cell = cell;
  }

  /** How BENCHMARKS.md's table shows it. */
  public String cell() {
    return cell;
  }

  /** MET when the condition holds, MISSED otherwise. */
  public static Verdict of(boolean met) {
    return met ? MET : MISSED;
  }
}
