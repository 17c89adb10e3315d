package dev.sqlfeed.ports;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What to prune from the event log: the events observed before {@code observedBefore} and those not
 * among the newest {@code keep}, whichever rule removes more (an absent rule removes nothing), but
 * never an event above {@code ceilingSeq} (a sink's stored position, so that no event is pruned
 * before it was published). The log's seqs and observed times rise together, so what is pruned is
 * always the log's oldest events.
 *
 * <p>With an {@code app}, both rules count that app's events only and only its events go: one app's
 * retention never removes another's events from a shared store.
 *
 * @param observedBefore prune events observed strictly before this instant
 * @param keep keep at least this many of the newest events (not negative)
 * @param ceilingSeq prune no event with a greater seq ({@link Long#MAX_VALUE} for no limit)
 * @param app the app whose events to prune; empty for every app's
 */
public record EventPrune(
    Optional<Instant> observedBefore, OptionalLong keep, long ceilingSeq, Optional<String> app) {
  public EventPrune {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(observedBefore, "observedBefore");
    Objects.requireNonNull(keep, "keep");
    if (keep.isPresent() && keep.getAsLong() < 0) {
      throw new IllegalArgumentException("keep must not be negative: " + keep.getAsLong());
    }
    if (ceilingSeq < 0) {
      throw new IllegalArgumentException("ceilingSeq must not be negative: " + ceilingSeq);
    }
  }

  /** A prune of every app's events. */
  public EventPrune(Optional<Instant> observedBefore, OptionalLong keep, long ceilingSeq) {
    this(observedBefore, keep, ceilingSeq, Optional.empty());
  }

  /** Whether either rule is given; a prune without one removes nothing. */
  public boolean hasRule() {
    return observedBefore.isPresent() || keep.isPresent();
  }
}
