package dev.sqlfeed.workflows;

/**
 * How a source workflow paces itself. A wire format (it travels in the workflow's input and in
 * history): add components, never rename or remove them.
 *
 * @param pollIntervalMillis the wait between two cycles ({@code poll_interval}); a {@code pollNow}
 *     signal cuts it short
 * @param pageSize rows per page ({@code page_size}), handed to the page activity
 * @param cyclesPerRun completed waits after which the workflow continues as new, because the test
 *     server never suggests it and every closed run's history stays in its memory
 * @param pagesPerRun pages after which the workflow continues as new in the middle of a cycle, so
 *     that a large backlog never pushes one run's history past Temporal's limits
 * @param spreadPolls whether the source polls at its own phase of the interval (derived from its
 *     workflow id, see {@code PollPhase}) rather than a whole interval after each cycle, so that
 *     many sources started together do not poll in lockstep; absent (false) in histories from
 *     before it existed
 */
public record SourceSettings(
    long pollIntervalMillis, int pageSize, int cyclesPerRun, int pagesPerRun, boolean spreadPolls) {

  /**
   * Cycles per run when none is given: about a hundred history events for idle cycles. Without
   * sticky execution (the embedded server) every workflow task carries and replays its run's whole
   * history, so an idle cycle's cost grows with the run; ten cycles keep it small at the price of
   * one more workflow task per ten cycles.
   */
  public static final int DEFAULT_CYCLES_PER_RUN = 10;

  /** Pages per run when none is given: about three thousand history events. */
  public static final int DEFAULT_PAGES_PER_RUN = 500;

  public SourceSettings {
    if (pollIntervalMillis < 0) {
      throw new IllegalArgumentException("poll interval must not be negative");
    }
    if (pageSize < 1 || cyclesPerRun < 1 || pagesPerRun < 1) {
      throw new IllegalArgumentException(
          "page size, cycles and pages per run must be positive: "
              + pageSize
              + ", "
              + cyclesPerRun
              + ", "
              + pagesPerRun);
    }
  }

  /** Settings whose waits are a whole interval after each cycle, as before polls were spread. */
  public SourceSettings(long pollIntervalMillis, int pageSize, int cyclesPerRun, int pagesPerRun) {
    this(pollIntervalMillis, pageSize, cyclesPerRun, pagesPerRun, false);
  }

  /** The settings of a source with the default run bounds, its polls spread over the interval. */
  public static SourceSettings of(long pollIntervalMillis, int pageSize) {
    return new SourceSettings(
        pollIntervalMillis, pageSize, DEFAULT_CYCLES_PER_RUN, DEFAULT_PAGES_PER_RUN, true);
  }

  /** These settings with another number of completed waits per run. */
  public SourceSettings withCyclesPerRun(int cycles) {
    return new SourceSettings(pollIntervalMillis, pageSize, cycles, pagesPerRun, spreadPolls);
  }
}
