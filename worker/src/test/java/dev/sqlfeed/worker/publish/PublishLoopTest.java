package dev.sqlfeed.worker.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.error.SinkException;
import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.ports.InMemorySyncStore;
import dev.sqlfeed.ports.MirrorChange;
import dev.sqlfeed.ports.SampleMirror;
import dev.sqlfeed.ports.SourceEvent;
import dev.sqlfeed.ports.sink.EventPublisher;
import dev.sqlfeed.ports.sink.EventSink;
import dev.sqlfeed.ports.sink.InMemorySinkPositions;
import dev.sqlfeed.ports.sink.SinkMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PublishLoopTest {
  private static final PublishLoop.Timing FAST =
      new PublishLoop.Timing(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(80));

  private final InMemorySyncStore store = new InMemorySyncStore();
  private final InMemorySinkPositions positions = new InMemorySinkPositions();

  @Test
  void aBrokerOutage_isRetried_andEventsWrittenMeanwhileArriveInOrderOnce() throws Exception {
    FlakySink sink = new FlakySink(3);
    store.writePage("hr", page(1, 4), Optional.empty());
    try (PublishLoop loop =
        new PublishLoop(
            new EventPublisher("hr", store, positions, sink, e -> "{}", 2), sink, FAST)) {
      loop.start();
      // The log keeps growing while the broker is away: a page write never waits for the loop.
      store.writePage("hr", page(5, 6), Optional.empty());
      awaitPosition(6);
      store.writePage("hr", page(7, 7), Optional.empty());
      awaitPosition(7);
    }
    assertThat(sink.failures.get()).isEqualTo(3);
    assertThat(sink.published.stream().map(SinkMessage::id))
        .containsExactly("e1", "e2", "e3", "e4", "e5", "e6", "e7");
    assertThat(sink.closed).isTrue();
  }

  @Test
  void close_stopsALoopThatKeepsFailing() {
    FlakySink sink = new FlakySink(Integer.MAX_VALUE);
    store.writePage("hr", page(1, 1), Optional.empty());
    PublishLoop loop =
        new PublishLoop(new EventPublisher("hr", store, positions, sink, e -> "{}", 2), sink, FAST);
    loop.start();
    long started = System.nanoTime();
    loop.close();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(sink.closed).isTrue();
    assertThat(positions.sinkPosition("hr", "test:flaky")).isZero();
  }

  private void awaitPosition(long seq) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (positions.sinkPosition("hr", "test:flaky") < seq && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(positions.sinkPosition("hr", "test:flaky")).isEqualTo(seq);
  }

  private static List<SourceEvent> page(int from, int to) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(
            i -> {
              Grant g = SampleMirror.grant("team", "ops", "member", "u" + i);
              return new SourceEvent(
                  new FeedEvent.GrantCreated(
                      "e" + i,
                      "team.grants",
                      g.resource(),
                      g.entitlement(),
                      g.principal(),
                      Instant.parse("2026-11-25T10:00:00Z")),
                  List.of(new MirrorChange.PutGrant(g)));
            })
        .toList();
  }

  /** Fails its first {@code failing} publishes, acknowledging nothing, then records. */
  private static final class FlakySink implements EventSink {
    final List<SinkMessage> published = new CopyOnWriteArrayList<>();
    final AtomicInteger failures = new AtomicInteger();
    final int failing;
    volatile boolean closed;

    FlakySink(int failing) {
      this.failing = failing;
    }

    @Override
    public String name() {
      return "test:flaky";
    }

    @Override
    public void publish(List<SinkMessage> messages) {
      if (failures.get() < failing) {
        failures.incrementAndGet();
        throw new SinkException("broker away", 0, null);
      }
      published.addAll(messages);
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
