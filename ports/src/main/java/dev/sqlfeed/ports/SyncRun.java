package dev.sqlfeed.ports;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code sync_runs}: a full sync's start, end, outcome and counts.
 *
 * @param startedAt kept to the microsecond, like {@code endedAt}
 * @param endedAt null while the run is in progress
 * @param counts for a succeeded run, the mirror it wrote; for a failed run, what it had staged
 *     (distinct keys) when it ended; zero while it runs
 * @param message null when the run succeeded; otherwise why it failed (never a secret)
 */
public record SyncRun(
    long id,
    String app,
    Instant startedAt,
    Instant endedAt,
    Outcome outcome,
    MirrorCounts counts,
    String message) {

  /** How a run ended. */
  public enum Outcome {
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  public SyncRun {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(counts, "counts");
  }
}
