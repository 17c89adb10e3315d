package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code sqlfeed run} worker in a process of its own (embedded Temporal included), started from
 * the packaged jar, with its metrics endpoint and its log: what the fault and crash suites start,
 * break, kill and start again.
 */
final class WorkerProcess implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final int embeddedPort;
  private final int metricsPort;

  private WorkerProcess(Process process, Path log, int embeddedPort, int metricsPort) {
    this.process = process;
    this.log = log;
    this.embeddedPort = embeddedPort;
    this.metricsPort = metricsPort;
  }

  /**
   * Starts {@code sqlfeed run} with no scheduled full sync; {@code env} is added to this process's
   * environment (store credentials, DSNs).
   */
  static WorkerProcess start(Path config, String store, Map<String, String> env, Path log)
      throws IOException {
    return start(config, store, env, log, List.of());
  }

  /**
   * Starts {@code sqlfeed run} as {@link #start(Path, String, Map, Path)} does, with {@code more}
   * options after the usual ones (such as {@code --temporal} to use another worker's server).
   */
  static WorkerProcess start(
      Path config, String store, Map<String, String> env, Path log, List<String> more)
      throws IOException {
    int embedded = RunCommandSqliteIT.freePort();
    int metrics = RunCommandSqliteIT.freePort();
    List<String> command =
        SqlfeedJar.run(
            List.of("-Xmx512m"),
            config,
            store,
            embedded,
            "--full-sync-interval",
            "0",
            "--metrics-port",
            Integer.toString(metrics));
    command.addAll(more);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    return new WorkerProcess(builder.start(), log, embedded, metrics);
  }

  /** The embedded Temporal server's address, for {@code status}. */
  String temporal() {
    return "127.0.0.1:" + embeddedPort;
  }

  /** A URI on the worker's HTTP server (the metrics port): {@code /events}, {@code /healthz}. */
  URI http(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + metricsPort + pathAndQuery);
  }

  /** The value of one Prometheus sample, 0 when absent or the endpoint does not answer yet. */
  double metric(String name, String source) {
    String text;
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      text = response.body();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
    Matcher m =
        Pattern.compile(
                "(?m)^"
                    + Pattern.quote(name)
                    + "\\{[^}]*source=\""
                    + Pattern.quote(source)
                    + "\"[^}]*\\} (\\S+)$")
            .matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  /** What the worker printed so far. */
  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: the whole worker, embedded Temporal and all, at once. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, and waits for a clean exit. */
  int stop() throws InterruptedException {
    // A clean stop is promised once the worker runs: a SIGTERM while the JVM starts, before the
    // worker has its signal handlers, ends it with 143. A test whose condition already held when
    // the
    // worker started (everything was logged by an earlier one) would stop it there.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (process.isAlive() && !log().contains("scanning ") && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  /**
   * Waits until {@code condition} holds and fails the test, with the worker's log, when it does not
   * within {@code timeout} or the worker died.
   */
  void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(process.isAlive())
          .as("the worker died while waiting for %s:%n%s", what, log())
          .isTrue();
      assertThat(System.nanoTime() < deadline)
          .as("%s did not happen within %s; the worker's log:%n%s", what, timeout, log())
          .isTrue();
      Thread.sleep(200);
    }
  }
}
