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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The worker's health from what {@code sqlfeed status} shows: whether the worker polls, and each
 * source's {@code state} query. A source is failing when its last cycle failed ({@code
 * consecutiveFailures} above 0) until a cycle succeeds, when its workflow is absent, or when its
 * query has not answered yet, or not for {@link #STALE_AFTER}. A page that fails and is being
 * retried does not count: the workflow records the failure only once the retries run out (about
 * four minutes, see {@code SourceWorkflowImpl.RETRY}), which is the budget a retry has.
 *
 * <p>Cheap: one query per source and nothing else (no describe call, no store access); a report is
 * reused for {@link #MAX_AGE}, so that probes in quick succession, or several at once, cost one
 * round of queries. The queries run at once, a few at a time, and a report waits {@link
 * #ANSWERS_WITHIN} for them: a query that answers later (Temporal's embedded server now and then
 * holds one for ten seconds) leaves that source with its last answer, and is not asked again while
 * it runs.
 */
public final class SourceHealth implements Supplier<HealthReport> {
  /** How long a report is reused. */
  static final Duration MAX_AGE = Duration.ofSeconds(2);

  /** How long a report waits for the queries. */
  static final Duration ANSWERS_WITHIN = Duration.ofSeconds(2);

  /** A source whose last answer is older than this counts as failing. */
  static final Duration STALE_AFTER = Duration.ofSeconds(60);

  private static final int QUERY_THREADS = 4;

  private final String app;
  private final List<String> sources;
  private final Supplier<Optional<WorkflowClient>> polling;
  private final ThreadPoolExecutor queries;
  private final Map<String, Answer> answers = new HashMap<>();
  private final Map<String, CompletableFuture<Answer>> asking = new HashMap<>();
  private HealthReport last;
  private long lastAt;

  /** A source's state as its query answered it, when. */
  private record Answer(Optional<HealthReport.Failing> failing, long at) {}

  /**
   * @param sources the keys of the sources the worker runs
   * @param polling the worker's client while it polls (see {@link FeedRunner#pollingClient})
   */
  public SourceHealth(
      String app, List<String> sources, Supplier<Optional<WorkflowClient>> polling) {
    this.app = Objects.requireNonNull(app, "app");
    this.sources = List.copyOf(sources);
    this.polling = Objects.requireNonNull(polling, "polling");
    this.queries =
        new ThreadPoolExecutor(
            QUERY_THREADS,
            QUERY_THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread t = new Thread(task, "sqlfeed-health");
              t.setDaemon(true);
              return t;
            });
    // Idle between probes: no thread is kept for nothing.
    queries.allowCoreThreadTimeOut(true);
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
    for (String source : sources) {
      asking.computeIfAbsent(
          source, s -> CompletableFuture.supplyAsync(() -> ask(client.get(), s), queries));
    }
    long deadline = System.nanoTime() + ANSWERS_WITHIN.toNanos();
    List<HealthReport.Failing> failing = new ArrayList<>();
    for (String source : sources) {
      collect(source, deadline);
      Answer answer = answers.get(source);
      if (answer == null) {
        failing.add(
            new HealthReport.Failing(source, "unknown", 0, "no answer to the state query yet"));
      } else if (System.nanoTime() - answer.at() > STALE_AFTER.toNanos()) {
        failing.add(
            new HealthReport.Failing(
                source,
                "unknown",
                0,
                "no answer to the state query for over " + STALE_AFTER.toSeconds() + "s"));
      } else {
        answer.failing().ifPresent(failing::add);
      }
    }
    return new HealthReport(app, true, sources.size(), failing);
  }

  /** Takes the source's answer if its query ends before {@code deadline}. */
  private void collect(String source, long deadline) {
    CompletableFuture<Answer> pending = asking.get(source);
    try {
      Answer answer = pending.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      answers.put(source, answer);
      asking.remove(source);
    } catch (TimeoutException e) {
      // Still asking: the last answer stands, and the next report looks again.
    } catch (ExecutionException e) {
      asking.remove(source);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Answer ask(WorkflowClient client, String source) {
    SourceStatus status;
    try {
      status = SourceWorkflows.attach(client, app, source).state();
    } catch (WorkflowNotFoundException e) {
      return failing(new HealthReport.Failing(source, "absent", 0, "no workflow"));
    } catch (RuntimeException e) {
      return failing(
          new HealthReport.Failing(
              source, "unknown", 0, "the state query failed: " + oneLine(e.getMessage())));
    }
    CycleStateWire cycle = status.state().cycle();
    if (cycle.consecutiveFailures() == 0) {
      return new Answer(Optional.empty(), System.nanoTime());
    }
    SourceFailure failure = status.state().lastFailure();
    String error =
        failure == null
            ? Objects.toString(cycle.lastError(), "the last cycle failed")
            : failure.type() + ": " + failure.message();
    return failing(
        new HealthReport.Failing(
            source, status.phase(), cycle.consecutiveFailures(), oneLine(error)));
  }

  private static Answer failing(HealthReport.Failing failing) {
    return new Answer(Optional.of(failing), System.nanoTime());
  }

  private static String oneLine(String message) {
    return Objects.toString(message, "").replaceAll("\\s*\\R\\s*", "; ");
  }
}
