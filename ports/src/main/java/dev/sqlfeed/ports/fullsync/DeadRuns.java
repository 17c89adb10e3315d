package dev.sqlfeed.ports.fullsync;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The rule that tells a running full sync left behind by a dead process, which a new full sync of
 * its app then marks as failed (the store applies it; see {@code SyncStore#beginFullSync}). A run
 * that this store object runs is alive. Another is dead when the lock its process holds for the
 * run's life is free (the process is gone, however it died), or when its last sign of life (start,
 * put, page of differences) is older than {@link #ABANDONED_AFTER}: a run of a live process shows
 * one at least every few thousand records, and a run with no lock (H2, in-memory SQLite, or
 * recorded before the store kept locks) has only that to tell.
 */
public final class DeadRuns {
  /**
   * How long a running run of another process may show no sign of life before a new full sync of
   * its app takes it for dead, whether or not it holds its lock.
   */
  public static final Duration ABANDONED_AFTER = Duration.ofHours(1);

  private DeadRuns() {}

  /**
   * Why the run is dead, as the end of the message recorded with it, or empty while it may be
   * alive.
   *
   * @param lockFree whether the run's lock is free; asked only for a run that has one
   */
  public static Optional<String> why(
      boolean runHere, boolean hasLock, BooleanSupplier lockFree, Instant lastSign, Instant now) {
    if (runHere) {
      return Optional.empty();
    }
    if (hasLock && lockFree.getAsBoolean()) {
      return Optional.of("; its process is gone (the run's lock is free)");
    }
    if (lastSign.isBefore(now.minus(ABANDONED_AFTER))) {
      return Optional.of(" (its process stopped before the run ended)");
    }
    return Optional.empty();
  }
}
