package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.EventRetention;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Binds the top-level {@code events} section, a sqlfeed extension: {@code retention} with {@code
 * max_age} (a duration in Go's form) and {@code max_events} (a positive integer). Without it the
 * log keeps every event.
 */
final class EventsBinding {
  static final KeySet KEYS = KeySet.of("retention");
  static final KeySet RETENTION = KeySet.of("max_age", "max_events");

  private EventsBinding() {}

  static EventRetention bind(Section top) {
    Optional<Section> retention =
        top.section("events", KEYS).flatMap(events -> events.section("retention", RETENTION));
    if (retention.isEmpty()) {
      return EventRetention.KEEP_ALL;
    }
    Section r = retention.get();
    Optional<Duration> maxAge = r.duration("max_age");
    if (maxAge.isPresent() && maxAge.get().isZero()) {
      r.binding.error(
          r.scalar("max_age").orElseThrow().location(),
          r.pathOf("max_age"),
          "must be greater than zero; leave it out to keep events whatever their age");
      maxAge = Optional.empty();
    }
    Optional<Integer> maxEvents = r.integer("max_events");
    if (maxEvents.isPresent() && maxEvents.get() < 1) {
      r.binding.error(
          r.scalar("max_events").orElseThrow().location(),
          r.pathOf("max_events"),
          "must be at least 1, found "
              + maxEvents.get()
              + "; leave it out to keep events whatever their number");
      maxEvents = Optional.empty();
    }
    if (r.node.entries().isEmpty()) {
      r.binding.error(
          r.at,
          r.path,
          "needs max_age, max_events or both; leave retention out to keep every event");
    }
    return new EventRetention(
        maxAge, maxEvents.map(n -> OptionalLong.of(n)).orElse(OptionalLong.empty()));
  }
}
