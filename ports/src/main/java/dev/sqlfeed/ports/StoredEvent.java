package dev.sqlfeed.ports;

import dev.sqlfeed.domain.feed.FeedEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * An event as the store keeps it.
 *
 * @param seq its place in the log: gap-free, increasing in commit order, from 1
 * @param app the app whose source read it
 * @param observedAt when the store appended it
 */
public record StoredEvent(long seq, String app, FeedEvent event, Instant observedAt) {
  public StoredEvent {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(observedAt, "observedAt");
  }
}
