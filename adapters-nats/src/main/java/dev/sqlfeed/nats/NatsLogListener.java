package dev.sqlfeed.nats;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's errors and connection events, logged through SLF4J with credentials removed (the
 * client's own default listener writes to java.util.logging, in its own words).
 */
final class NatsLogListener implements ErrorListener, ConnectionListener {
  private static final Logger LOG = LoggerFactory.getLogger(NatsLogListener.class);

  private final NatsUrl url;

  NatsLogListener(NatsUrl url) {
    this.url = url;
  }

  @Override
  public void errorOccurred(Connection conn, String error) {
    LOG.warn("NATS {}: {}", url, url.redact(error));
  }

  @Override
  public void exceptionOccurred(Connection conn, Exception exp) {
    LOG.debug("NATS {}: {}", url, url.redact(String.valueOf(exp)));
  }

  @Override
  public void connectionEvent(Connection conn, Events type) {
    LOG.debug("NATS {}: {}", url, type.getEvent());
  }
}
