package dev.sqlfeed.worker.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.sqlfeed.domain.mirror.CanonicalJson;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * {@code GET /healthz}: 200 with {@code {"status":"ok",...}} when the worker polls and no source is
 * failing, else 503 with a body that names the failing sources.
 */
public final class HealthHandler implements HttpHandler {
  static final String PATH = "/healthz";

  private final Supplier<HealthReport> health;

  public HealthHandler(Supplier<HealthReport> health) {
    this.health = health;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (Answers.refused(exchange, PATH)) {
        return;
      }
      HealthReport report = health.get();
      Answers.send(
          exchange,
          report.ok() ? 200 : 503,
          "application/json",
          CanonicalJson.write(report.json()) + "\n");
    }
  }
}
