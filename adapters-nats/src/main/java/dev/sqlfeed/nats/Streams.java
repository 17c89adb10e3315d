package dev.sqlfeed.nats;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.time.Duration;

/** Creates the sink's stream when the server lacks it; an existing stream is used as it is. */
final class Streams {
  /**
   * How long a stream that sqlfeed creates remembers message ids. The server's default (two
   * minutes) is shorter than a worker may take to restart after a crash between an ack and the
   * stored position; an hour covers that, for the memory of an hour's ids.
   */
  static final Duration DUPLICATE_WINDOW = Duration.ofHours(1);

  private static final int STREAM_NOT_FOUND = 10059;
  private static final int STREAM_NAME_IN_USE = 10058;

  private Streams() {}

  static void ensure(JetStreamManagement jsm, NatsSinkSettings settings)
      throws IOException, JetStreamApiException {
    try {
      jsm.getStreamInfo(settings.stream());
      return;
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
        throw e;
      }
    }
    StreamConfiguration config =
        StreamConfiguration.builder()
            .name(settings.stream())
            .description("sqlfeed events of " + settings.app())
            .subjects(NatsNames.streamSubjects(settings.subjectPrefix(), settings.app()))
            .storageType(StorageType.File)
            .duplicateWindow(DUPLICATE_WINDOW)
            .build();
    try {
      jsm.addStream(config);
    } catch (JetStreamApiException e) {
      // Another worker created it at the same moment: use theirs.
      if (e.getApiErrorCode() != STREAM_NAME_IN_USE) {
        throw e;
      }
    }
  }
}
