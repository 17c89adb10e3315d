package dev.sqlfeed.workflows;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Scans one incremental source, cycle after cycle: pages through the rows whose cursor moved,
 * commits the cursor when the window is exhausted, waits for the poll interval. One workflow per
 * source, id {@code sqlfeed/<app>/<source key>} (see {@link SourceWorkflows}), so Temporal itself
 * refuses a second concurrent scan of a source.
 *
 * <p>The names below are in histories: never change them.
 */
@WorkflowInterface
public interface SourceWorkflow {
  /**
   * Runs until cancelled or terminated; with {@link SourceInput#once()}, until one cycle has
   * committed or failed, returning the final state.
   */
  @WorkflowMethod(name = "SourceWorkflow")
  SourceState run(SourceInput input);

  /** Starts a cycle now instead of at the end of the wait (after the running one, if any). */
  @SignalMethod(name = "pollNow")
  void pollNow();

  /** Holds the scans: a running cycle stops after its current page, and no new one starts. */
  @SignalMethod(name = "pause")
  void pause();

  /** Lets the scans go on: a held cycle continues, otherwise a new one starts. */
  @SignalMethod(name = "resume")
  void resume();

  /**
   * Sets the committed cursor to a timestamp (ISO-8601; without a zone, UTC) and starts a new cycle
   * from there, abandoning a running one. The store's checkpoint follows at that cycle's commit. An
   * unreadable timestamp is ignored and shown as the last failure.
   */
  @SignalMethod(name = "resetCursor")
  void resetCursor(String timestamp);

  /**
   * {@link #resetCursor} on behalf of someone: the same reset, recorded with who asked as the
   * state's {@link SourceState#lastReset()} (as every reset is, this one with its author).
   */
  @SignalMethod(name = "resetCursorBy")
  void resetCursorBy(CursorReset reset);

  /** Replaces the pacing, as {@code sqlfeed run} does when the config changed. */
  @SignalMethod(name = "updateSettings")
  void updateSettings(SourceSettings settings);

  /** The committed cursor, the running cycle's position, counters, last error, paused. */
  @QueryMethod(name = "state")
  SourceStatus state();
}
