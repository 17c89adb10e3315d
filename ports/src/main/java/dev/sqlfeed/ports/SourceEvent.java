package dev.sqlfeed.ports;

import dev.sqlfeed.domain.feed.FeedEvent;
import java.util.List;
import java.util.Objects;

/** An event read from a source with the mirror changes it causes. */
public record SourceEvent(FeedEvent event, List<MirrorChange> changes) {
  public SourceEvent {
    Objects.requireNonNull(event, "event");
    changes = List.copyOf(changes);
  }
}
