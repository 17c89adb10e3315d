package dev.sqlfeed.worker.temporal;

import dev.sqlfeed.workflows.SourceInput;
import dev.sqlfeed.workflows.SourceSettings;
import dev.sqlfeed.workflows.SourceState;
import dev.sqlfeed.workflows.SourceStatus;
import dev.sqlfeed.workflows.SourceWorkflow;
import dev.sqlfeed.workflows.SourceWorkflows;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one workflow per source, idempotently: a source whose workflow runs already is attached
 * to, not started twice (Temporal refuses a second workflow with the same id), and gets the
 * config's current pacing if it changed.
 */
public final class SourceStarter {
  private static final Logger LOG = LoggerFactory.getLogger(SourceStarter.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final WorkflowClient client;
  private final String taskQueue;
  private final String app;

  public SourceStarter(WorkflowClient client, String taskQueue, String app) {
    this.client = client;
    this.taskQueue = taskQueue;
    this.app = app;
  }

  /** A source and what starting it did. */
  public record Started(SourcePacing source, SourceWorkflows.Start start) {}

  /**
   * Starts (or attaches to) every source's workflow.
   *
   * @param carried states to start from, by source key (after the embedded server was recycled); a
   *     source without one starts from the store's checkpoint
   */
  public List<Started> startAll(
      List<SourcePacing> sources, boolean once, Map<String, SourceState> carried) {
    List<Started> started = new ArrayList<>();
    for (SourcePacing source : sources) {
      SourceInput input =
          new SourceInput(app, source.key(), source.settings(), once, carried.get(source.key()));
      SourceWorkflows.Start start = SourceWorkflows.startOrAttach(client, taskQueue, input);
      if (start.attached() && !once) {
        updateSettings(source);
      }
      LOG.info(
          "{} {} (run {})",
          start.attached() ? "attached to" : "started",
          start.workflowId(),
          start.runId());
      started.add(new Started(source, start));
    }
    return started;
  }

  private void updateSettings(SourcePacing source) {
    SourceWorkflow workflow = stub(source.key());
    SourceStatus status = workflow.state();
    if (status == null) {
      return;
    }
    // The cycles per run are the server's business (the embedded one wants fewer), not the
    // config's: a worker attaching to another's workflows leaves them as that worker set them.
    SourceSettings wanted = source.settings().withCyclesPerRun(status.settings().cyclesPerRun());
    if (!wanted.equals(status.settings())) {
      workflow.updateSettings(wanted);
    }
  }

  /** A stub for the source's running (or last) workflow. */
  public SourceWorkflow stub(String sourceKey) {
    return SourceWorkflows.attach(client, app, sourceKey);
  }

  /**
   * Waits for one cycle of a source started by {@link #startAll} with {@code once}: the result of a
   * workflow it started, or, for one it attached to (a polling workflow run elsewhere), the next
   * cycle that ends after a {@code pollNow}.
   *
   * @return the state after the cycle, or empty if {@code stopped} said to stop waiting
   */
  public Optional<SourceState> awaitOnce(Started started, BooleanSupplier stopped) {
    if (started.start().attached()) {
      return awaitNextCycle(started.source().key(), stopped);
    }
    WorkflowStub stub =
        client.newUntypedWorkflowStub(
            started.start().workflowId(), Optional.of(started.start().runId()), Optional.empty());
    CompletableFuture<SourceState> result = stub.getResultAsync(SourceState.class);
    while (!stopped.getAsBoolean()) {
      try {
        return Optional.of(result.get(POLL.toMillis(), TimeUnit.MILLISECONDS));
      } catch (TimeoutException e) {
        // Not done yet: look at the stop flag again.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      } catch (ExecutionException e) {
        throw new IllegalStateException(
            started.start().workflowId() + " ended without a result: " + e.getCause(), e);
      }
    }
    return Optional.empty();
  }

  private Optional<SourceState> awaitNextCycle(String sourceKey, BooleanSupplier stopped) {
    SourceWorkflow workflow = stub(sourceKey);
    long before = ended(workflow.state().state());
    workflow.pollNow();
    while (!stopped.getAsBoolean()) {
      SourceState state = workflow.state().state();
      if (ended(state) > before) {
        return Optional.of(state);
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static long ended(SourceState state) {
    return state.cycle().cycles() + state.cycle().failures();
  }
}
