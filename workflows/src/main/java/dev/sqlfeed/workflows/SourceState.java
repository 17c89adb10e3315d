package dev.sqlfeed.workflows;

import dev.sqlfeed.domain.feed.CycleState;
import dev.sqlfeed.domain.feed.CycleStateWire;
import java.util.Objects;

/**
 * Everything a source workflow knows that must survive continue-as-new, and what its {@code state}
 * query shows. The cycle itself (committed cursor, running cycle, counters, last error message,
 * paused) is the domain's {@link CycleState} in its wire form; the rest is what only the workflow
 * knows. A wire format (Jackson writes it into history): add components, never rename or remove
 * them.
 *
 * @param cycle the source's scan state
 * @param initialised whether the store's checkpoint was consulted (a new workflow does that once)
 * @param pollRequested whether a {@code pollNow} (or {@code resetCursor}) signal asks for a cycle
 *     before the poll interval is up
 * @param lastFailure the last failure's details; kept after later successes, see {@code
 *     cycle.consecutiveFailures()}
 * @param lastCommitAt when the last cycle ended well, in workflow time; null before
 * @param runs workflow runs so far: 1 + the continue-as-new count
 * @param cursorCheck what the last look for rows with an unreadable cursor found; null before one
 *     ran (a look runs now and then, see {@code CursorChecks})
 * @param lastReset the last reset of the committed cursor; null before any
 */
public record SourceState(
    CycleStateWire cycle,
    boolean initialised,
    boolean pollRequested,
    SourceFailure lastFailure,
    String lastCommitAt,
    long runs,
    CursorCheck cursorCheck,
    LastReset lastReset) {
  public SourceState {
    Objects.requireNonNull(cycle, "cycle");
  }

  // Alike on purpose to ScanResult's constructors: a wire format that grew keeps its older ones.
  /** A state without a reset. */
  public SourceState(
      CycleStateWire cycle,
      boolean initialised,
      boolean pollRequested,
      SourceFailure lastFailure,
      String lastCommitAt,
      long runs,
      CursorCheck cursorCheck) {
    this(cycle, initialised, pollRequested, lastFailure, lastCommitAt, runs, cursorCheck, null);
  }

  /** A state without a look for unreadable cursors. */
  public SourceState(
      CycleStateWire cycle,
      boolean initialised,
      boolean pollRequested,
      SourceFailure lastFailure,
      String lastCommitAt,
      long runs) {
    this(cycle, initialised, pollRequested, lastFailure, lastCommitAt, runs, null);
  }

  /** The state of a workflow that has not yet looked at the store's checkpoint. */
  public static SourceState fresh() {
    return new SourceState(CycleState.initial().toWire(), false, false, null, null, 1);
  }

  /** The state of a workflow that starts from a known scan state, skipping the checkpoint. */
  public static SourceState startingAt(CycleState cycle) {
    return new SourceState(cycle.toWire(), true, false, null, null, 1);
  }
}
