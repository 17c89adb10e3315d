package dev.sqlfeed.nats;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how one app's events are published.
 *
 * @param url the server
 * @param subjectPrefix the first token(s) of every subject ({@code sqlfeed})
 * @param stream the JetStream stream, created if missing
 * @param app the app whose events are published
 * @param timeout how long to wait for a connection and for each ack
 */
record NatsSinkSettings(
    NatsUrl url, String subjectPrefix, String stream, String app, Duration timeout) {
  NatsSinkSettings {
    Objects.requireNonNull(url, "url");
    NatsNames.checkPrefix(subjectPrefix);
    NatsNames.checkStream(stream);
    Objects.requireNonNull(app, "app");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }
}
