package dev.sqlfeed.ports.sink;

import java.util.List;

/**
 * A broker that events are published to (NATS JetStream; Kafka could be another).
 *
 * <p>Ordering: {@link #publish} sends the messages in list order and returns only when the broker
 * has acknowledged every one of them, so a message is never stored after one that follows it in the
 * list. Idempotency: a sink uses the message's {@link SinkMessage#id()} as the broker's message id
 * where the broker deduplicates, so publishing a message again after a crash (acknowledged, but its
 * position not yet stored) stores it once. Errors: a broker that cannot be reached, refuses a
 * message or does not acknowledge it in time throws {@link dev.sqlfeed.domain.error.SinkException},
 * which counts the messages acknowledged before the failure; its message never carries credentials.
 * Not required to be thread-safe: one publisher uses a sink at a time.
 */
public interface EventSink extends AutoCloseable {
  /**
   * The destination's name, stable across restarts and free of credentials (such as {@code
   * nats:SQLFEED_HR}): the key under which its position is stored.
   */
  String name();

  /**
   * Publishes {@code messages} in order, waiting for each acknowledgement. Connects first if need
   * be, and creates what the broker needs (a stream) if it is missing.
   */
  void publish(List<SinkMessage> messages);

  /** Disconnects; publishing again reconnects. */
  @Override
  void close();
}
