package dev.sqlfeed.worker.temporal;

import dev.sqlfeed.domain.feed.CycleStateWire;
import dev.sqlfeed.worker.http.HealthReport;
import dev.sqlfeed.workflows.SourceFailure;
import dev.sqlfeed.workflows.SourceStatus;
import dev.sqlfeed.workflows.SourceWorkflows;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The worker's health from what {@code sqlfeed status} shows: whether the worker polls, and each
 * source's {@code state} query. A source is failing when its last cycle failed ({@code
 * consecutiveFailures} above 0) until a cycle succeeds, when its workflow is absent, or when it
 * does not answer. A page that fails and is being retried does not count: the workflow records the
 * failure only once the retries run out (about four minutes, see {@code SourceWorkflowImpl.RETRY}),
 * which is the budget a retry has.
 *
 * <p>Cheap: one query per source and nothing else (no describe call, no store access), and an
 * answer is reused for {@link #MAX_AGE}, so that probes in quick succession, or several at once,
 * cost one round of queries.
 */
public final class SourceHealth implements Supplier<HealthReport> {
  /** How long an answer is reused. */
  static final Duration MAX_AGE = Duration.ofSeconds(2);

  /** Sources not asked once the queries took this long count as failing. */
  static final Duration QUERIES_WITHIN = Duration.ofSeconds(5);

  private final String app;
  private final List<String> sources;
  private final Supplier<Optional<WorkflowClient>> polling;
  private HealthReport last;
  private long lastAt;

  /**
   * @param sources the keys of the sources the worker runs
   * @param polling the worker's client while it polls (see {@link FeedRunner#pollingClient})
   */
  public SourceHealth(
      String app, List<String> sources, Supplier<Optional<WorkflowClient>> polling) {
    this.app = Objects.requireNonNull(app, "app");
    this.sources = List.copyOf(sources);
    this.polling = Objects.requireNonNull(polling, "polling");
  }

  @Override
  public synchronized HealthReport get() {
    if (last == null || System.nanoTime() - lastAt >= MAX_AGE.toNanos()) {
      last = check();
      lastAt = System.nanoTime();
    }
    return last;
  }

  private HealthReport check() {
    Optional<WorkflowClient> client = polling.get();
    if (client.isEmpty()) {
      return new HealthReport(app, false, sources.size(), List.of());
    }
    long deadline = System.nanoTime() + QUERIES_WITHIN.toNanos();
    List<HealthReport.Failing> failing = new ArrayList<>();
    for (String source : sources) {
      if (System.nanoTime() > deadline) {
        failing.add(
            new HealthReport.Failing(
                source,
                "unknown",
                0,
                "not asked: the state queries took longer than "
                    + QUERIES_WITHIN.toSeconds()
                    + "s"));
        continue;
      }
      check(client.get(), source).ifPresent(failing::add);
    }
    return new HealthReport(app, true, sources.size(), failing);
  }

  private Optional<HealthReport.Failing> check(WorkflowClient client, String source) {
    SourceStatus status;
    try {
      status = SourceWorkflows.attach(client, app, source).state();
    } catch (WorkflowNotFoundException e) {
      return Optional.of(new HealthReport.Failing(source, "absent", 0, "no workflow"));
    } catch (RuntimeException e) {
      return Optional.of(
          new HealthReport.Failing(
              source, "unknown", 0, "the state query failed: " + oneLine(e.getMessage())));
    }
    CycleStateWire cycle = status.state().cycle();
    if (cycle.consecutiveFailures() == 0) {
      return Optional.empty();
    }
    SourceFailure failure = status.state().lastFailure();
    String error =
        failure == null
            ? Objects.toString(cycle.lastError(), "the last cycle failed")
            : failure.type() + ": " + failure.message();
    return Optional.of(
        new HealthReport.Failing(
            source, status.phase(), cycle.consecutiveFailures(), oneLine(error)));
  }

  private static String oneLine(String message) {
    return Objects.toString(message, "").replaceAll("\\s*\\R\\s*", "; ");
  }
}
