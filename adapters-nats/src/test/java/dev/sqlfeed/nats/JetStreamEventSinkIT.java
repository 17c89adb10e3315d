package dev.sqlfeed.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.error.SinkException;
import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.nats.testing.NatsTestServer;
import dev.sqlfeed.ports.InMemorySyncStore;
import dev.sqlfeed.ports.MirrorChange;
import dev.sqlfeed.ports.SampleMirror;
import dev.sqlfeed.ports.SourceEvent;
import dev.sqlfeed.ports.sink.EventPublisher;
import dev.sqlfeed.ports.sink.EventSink;
import dev.sqlfeed.ports.sink.InMemorySinkPositions;
import dev.sqlfeed.ports.sink.SinkMessage;
import io.nats.client.Connection;
import io.nats.client.api.MessageInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JetStream sink against the real NATS server (see {@link NatsTestServer}). */
// A client Connection may throw InterruptedException on close; the tests let it propagate.
@SuppressWarnings("try")
class JetStreamEventSinkIT {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  private final List<String> streams = new ArrayList<>();
  private String url;
  private String app;

  @BeforeEach
  void server() {
    url = NatsTestServer.url();
    app = NatsTestServer.uniqueApp("It.hr");
  }

  @AfterEach
  void deleteStreams() {
    streams.forEach(NatsTestServer::deleteStream);
  }

  @Test
  void aMissingStream_isCreated_andEventsArriveInSeqOrder_withTheirSubjectsPayloadsAndIds()
      throws Exception {
    String stream = NatsSinks.defaultStream(app);
    streams.add(stream);
    assertThat(stream).startsWith("SQLFEED_IT_HR_").doesNotContain(".");
    assertThat(NatsTestServer.hasStream(stream)).isFalse();

    try (EventSink sink = sink(Optional.empty())) {
      assertThat(sink.name()).isEqualTo("nats:" + stream);
      sink.publish(
          List.of(
              message(1, "grant:team:ops:u1:t1:1", "grant_created"),
              message(2, "resource:team:ops:t2:2", "resource_changed"),
              message(5, "revoke:team:ops:u1:t3:3", "grant_revoked")));
    }

    try (Connection c = NatsTestServer.connect()) {
      List<MessageInfo> stored = NatsTestServer.messages(c, stream);
      String token = app.replace('.', '_');
      assertThat(stored.stream().map(MessageInfo::getSubject))
          .containsExactly(
              "sqlfeed." + token + ".grant_created",
              "sqlfeed." + token + ".resource_changed",
              "sqlfeed." + token + ".grant_revoked");
      assertThat(stored.stream().map(m -> new String(m.getData(), StandardCharsets.UTF_8)))
          .containsExactly("{\"seq\":1}", "{\"seq\":2}", "{\"seq\":5}");
      assertThat(stored.get(0).getHeaders().getFirst("Nats-Msg-Id"))
          .isEqualTo("grant:team:ops:u1:t1:1");
    }
  }

  @Test
  void publishingTheSameEventsAgain_storesThemOnce() throws Exception {
    String stream = "SQLFEED_IT_DEDUPE_" + app.substring(app.lastIndexOf('_') + 1);
    streams.add(stream);
    try (EventSink sink = sink(Optional.of(stream))) {
      sink.publish(List.of(message(1, "e1", "grant_created"), message(2, "e2", "grant_created")));
    }
    try (EventSink restarted = sink(Optional.of(stream))) {
      restarted.publish(
          List.of(
              message(1, "e1", "grant_created"),
              message(2, "e2", "grant_created"),
              message(3, "e3", "grant_revoked")));
    }
    try (Connection c = NatsTestServer.connect()) {
      assertThat(
              NatsTestServer.messages(c, stream).stream()
                  .map(m -> m.getHeaders().getFirst("Nats-Msg-Id")))
          .containsExactly("e1", "e2", "e3");
    }
  }

  @Test
  void aRestartedPublisher_resumesFromItsPosition_andACrashBeforeTheSavedPositionDuplicatesNothing()
      throws Exception {
    String stream = NatsSinks.defaultStream(app);
    streams.add(stream);
    InMemorySyncStore store = new InMemorySyncStore();
    InMemorySinkPositions positions = new InMemorySinkPositions();
    store.writePage(app, page(1, 5), Optional.empty());
    try (EventSink sink = sink(Optional.empty())) {
      EventPublisher publisher = new EventPublisher(app, store, positions, sink, e -> "{}", 3);
      assertThat(publisher.publishNext()).isEqualTo(3);
    }
    store.writePage(app, page(6, 7), Optional.empty());
    // A worker that crashed after the acks of seqs 4 and 5 but before storing the position.
    try (EventSink sink = sink(Optional.empty())) {
      sink.publish(List.of(message(4, "e4", "grant_created"), message(5, "e5", "grant_created")));
    }
    try (EventSink sink = sink(Optional.empty())) {
      EventPublisher restarted = new EventPublisher(app, store, positions, sink, e -> "{}", 100);
      assertThat(restarted.publishNext()).isEqualTo(4);
      assertThat(restarted.publishNext()).isZero();
      assertThat(restarted.position()).isEqualTo(7);
    }
    try (Connection c = NatsTestServer.connect()) {
      assertThat(
              NatsTestServer.messages(c, stream).stream()
                  .map(m -> m.getHeaders().getFirst("Nats-Msg-Id")))
          .containsExactly("e1", "e2", "e3", "e4", "e5", "e6", "e7");
    }
  }

  @Test
  void anIdThatIsNoHeaderValue_isPublishedUnderItsHash_sameOnEveryPublish() throws Exception {
    String stream = NatsSinks.defaultStream(app);
    streams.add(stream);
    String id = "resource:user:Zoë Müller\n:2026:1";
    try (EventSink sink = sink(Optional.empty())) {
      sink.publish(List.of(message(1, id, "resource_changed")));
      sink.publish(List.of(message(1, id, "resource_changed")));
    }
    try (Connection c = NatsTestServer.connect()) {
      List<MessageInfo> stored = NatsTestServer.messages(c, stream);
      assertThat(stored).hasSize(1);
      assertThat(stored.get(0).getHeaders().getFirst("Nats-Msg-Id"))
          .isEqualTo(MessageIds.of(id))
          .startsWith("sha256:")
          .hasSize(7 + 64);
    }
  }

  @Test
  void anUnreachableServer_failsWithNothingPublished_andNoCredentialsInTheMessage() {
    try (EventSink sink =
        NatsSinks.jetStream(
            "nats://alice:s3cret-pw@127.0.0.1:1",
            "sqlfeed",
            Optional.empty(),
            app,
            Duration.ofSeconds(2))) {
      assertThat(sink.toString()).doesNotContain("s3cret").doesNotContain("alice");
      assertThatThrownBy(() -> sink.publish(List.of(message(1, "e1", "grant_created"))))
          .isInstanceOfSatisfying(SinkException.class, e -> assertThat(e.published()).isZero())
          .hasMessageContaining("nats://127.0.0.1:1")
          .hasMessageNotContaining("s3cret")
          .hasMessageNotContaining("alice");
    }
  }

  @Test
  void credentialsInTheUrl_reachTheServer_andStayOutOfTheSinksName() throws Exception {
    String stream = NatsSinks.defaultStream(app);
    streams.add(stream);
    String withUser = url.replace("nats://", "nats://sqlfeed:not-needed@");
    try (EventSink sink =
        NatsSinks.jetStream(withUser, "sqlfeed", Optional.empty(), app, Duration.ofSeconds(5))) {
      sink.publish(List.of(message(1, "e1", "grant_created")));
      assertThat(sink + " " + sink.name()).doesNotContain("not-needed");
    }
    assertThat(NatsTestServer.hasStream(stream)).isTrue();
  }

  private EventSink sink(Optional<String> stream) {
    return NatsSinks.jetStream(url, "sqlfeed", stream, app, Duration.ofSeconds(5));
  }

  private SinkMessage message(long seq, String id, String kind) {
    return new SinkMessage(seq, app, id, kind, "{\"seq\":" + seq + "}");
  }

  private static List<SourceEvent> page(int from, int to) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(
            i -> {
              Grant g = SampleMirror.grant("team", "ops", "member", "u" + i);
              return new SourceEvent(
                  new FeedEvent.GrantCreated(
                      "e" + i, "team.grants", g.resource(), g.entitlement(), g.principal(), T0),
                  List.of(new MirrorChange.PutGrant(g)));
            })
        .toList();
  }
}
