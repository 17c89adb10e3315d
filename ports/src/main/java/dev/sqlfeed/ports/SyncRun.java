package dev.sqlfeed.ports;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code sync_runs}: a full sync's start, end, outcome and counts.
 *
 * @param startedAt kept to the microsecond, like {@code endedAt}
 * @param endedAt null while the run is in progress
 * @param counts for a succeeded run, the mirror it read (and made the app's mirror); for a failed
 *     run, what it had staged (distinct keys) when it ended; zero while it runs
 * @param message null when the run succeeded; otherwise why it failed (never a secret)
 * @param reconciled the differences it found and applied as events ({@link
 *     ReconcileCounts#BASELINE} for an app's first full sync); for a run that failed while
 *     reconciling, those applied before it failed; {@link ReconcileCounts#NONE} while it runs. Null
 *     (from a producer that predates it) reads as {@code NONE}.
 */
public record SyncRun(
    long id,
    String app,
    Instant startedAt,
    Instant endedAt,
    Outcome outcome,
    MirrorCounts counts,
    String message,
    ReconcileCounts reconciled) {

  /** How a run ended. */
  public enum Outcome {
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** Stopped by a signal (Ctrl-C, SIGTERM) before it ended; its staged rows were dropped. */
    INTERRUPTED;

    /** How a run that ended with {@code message} (null: none) ended. */
    public static Outcome ofEnd(String message) {
      if (message == null) {
        return SUCCEEDED;
      }
      return message.startsWith(INTERRUPTED_MESSAGE) ? INTERRUPTED : FAILED;
    }
  }

  /**
   * How the message of an interrupted run begins: a store records a run that fails with such a
   * message as {@link Outcome#INTERRUPTED}, so that {@link FullSyncWrite#fail} serves both.
   */
  public static final String INTERRUPTED_MESSAGE = "interrupted";

  public SyncRun {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(counts, "counts");
    reconciled = reconciled == null ? ReconcileCounts.NONE : reconciled;
  }

  /** A run without reconciliation counts ({@link ReconcileCounts#NONE}). */
  public SyncRun(
      long id,
      String app,
      Instant startedAt,
      Instant endedAt,
      Outcome outcome,
      MirrorCounts counts,
      String message) {
    this(id, app, startedAt, endedAt, outcome, counts, message, ReconcileCounts.NONE);
  }
}
