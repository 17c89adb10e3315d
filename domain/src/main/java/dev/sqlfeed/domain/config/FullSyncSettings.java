package dev.sqlfeed.domain.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The top-level {@code full_sync} section: when a worker runs a full sync with reconciliation by
 * itself.
 *
 * @param interval {@code interval}: the time between two scheduled full syncs; empty (the default)
 *     runs them only on demand
 */
public record FullSyncSettings(Optional<Duration> interval) {
  /** No schedule: full syncs run only on demand. */
  public static final FullSyncSettings OFF = new FullSyncSettings(Optional.empty());

  public FullSyncSettings {
    Objects.requireNonNull(interval, "interval");
    if (interval.isPresent() && (interval.get().isNegative() || interval.get().isZero())) {
      throw new IllegalArgumentException("a full sync interval must be positive: " + interval);
    }
  }
}
