package dev.sqlfeed.ports.sink;

import java.util.Objects;

/**
 * One event of the log as a sink publishes it.
 *
 * @param seq the event's seq in the log
 * @param app the app whose source read it
 * @param id the event id: a sink that can deduplicate uses it as the message id
 * @param kind the event kind ({@code resource_changed}, {@code grant_created} ...)
 * @param payload the event as one JSON object, as {@code sqlfeed events} prints it
 */
public record SinkMessage(long seq, String app, String id, String kind, String payload) {
  public SinkMessage {
    if (seq <= 0) {
      throw new IllegalArgumentException("seq must be positive: " + seq);
    }
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(payload, "payload");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("id must not be empty");
    }
  }
}
