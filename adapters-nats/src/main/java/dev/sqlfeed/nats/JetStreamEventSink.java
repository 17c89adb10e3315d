package dev.sqlfeed.nats;

import dev.sqlfeed.domain.error.SinkException;
import dev.sqlfeed.ports.sink.EventSink;
import dev.sqlfeed.ports.sink.SinkMessage;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamOptions;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Publishes to one JetStream stream, one message at a time, each awaiting its ack: a message is
 * stored only after every message before it was, and the count of acked messages is exact when a
 * publish fails. The event id is the message id ({@link MessageIds}), so the stream drops a message
 * published again within its duplicate window. Connects on first use and after every failure (the
 * client's own reconnection is off, so that nothing buffered during an outage is sent behind the
 * publisher's back); creates the stream when it is missing.
 */
final class JetStreamEventSink implements EventSink {
  private final NatsSinkSettings settings;
  private final NatsLogListener listener;
  private Connection connection;
  private JetStream jetStream;

  JetStreamEventSink(NatsSinkSettings settings) {
    this.settings = settings;
    this.listener = new NatsLogListener(settings.url());
  }

  @Override
  public String name() {
    return "nats:" + settings.stream();
  }

  @Override
  public void publish(List<SinkMessage> messages) {
    int acked = 0;
    try {
      JetStream js = jetStream();
      for (SinkMessage m : messages) {
        PublishOptions options =
            PublishOptions.builder()
                .messageId(MessageIds.of(m.id()))
                .expectedStream(settings.stream())
                .build();
        PublishAck ack =
            js.publish(
                NatsNames.subject(settings.subjectPrefix(), m.app(), m.kind()),
                m.payload().getBytes(StandardCharsets.UTF_8),
                options);
        if (ack.hasError()) {
          throw new IOException(ack.getError());
        }
        acked++;
      }
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      disconnect();
      throw failure("publishing event " + seqAt(messages, acked), acked, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      disconnect();
      throw failure("publishing event " + seqAt(messages, acked), acked, e);
    }
  }

  @Override
  public void close() {
    disconnect();
  }

  @Override
  public String toString() {
    return name() + " at " + settings.url();
  }

  private JetStream jetStream() throws IOException, InterruptedException, JetStreamApiException {
    if (jetStream != null) {
      return jetStream;
    }
    Options options =
        Options.builder()
            .server(settings.url().connect())
            .connectionName("sqlfeed " + settings.app())
            .connectionTimeout(settings.timeout())
            .noReconnect()
            .errorListener(listener)
            .connectionListener(listener)
            .build();
    Connection c = Nats.connect(options);
    try {
      Streams.ensure(c.jetStreamManagement(), settings);
      JetStreamOptions jsOptions =
          JetStreamOptions.builder().requestTimeout(settings.timeout()).build();
      jetStream = c.jetStream(jsOptions);
      connection = c;
      return jetStream;
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  private SinkException failure(String what, int acked, Exception e) {
    String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof TimeoutException || e.getCause() instanceof TimeoutException) {
      cause = "no ack within " + settings.timeout().toMillis() + " ms (" + cause + ")";
    }
    return new SinkException(
        settings
            .url()
            .redact(
                "NATS "
                    + settings.url()
                    + ", stream "
                    + settings.stream()
                    + ": "
                    + what
                    + ": "
                    + cause),
        acked,
        null);
  }

  private static String seqAt(List<SinkMessage> messages, int index) {
    return index < messages.size() ? "seq " + messages.get(index).seq() : "batch";
  }

  private void disconnect() {
    Connection c = connection;
    connection = null;
    jetStream = null;
    if (c != null) {
      closeQuietly(c);
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // Closing a broken connection may fail; the connection is dropped either way.
    }
  }
}
