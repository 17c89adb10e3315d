package dev.sqlfeed.worker.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Serves the metrics at {@code http://BIND:PORT/metrics} in Prometheus' text format, with the JDK's
 * own HTTP server: one thread, nothing else served. Bound to 127.0.0.1 unless told otherwise.
 */
public final class MetricsEndpoint implements AutoCloseable {
  private final HttpServer server;

  private MetricsEndpoint(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts serving.
   *
   * @throws UncheckedIOException if the address cannot be bound (a port in use)
   */
  public static MetricsEndpoint start(String bind, int port, SqlfeedMetrics metrics) {
    PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getByName(bind), port), 0);
      server.createContext("/metrics", exchange -> serve(exchange, writer, metrics));
      server.start();
      return new MetricsEndpoint(server);
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

  @Override
  public void close() {
    server.stop(0);
  }
}
