package dev.sqlfeed.ports.sink;

import dev.sqlfeed.domain.error.SinkException;
import dev.sqlfeed.ports.EventLog;
import dev.sqlfeed.ports.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Publishes one app's events to a sink in seq order, a batch at a time, and stores the sink's
 * position after each batch (or after the part of it the broker acknowledged, should it fail
 * half-way). Events are read from the log after the stored position, so a restarted publisher
 * neither skips nor, beyond what the broker deduplicates, repeats an event. Its first call stores
 * position 0 if the sink has none, so that from then on pruning keeps every event the sink has not
 * published (see {@link dev.sqlfeed.ports.EventPruner}).
 */
public final class EventPublisher {
  private final String app;
  private final EventLog log;
  private final SinkPositions positions;
  private final EventSink sink;
  private final Function<StoredEvent, String> payload;
  private final int batchSize;
  private boolean registered;

  /**
   * @param payload the JSON object published for an event
   * @param batchSize how many events are read and published between two stored positions
   */
  public EventPublisher(
      String app,
      EventLog log,
      SinkPositions positions,
      EventSink sink,
      Function<StoredEvent, String> payload,
      int batchSize) {
    this.app = Objects.requireNonNull(app, "app");
    this.log = Objects.requireNonNull(log, "log");
    this.positions = Objects.requireNonNull(positions, "positions");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.payload = Objects.requireNonNull(payload, "payload");
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
    }
    this.batchSize = batchSize;
  }

  /**
   * Publishes the next batch of events after the sink's position and stores the new position.
   *
   * @return how many events were published: 0 when the sink has every event of the log
   * @throws SinkException if the broker failed; the acknowledged part of the batch is stored first
   */
  public int publishNext() {
    if (!registered) {
      // A position row from the start, even before the first ack: pruning keeps what it guards.
      positions.saveSinkPosition(app, sink.name(), 0);
      registered = true;
    }
    long position = positions.sinkPosition(app, sink.name());
    List<StoredEvent> events = log.events(Optional.of(app), position, batchSize);
    if (events.isEmpty()) {
      return 0;
    }
    List<SinkMessage> messages = new ArrayList<>(events.size());
    for (StoredEvent e : events) {
      messages.add(
          new SinkMessage(e.seq(), app, e.event().id(), e.event().kind(), payload.apply(e)));
    }
    try {
      sink.publish(messages);
    } catch (SinkException e) {
      if (e.published() > 0) {
        positions.saveSinkPosition(app, sink.name(), messages.get(e.published() - 1).seq());
      }
      throw e;
    }
    positions.saveSinkPosition(app, sink.name(), messages.get(messages.size() - 1).seq());
    return messages.size();
  }

  /** The sink's stored position for the app. */
  public long position() {
    return positions.sinkPosition(app, sink.name());
  }

  /** The name of the sink it publishes to, without credentials. */
  public String sinkName() {
    return sink.name();
  }
}
