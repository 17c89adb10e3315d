package dev.sqlfeed.worker.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.sqlfeed.domain.error.StoreException;
import dev.sqlfeed.ports.EventLog;
import dev.sqlfeed.ports.StoredEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * {@code GET /events}: the app's events after a seq, read from the store's {@link EventLog}, as
 * lines of JSON ({@code application/x-ndjson}); with {@code wait}, a request that finds none is
 * held until one is appended or the wait ends; with {@code Accept: text/event-stream}, a stream of
 * Server-Sent Events ({@code id:} the seq, {@code data:} the line) that lasts until the client
 * leaves. Events are found by reading the log every {@link #POLL}: they may be appended by any
 * worker of the app, not only this one.
 */
public final class EventsHandler implements HttpHandler {
  static final String PATH = "/events";

  /** Requests held open at once (long polls and streams); more are answered with 503. */
  static final int MAX_HELD = 32;

  /** How often a held request reads the log for new events. */
  static final Duration POLL = Duration.ofMillis(250);

  /** A stream with nothing to send sends a comment this often, so that a gone client is noticed. */
  static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

  private final EventLog log;
  private final String app;
  private final Function<StoredEvent, String> json;
  private final Semaphore held = new Semaphore(MAX_HELD);

  /**
   * @param json an event as the JSON line that {@code sqlfeed events} prints
   */
  public EventsHandler(EventLog log, String app, Function<StoredEvent, String> json) {
    this.log = log;
    this.app = app;
    this.json = json;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (Answers.refused(exchange, PATH)) {
        return;
      }
      EventsRequest request;
      try {
        request =
            EventsRequest.parse(
                exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("Accept"),
                exchange.getRequestHeaders().getFirst("Last-Event-ID"));
      } catch (BadRequest e) {
        Answers.line(exchange, 400, e.getMessage());
        return;
      }
      if (request.held() && !held.tryAcquire()) {
        Answers.line(
            exchange, 503, "too many held /events requests (" + MAX_HELD + "); try again later");
        return;
      }
      try {
        if (request.stream()) {
          stream(exchange, request);
        } else {
          lines(exchange, request);
        }
      } catch (StoreException e) {
        if (exchange.getResponseCode() == -1) {
          Answers.line(exchange, 503, "cannot read the event log: " + e.getMessage());
        }
      } catch (InterruptedException e) {
        // The server is stopping: the exchange is closed as the handler returns.
        Thread.currentThread().interrupt();
      } finally {
        if (request.held()) {
          held.release();
        }
      }
    }
  }

  private void lines(HttpExchange exchange, EventsRequest request)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + request.waitUpTo().toNanos();
    List<StoredEvent> events = read(request.after(), request.limit());
    while (events.isEmpty() && System.nanoTime() < deadline) {
      long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      Thread.sleep(Math.min(POLL.toMillis(), left));
      events = read(request.after(), request.limit());
    }
    StringBuilder body = new StringBuilder();
    for (StoredEvent e : events) {
      body.append(json.apply(e)).append('\n');
    }
    Answers.send(exchange, 200, "application/x-ndjson", body.toString());
  }

  /** Streams until the client leaves (a write fails) or the server stops (an interrupt). */
  private void stream(HttpExchange exchange, EventsRequest request)
      throws IOException, InterruptedException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      send(out, request);
    } catch (IOException gone) {
      // The client left; nothing is lost: it resumes from the last id it received.
    }
  }

  private void send(OutputStream out, EventsRequest request)
      throws IOException, InterruptedException {
    long last = request.after();
    long quietSince = System.nanoTime();
    while (true) {
      List<StoredEvent> events = read(last, request.limit());
      for (StoredEvent e : events) {
        out.write(
            ("id: " + e.seq() + "\ndata: " + json.apply(e) + "\n\n")
                .getBytes(StandardCharsets.UTF_8));
        last = e.seq();
      }
      if (!events.isEmpty()) {
        out.flush();
        quietSince = System.nanoTime();
        if (events.size() == request.limit()) {
          continue;
        }
      } else if (System.nanoTime() - quietSince >= KEEP_ALIVE.toNanos()) {
        out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        quietSince = System.nanoTime();
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private List<StoredEvent> read(long after, int limit) {
    return log.events(Optional.of(app), after, limit);
  }
}
