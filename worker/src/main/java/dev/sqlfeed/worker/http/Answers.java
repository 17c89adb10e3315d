package dev.sqlfeed.worker.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Whole answers with a known length, as the handlers of this package send them. */
final class Answers {
  private Answers() {}

  /** Sends {@code body} (empty for none) with the status and content type. */
  static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** One line of text, for errors: the status says what kind, the line says what. */
  static void line(HttpExchange exchange, int status, String message) throws IOException {
    send(exchange, status, "text/plain; charset=utf-8", message.replaceAll("\\R", " ") + "\n");
  }

  /**
   * Answers anything but a GET of exactly {@code path} (the JDK's server hands a handler every path
   * that starts with its own) with 404 or 405.
   *
   * @return whether the request was answered
   */
  static boolean refused(HttpExchange exchange, String path) throws IOException {
    if (!path.equals(exchange.getRequestURI().getPath())) {
      line(exchange, 404, "no such path: " + exchange.getRequestURI().getPath());
      return true;
    }
    if (!"GET".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", "GET");
      line(exchange, 405, exchange.getRequestMethod() + " " + path + ": only GET is served");
      return true;
    }
    return false;
  }
}
