package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.nats.testing.NatsTestServer;
import dev.sqlfeed.ports.StoredEvent;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.worker.Wiring;
import io.nats.client.Connection;
import io.nats.client.api.MessageInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sqlfeed run --once --publish} end to end: an SQLite application and store, the embedded
 * Temporal server and the real NATS server (see {@link NatsTestServer}).
 */
// A client Connection may throw InterruptedException on close; the tests let it propagate.
@SuppressWarnings("try")
class RunPublishNatsIT {
  @TempDir Path dir;
  private Path config;
  private String store;
  private String natsUrl;
  private String stream;
  private String prefix;

  private record Result(int code, String out, String err) {}

  @BeforeEach
  void application() throws Exception {
    natsUrl = NatsTestServer.url();
    String unique = NatsTestServer.uniqueApp("it");
    stream = "SQLFEED_" + unique.toUpperCase(java.util.Locale.ROOT);
    prefix = "sqlfeed" + unique.replace("_", "");
    AcmeSqliteApp acme = AcmeSqliteApp.create(dir);
    config = acme.config();
    store = acme.store();
  }

  @AfterEach
  void deleteStream() {
    NatsTestServer.deleteStream(stream);
  }

  @Test
  void once_publishesTheWholeLogInSeqOrder_asSqlfeedEventsPrintsIt_andASecondRunNothingMore()
      throws Exception {
    Result first = once(natsUrl);

    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains("published 6 events");
    List<StoredEvent> log = events();
    assertThat(log).hasSize(6);
    List<MessageInfo> published = published();
    assertThat(published.stream().map(m -> new String(m.getData(), StandardCharsets.UTF_8)))
        .containsExactlyElementsOf(log.stream().map(EventsCommand::toJsonLine).toList());
    assertThat(published.stream().map(MessageInfo::getSubject))
        .containsExactlyElementsOf(
            log.stream().map(e -> prefix + ".acme." + e.event().kind()).toList());
    assertThat(published.stream().map(m -> m.getHeaders().getFirst("Nats-Msg-Id")))
        .containsExactlyElementsOf(log.stream().map(e -> e.event().id()).toList());

    Result second = once(natsUrl);

    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out()).contains("published 0 events");
    assertThat(published()).hasSize(6);
  }

  @Test
  void aLostPosition_republishesTheLog_andTheStreamDropsEveryCopy() throws Exception {
    assertThat(once(natsUrl).code()).isZero();
    try (var c = DriverManager.getConnection(store);
        Statement s = c.createStatement()) {
      assertThat(s.executeUpdate("DELETE FROM sink_positions")).isEqualTo(1);
    }

    Result again = once(natsUrl);

    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("published 6 events");
    assertThat(published()).hasSize(6);
  }

  @Test
  void anUnreachableServer_exits3_afterTheSourcesCommitted_withoutItsCredentials()
      throws Exception {
    Result r = once("nats://alice:s3cret-pw@127.0.0.1:1");

    assertThat(r.code()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(r.out()).contains("user: committed");
    assertThat(r.err())
        .contains("nats://127.0.0.1:1")
        .doesNotContain("s3cret")
        .doesNotContain("alice");
    assertThat(events()).hasSize(6);
  }

  @Test
  void aUrlThatIsNotNats_exits2_namingTheOption_withoutItsCredentials() throws Exception {
    Result r = once("http://alice:s3cret-pw@127.0.0.1:4222");

    assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err()).contains("--publish: not a nats://").doesNotContain("s3cret");
  }

  private Result once(String publishUrl) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--once",
                "--config",
                config.toString(),
                "--store",
                store,
                "--embedded-port",
                Integer.toString(RunCommandSqliteIT.freePort()),
                "--publish",
                publishUrl,
                "--publish-stream",
                stream,
                "--publish-subject-prefix",
                prefix));
    int code =
        Cli.run(
            args.toArray(String[]::new),
            new CliContext(new PrintWriter(out), new PrintWriter(err), Map.of(), false));
    return new Result(code, out.toString(), err.toString());
  }

  private List<StoredEvent> events() {
    try (SyncStore s = Wiring.existingStore(store, Map.of())) {
      return s.events(Optional.of("acme"), 0, 1000);
    }
  }

  private List<MessageInfo> published() throws Exception {
    try (Connection c = NatsTestServer.connect()) {
      return NatsTestServer.messages(c, stream);
    }
  }
}
