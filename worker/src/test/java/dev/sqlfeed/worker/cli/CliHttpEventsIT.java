package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /events} and {@code /healthz} on the metrics port of a real {@code sqlfeed run} (the
 * packaged jar, embedded Temporal) over an SQLite application and an SQLite store: the lines of
 * {@code sqlfeed events}, long polls answered by a change made while they wait, a stream of
 * Server-Sent Events resumed from {@code Last-Event-ID}, one-line 400s, and the health of a worker
 * whose sources are well and of one whose source's query fails.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CliHttpEventsIT {
  private static final Duration STARTS = Duration.ofSeconds(90);
  private static final Pattern SEQ = Pattern.compile("^\\{\"seq\":(\\d+),");
  private static final AtomicInteger NEXT_USER = new AtomicInteger(100);

  @TempDir static Path dir;
  private static AcmeSqliteApp acme;
  private static Path config;
  private static String store;
  private static WorkerProcess worker;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void aWorkerWithSixEvents() throws Exception {
    acme = AcmeSqliteApp.create(dir);
    config = config("app.yml", "SELECT id, login, updated_at FROM users");
    store = acme.store();
    worker = WorkerProcess.start(config, store, Map.of(), dir.resolve("worker.log"));
    worker.await("/events to answer", STARTS, () -> status(worker.http("/events")) == 200);
    worker.await("six events at /events", STARTS, () -> lines(get("/events")).size() >= 6);
    worker.await("/healthz to answer 200", STARTS, () -> status(worker.http("/healthz")) == 200);
  }

  @AfterAll
  static void stopIt() throws Exception {
    if (worker != null) {
      assertThat(worker.stop()).as(worker.log()).isZero();
    }
  }

  @Test
  void eventsAfterASeq_withALimit_areTheLinesThatSqlfeedEventsPrints() {
    HttpResponse<String> r = get("/events?after=2&limit=3");
    CliRun cli =
        CliRun.run("events", "--store", store, "--app", "acme", "--after", "2", "--limit", "3")
            .exits(0);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
    assertThat(lines(r)).extracting(CliHttpEventsIT::seq).containsExactly(3L, 4L, 5L);
    assertThat(r.body()).isEqualTo(cli.out());
  }

  @Test
  void withoutParameters_theEventsFromTheStart() {
    List<String> lines = lines(get("/events"));

    assertThat(lines).hasSizeGreaterThanOrEqualTo(6);
    assertThat(seq(lines.get(0))).isEqualTo(1);
    assertThat(lines.get(0) + "\n")
        .isEqualTo(CliRun.run("events", "--store", store, "--limit", "1").exits(0).out());
  }

  @Test
  void aLongPoll_isAnsweredWhenAnEventArrives() throws Exception {
    long last = lastSeq();
    long started = System.nanoTime();
    CompletableFuture<HttpResponse<String>> poll =
        HTTP.sendAsync(
            HttpRequest.newBuilder(worker.http("/events?after=" + last + "&wait=45")).build(),
            HttpResponse.BodyHandlers.ofString());
    Thread.sleep(1500);
    assertThat(poll).as("a long poll with nothing new is held").isNotDone();

    int user = addUser();
    HttpResponse<String> r = poll.get(45, TimeUnit.SECONDS);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(lines(r)).isNotEmpty().allSatisfy(l -> assertThat(seq(l)).isGreaterThan(last));
    assertThat(lines(r).get(0)).contains("\"resource_id\":\"" + user + "\"");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(40));
  }

  @Test
  void aLongPoll_withNothingNew_isAnsweredEmptyWhenTheWaitEnds() {
    long last = lastSeq();
    long started = System.nanoTime();
    HttpResponse<String> r = get("/events?after=" + last + "&wait=1");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void anEventStream_resumesAfterLastEventId_andSendsNewEventsAsTheyCome() throws Exception {
    String third = lines(get("/events?after=2&limit=1")).get(0);
    long last = lastSeq();
    HttpResponse<InputStream> r =
        HTTP.send(
            HttpRequest.newBuilder(worker.http("/events?after=0"))
                .header("Accept", "text/event-stream")
                .header("Last-Event-ID", "2")
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
      assertThat(nextEvent(in)).containsExactly("id: 3", "data: " + third);
      long seen = 3;
      while (seen < last) {
        seen = Long.parseLong(nextEvent(in).get(0).substring("id: ".length()));
      }

      int user = addUser();
      List<String> event = nextEvent(in);

      assertThat(event.get(0)).isEqualTo("id: " + (last + 1));
      assertThat(event.get(1))
          .startsWith("data: {\"seq\":" + (last + 1) + ",")
          .contains("\"resource_id\":\"" + user + "\"");
    }
  }

  @Test
  void badParameters_areAnswered400_withOneLineNamingThem() {
    Map<String, String> bad =
        Map.of(
            "after=-1", "after: -1 is out of range (0 or more)",
            "after=x", "after: not a whole number: 'x'",
            "limit=0", "limit: 0 is out of range (1-10000)",
            "limit=10001", "limit: 10001 is out of range (1-10000)",
            "wait=61", "wait: 61 is out of range (0-60)",
            "since=3", "unknown parameter 'since' (known: after, limit, wait)");
    bad.forEach(
        (query, message) -> {
          HttpResponse<String> r = get("/events?" + query);
          assertThat(r.statusCode()).as(query).isEqualTo(400);
          assertThat(r.body()).as(query).isEqualTo(message + "\n");
        });
    HttpResponse<String> stream =
        send(
            HttpRequest.newBuilder(worker.http("/events"))
                .header("Accept", "text/event-stream")
                .header("Last-Event-ID", "abc")
                .build());
    assertThat(stream.statusCode()).isEqualTo(400);
    assertThat(stream.body()).isEqualTo("Last-Event-ID: not a whole number: 'abc'\n");
    HttpResponse<String> post =
        send(
            HttpRequest.newBuilder(worker.http("/events"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  @Test
  void healthz_isOk_whileEverySourcesLastCycleSucceeded() {
    HttpResponse<String> r = get("/healthz");

    assertThat(r.statusCode()).as("%s%n%s", r.body(), worker.log()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(r.body())
        .isEqualTo(
            "{\"status\":\"ok\",\"app\":\"acme\",\"polling\":true,\"sources\":3,\"failing\":[]}\n");
  }

  @Test
  void healthz_namesTheSourceWhoseQueryFails_with503_andAHeldRequestDoesNotDelayTheStop()
      throws Exception {
    Path broken = config("broken.yml", "SELECT id, login, updated_at FROM no_such_table");
    String otherStore = "jdbc:sqlite:" + dir.resolve("broken-store.db");
    try (WorkerProcess failing =
        WorkerProcess.start(broken, otherStore, Map.of(), dir.resolve("broken.log"))) {
      failing.await(
          "/healthz to name a failing source",
          STARTS,
          () ->
              status(failing.http("/healthz")) == 503
                  && get(failing.http("/healthz")).body().contains("no_such_table"));
      String body = get(failing.http("/healthz")).body();

      assertThat(body)
          .startsWith("{\"status\":\"failing\",\"app\":\"acme\",\"polling\":true,\"sources\":3,")
          .contains("\"source\":\"user\"", "no_such_table")
          .doesNotContain("\"source\":\"team.grants.0.changes\"");

      CompletableFuture<HttpResponse<String>> held =
          HTTP.sendAsync(
              HttpRequest.newBuilder(failing.http("/events?after=1000&wait=60")).build(),
              HttpResponse.BodyHandlers.ofString());
      Thread.sleep(500);
      assertThat(held).isNotDone();
      long stopping = System.nanoTime();
      assertThat(failing.stop()).as(failing.log()).isZero();
      assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(30));
      // Stopping ends the held request (its connection is closed), it does not wait for it.
      assertThat(held.handle((r, e) -> true).get(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  /** The next event's lines up to the blank line that ends it, keep-alive comments left out. */
  private static List<String> nextEvent(BufferedReader in) throws IOException {
    List<String> event = new java.util.ArrayList<>();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.isEmpty() && !event.isEmpty()) {
        return event;
      }
      if (!line.isEmpty() && !line.startsWith(":")) {
        event.add(line);
      }
    }
    throw new AssertionError("the stream ended");
  }

  private static int addUser() throws SQLException {
    int id = NEXT_USER.incrementAndGet();
    acme.sql(
        "INSERT INTO users VALUES ("
            + id
            + ", 'u"
            + id
            + "', strftime('%Y-%m-%d %H:%M:%S', 'now'))");
    return id;
  }

  private static long lastSeq() {
    List<String> lines = lines(get("/events?limit=10000"));
    return lines.isEmpty() ? 0 : seq(lines.get(lines.size() - 1));
  }

  private static long seq(String line) {
    Matcher m = SEQ.matcher(line);
    assertThat(m.find()).as("a JSON line with a seq first: %s", line).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static List<String> lines(HttpResponse<String> r) {
    return r.statusCode() == 200 ? r.body().lines().toList() : List.of();
  }

  private static HttpResponse<String> get(String pathAndQuery) {
    return get(worker.http(pathAndQuery));
  }

  private static HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(90)).build());
  }

  /** The status of a GET; -1 while nothing listens yet. */
  private static int status(URI uri) {
    try {
      return get(uri).statusCode();
    } catch (UncheckedIOException e) {
      return -1;
    }
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Path config(String name, String userQuery) throws Exception {
    String yaml =
        AcmeSqliteApp.incrementalConfig()
            .replace("sqlite:acme.db", "sqlite:" + dir.resolve("acme.db"))
            .replace("SELECT id, login, updated_at FROM users", userQuery);
    return Files.writeString(dir.resolve(name), yaml, StandardCharsets.UTF_8);
  }
}
