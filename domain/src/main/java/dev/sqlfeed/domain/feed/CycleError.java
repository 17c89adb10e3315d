package dev.sqlfeed.domain.feed;

import java.util.Objects;

/**
 * Why the last failed cycle failed. Kept after later cycles succeed, as a record of the last
 * trouble; {@link CycleCounters#consecutiveFailures()} says whether it is current.
 *
 * @param message what went wrong, in words a user can act on (sqlfeed's errors carry no secrets)
 * @param cycle the ordinal (from 1) of the cycle that failed: the cycles that ended before it, plus
 *     one; retries of the same cycle carry the same ordinal until one ends
 */
public record CycleError(String message, long cycle) {
  public CycleError {
    Objects.requireNonNull(message, "message");
    if (cycle < 1) {
      throw new IllegalArgumentException("cycle ordinals start at 1: " + cycle);
    }
  }
}
