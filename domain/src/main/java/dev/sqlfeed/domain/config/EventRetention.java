package dev.sqlfeed.domain.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The top-level {@code events.retention} section (a sqlfeed extension): how long a worker keeps the
 * app's events in the store's log. An event goes once either rule says so, and never before every
 * sink of the app has published it.
 *
 * @param maxAge {@code max_age}: events observed longer ago go; empty keeps them whatever their age
 * @param maxEvents {@code max_events}: all but the app's newest this many go; empty keeps them
 *     whatever their number
 */
public record EventRetention(Optional<Duration> maxAge, OptionalLong maxEvents) {
  /** No retention: the log keeps every event (the default). */
  public static final EventRetention KEEP_ALL =
      new EventRetention(Optional.empty(), OptionalLong.empty());

  public EventRetention {
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(maxEvents, "maxEvents");
    if (maxAge.isPresent() && (maxAge.get().isNegative() || maxAge.get().isZero())) {
      throw new IllegalArgumentException("a maximum age must be positive: " + maxAge.get());
    }
    if (maxEvents.isPresent() && maxEvents.getAsLong() < 1) {
      throw new IllegalArgumentException("a maximum count must be positive: " + maxEvents);
    }
  }

  /** Whether either rule is set. */
  public boolean prunes() {
    return maxAge.isPresent() || maxEvents.isPresent();
  }
}
