package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.feed.EventFeed;
import java.util.LinkedHashMap;
import java.util.Map;

/** Binds the top-level {@code event_feeds} section. */
final class EventFeedBinding {
  private EventFeedBinding() {}

  static Map<String, EventFeed> bind(Section top, IncrementalBinding.Defaults defaults) {
    // Bound in a later change; until then the section's key is accepted and ignored.
    return new LinkedHashMap<>();
  }
}
