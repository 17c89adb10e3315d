package dev.sqlfeed.worker.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves the metrics at {@code http://BIND:PORT/metrics} in Prometheus' text format, with the JDK's
 * own HTTP server, and any other paths the worker adds ({@code /events}, {@code /healthz}). Bound
 * to 127.0.0.1 unless told otherwise. Each request has a thread of its own, so that a request that
 * is held open (a long poll, an event stream) does not keep {@code /metrics} waiting; the handlers
 * that hold requests bound how many they hold.
 */
public final class MetricsEndpoint implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads;

  private MetricsEndpoint(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /**
   * Starts serving the metrics only.
   *
   * @throws UncheckedIOException if the address cannot be bound (a port in use)
   */
  public static MetricsEndpoint start(String bind, int port, SqlfeedMetrics metrics) {
    return start(bind, port, metrics, Map.of());
  }

  /**
   * Starts serving the metrics and {@code more}: handlers by path (a path also serves what lies
   * below it, as the JDK's server does).
   *
   * @throws UncheckedIOException if the address cannot be bound (a port in use)
   */
  public static MetricsEndpoint start(
      String bind, int port, SqlfeedMetrics metrics, Map<String, HttpHandler> more) {
    PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getByName(bind), port), 0);
      server.createContext("/metrics", exchange -> serve(exchange, writer, metrics));
      more.forEach(server::createContext);
      ExecutorService threads = Executors.newCachedThreadPool(daemonThreads());
      server.setExecutor(threads);
      server.start();
      return new MetricsEndpoint(server, threads);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serve metrics on " + bind + ":" + port + " (" + e.getMessage() + ")", e);
    }
  }

  private static void serve(
      HttpExchange exchange, PrometheusTextFormatWriter writer, SqlfeedMetrics metrics)
      throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      writer.write(body, metrics.snapshots());
      exchange.getResponseHeaders().set("Content-Type", writer.getContentType());
      exchange.sendResponseHeaders(200, body.size());
      try (OutputStream out = exchange.getResponseBody()) {
        body.writeTo(out);
      }
    }
  }

  /** The address served, such as {@code 127.0.0.1:9464}. */
  public String address() {
    InetSocketAddress a = server.getAddress();
    return a.getAddress().getHostAddress() + ":" + a.getPort();
  }

  /** Threads that do not keep the JVM alive, named for thread dumps. */
  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, "sqlfeed-http-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Stops serving; requests still held open (long polls, event streams) are interrupted. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
