package dev.sqlfeed.nats.testing;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * The real NATS server with JetStream the tests publish to: {@code SQLFEED_TEST_NATS_URL}, default
 * {@code nats://127.0.0.1:4222} (what {@code .ci/databases} starts). When nothing answers there the
 * test is skipped, except under {@code CI=true}, where it fails: CI must never pass by skipping.
 * Tests use app names of their own ({@link #uniqueApp}) and delete only the streams they created.
 */
// A client Connection may throw InterruptedException on close; the tests let it propagate.
@SuppressWarnings("try")
public final class NatsTestServer {
  private NatsTestServer() {}

  /** The server's URL, once it answers. */
  public static String url() {
    String url = System.getenv().getOrDefault("SQLFEED_TEST_NATS_URL", "nats://127.0.0.1:4222");
    URI uri = URI.create(url);
    int port = uri.getPort() < 0 ? 4222 : uri.getPort();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), port), 2000);
    } catch (IOException e) {
      String message =
          "no NATS server for the tests at "
              + uri.getHost()
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "); run .ci/databases, or set SQLFEED_TEST_NATS_URL";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(message + "; under CI=true this is a failure, not a skip");
      }
      Assumptions.abort(message);
    }
    return url;
  }

  /** An app name no other test run uses, so that its subjects and stream are its own. */
  public static String uniqueApp(String base) {
    return base + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
  }

  /** A plain client connection to the test server, for reading back what a test published. */
  public static Connection connect() throws IOException, InterruptedException {
    return Nats.connect(url());
  }

  /** Every message of {@code stream}, in stream order; empty if there is no such stream. */
  public static List<MessageInfo> messages(Connection c, String stream)
      throws IOException, JetStreamApiException {
    StreamInfo info;
    try {
      info = c.jetStreamManagement().getStreamInfo(stream);
    } catch (JetStreamApiException e) {
      return List.of();
    }
    List<MessageInfo> result = new ArrayList<>();
    long first = info.getStreamState().getFirstSequence();
    long last = info.getStreamState().getLastSequence();
    for (long seq = first; seq <= last && info.getStreamState().getMsgCount() > 0; seq++) {
      result.add(c.jetStreamManagement().getMessage(stream, seq));
    }
    return result;
  }

  /** Deletes a stream the test created; a missing one is fine. */
  public static void deleteStream(String stream) {
    try (Connection c = Nats.connect(url())) {
      c.jetStreamManagement().deleteStream(stream);
    } catch (JetStreamApiException | IOException e) {
      // Not there: nothing to clean up.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the server has {@code stream}. */
  public static boolean hasStream(String stream) throws IOException, InterruptedException {
    try (Connection c = Nats.connect(url())) {
      c.jetStreamManagement().getStreamInfo(stream);
      return true;
    } catch (JetStreamApiException e) {
      return false;
    }
  }
}
