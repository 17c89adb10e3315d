package dev.sqlfeed.nats;

import dev.sqlfeed.domain.error.ConfigException;
import dev.sqlfeed.ports.sink.EventSink;
import java.time.Duration;
import java.util.Optional;

/** Builds NATS JetStream sinks; the only public type of the adapter. */
public final class NatsSinks {
  /** The subject prefix when none is given. */
  public static final String DEFAULT_SUBJECT_PREFIX = "sqlfeed";

  /** How long to wait for a connection and for each ack when no timeout is given. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private NatsSinks() {}

  /**
   * A sink publishing {@code app}'s events to {@code <subjectPrefix>.<app>.<kind>} in {@code
   * stream} (default {@code SQLFEED_<APP>}) on the server at {@code url}. Connects on first
   * publish, not here.
   *
   * @throws ConfigException naming the option, for a malformed URL, prefix or stream name
   */
  public static EventSink jetStream(
      String url, String subjectPrefix, Optional<String> stream, String app, Duration timeout) {
    NatsUrl parsed;
    try {
      parsed = NatsUrl.parse(url);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--publish: " + e.getMessage());
    }
    try {
      NatsNames.checkPrefix(subjectPrefix);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--publish-subject-prefix: " + e.getMessage());
    }
    String streamName = stream.orElseGet(() -> NatsNames.defaultStream(app));
    try {
      NatsNames.checkStream(streamName);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--publish-stream: " + e.getMessage());
    }
    return new JetStreamEventSink(
        new NatsSinkSettings(parsed, subjectPrefix, streamName, app, timeout));
  }

  /** The stream a sink of {@code app} publishes to when none is named: {@code SQLFEED_<APP>}. */
  public static String defaultStream(String app) {
    return NatsNames.defaultStream(app);
  }

  /** {@code text} with the user info of every URL in it replaced by {@code ***}. */
  public static String redact(String text) {
    return NatsUrl.redactAny(text);
  }
}
