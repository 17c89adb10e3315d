package dev.sqlfeed.ports.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.error.SinkException;
import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.ports.InMemorySyncStore;
import dev.sqlfeed.ports.MirrorChange;
import dev.sqlfeed.ports.SampleMirror;
import dev.sqlfeed.ports.SourceEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventPublisherTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  private final InMemorySyncStore store = new InMemorySyncStore();
  private final InMemorySinkPositions positions = new InMemorySinkPositions();
  private final RecordingSink sink = new RecordingSink();

  @Test
  void publishesOnlyTheAppsEvents_inSeqOrder_andStoresThePosition() {
    store.writePage("hr", page("hr", 1, 3), Optional.empty());
    store.writePage("payroll", page("payroll", 1, 2), Optional.empty());
    store.writePage("hr", page("hr", 4, 5), Optional.empty());
    EventPublisher publisher = publisher(2);

    assertThat(publisher.publishNext()).isEqualTo(2);
    assertThat(publisher.publishNext()).isEqualTo(2);
    assertThat(publisher.publishNext()).isEqualTo(1);
    assertThat(publisher.publishNext()).isZero();

    assertThat(sink.published.stream().map(SinkMessage::id))
        .containsExactly("hr-e1", "hr-e2", "hr-e3", "hr-e4", "hr-e5");
    assertThat(sink.published.stream().map(SinkMessage::seq)).containsExactly(1L, 2L, 3L, 6L, 7L);
    assertThat(sink.published.get(0).kind()).isEqualTo("grant_created");
    assertThat(sink.published.get(0).payload()).isEqualTo("{\"seq\":1}");
    assertThat(positions.sinkPosition("hr", "test:sink")).isEqualTo(7);
  }

  @Test
  void aNewPublisher_resumesAfterTheStoredPosition() {
    store.writePage("hr", page("hr", 1, 4), Optional.empty());
    publisher(3).publishNext();
    store.writePage("hr", page("hr", 5, 5), Optional.empty());

    RecordingSink second = new RecordingSink();
    EventPublisher restarted = new EventPublisher("hr", store, positions, second, e -> "{}", 100);
    assertThat(restarted.publishNext()).isEqualTo(2);

    assertThat(second.published.stream().map(SinkMessage::id)).containsExactly("hr-e4", "hr-e5");
  }

  @Test
  void aFailureHalfWay_storesTheAcknowledgedPart_andTheNextCallResumesAfterIt() {
    store.writePage("hr", page("hr", 1, 5), Optional.empty());
    sink.failAfter = 2;
    EventPublisher publisher = publisher(10);

    assertThatThrownBy(publisher::publishNext)
        .isInstanceOf(SinkException.class)
        .hasMessageContaining("broker down");
    assertThat(publisher.position()).isEqualTo(2);

    sink.failAfter = -1;
    assertThat(publisher.publishNext()).isEqualTo(3);
    assertThat(sink.published.stream().map(SinkMessage::id))
        .containsExactly("hr-e1", "hr-e2", "hr-e3", "hr-e4", "hr-e5");
  }

  @Test
  void aFailureBeforeAnyAck_leavesThePosition() {
    store.writePage("hr", page("hr", 1, 2), Optional.empty());
    sink.failAfter = 0;

    assertThatThrownBy(publisher(10)::publishNext).isInstanceOf(SinkException.class);

    assertThat(positions.sinkPosition("hr", "test:sink")).isZero();
  }

  private EventPublisher publisher(int batchSize) {
    return new EventPublisher(
        "hr", store, positions, sink, e -> "{\"seq\":" + e.seq() + "}", batchSize);
  }

  private static List<SourceEvent> page(String app, int from, int to) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(
            i -> {
              Grant g = SampleMirror.grant("team", "ops", "member", app + i);
              return new SourceEvent(
                  new FeedEvent.GrantCreated(
                      app + "-e" + i,
                      "team.grants",
                      g.resource(),
                      g.entitlement(),
                      g.principal(),
                      T0),
                  List.of(new MirrorChange.PutGrant(g)));
            })
        .toList();
  }

  /** Records what it publishes; fails after {@code failAfter} messages when that is not -1. */
  private static final class RecordingSink implements EventSink {
    final List<SinkMessage> published = new ArrayList<>();
    int failAfter = -1;

    @Override
    public String name() {
      return "test:sink";
    }

    @Override
    public void publish(List<SinkMessage> messages) {
      int acked = 0;
      for (SinkMessage m : messages) {
        if (failAfter >= 0 && acked == failAfter) {
          throw new SinkException("broker down", acked, null);
        }
        published.add(m);
        acked++;
      }
    }

    @Override
    public void close() {}
  }
}
