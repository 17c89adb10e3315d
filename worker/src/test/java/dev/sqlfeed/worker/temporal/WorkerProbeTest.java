package dev.sqlfeed.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.temporal.api.taskqueue.v1.PollerInfo;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerProbeTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  private static PollerInfo poller(String identity, Instant lastAccess) {
    return PollerInfo.newBuilder()
        .setIdentity(identity)
        .setLastAccessTime(
            Timestamp.newBuilder()
                .setSeconds(lastAccess.getEpochSecond())
                .setNanos(lastAccess.getNano())
                .build())
        .build();
  }

  @Test
  void nothingListening_isFoundOutWellUnderASecond() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }

    long start = System.nanoTime();
    var found = WorkerProbe.find("127.0.0.1:" + port, "default", "sqlfeed", "acme", List.of());

    assertThat(found).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
  }

  @Test
  void aServerThatIsNotTemporal_isNoWorker() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      var found =
          WorkerProbe.find(
              "127.0.0.1:" + s.getLocalPort(), "default", "sqlfeed", "acme", List.of());

      assertThat(found).isEmpty();
    }
  }

  @Test
  void aRecentPollerOfTheApp_isAWorker() {
    List<PollerInfo> pollers =
        List.of(
            poller("4242@host", NOW),
            poller(TemporalConnection.workerIdentity("acme"), NOW.minusSeconds(30)));

    assertThat(WorkerProbe.hasLiveWorker(pollers, "acme", NOW)).isTrue();
  }

  @Test
  void pollersOfAnotherApp_orLongGone_areNoWorker() {
    List<PollerInfo> pollers =
        List.of(
            poller(TemporalConnection.workerIdentity("billing"), NOW),
            poller(TemporalConnection.workerIdentity("acme"), NOW.minus(Duration.ofMinutes(5))),
            poller(TemporalConnection.workerIdentity("acme-legacy"), NOW));

    assertThat(WorkerProbe.hasLiveWorker(pollers, "acme", NOW)).isFalse();
  }
}
