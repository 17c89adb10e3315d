package dev.sqlfeed.worker.temporal;

import dev.sqlfeed.workflows.FullSyncFailure;
import dev.sqlfeed.workflows.FullSyncInput;
import dev.sqlfeed.workflows.FullSyncResult;
import dev.sqlfeed.workflows.FullSyncState;
import dev.sqlfeed.workflows.FullSyncWorkflow;
import dev.sqlfeed.workflows.FullSyncWorkflows;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * {@code sqlfeed sync} against a running worker: asks for a full sync of the app and waits for one
 * that began after the request. With no full sync workflow running, it starts one that runs once;
 * with one running (the schedule, or another {@code sync}), it signals {@code syncNow} to it.
 * Either way it then watches the workflow's {@code requests}/{@code served} figures (see {@link
 * FullSyncState}) until its request is served.
 */
public final class FullSyncRequest {
  private static final Duration POLL = Duration.ofMillis(500);
  private static final int ATTEMPTS = 3;

  /**
   * What the worker's full sync came to.
   *
   * @param result the run's result when it succeeded, else null
   * @param failure why it failed, else null
   * @param workflowId the workflow that ran it
   * @param started whether this request started the workflow (rather than signalling a running one)
   */
  public record Outcome(
      FullSyncResult result, FullSyncFailure failure, String workflowId, boolean started) {}

  private final WorkflowClient client;
  private final String taskQueue;
  private final String app;

  public FullSyncRequest(WorkflowClient client, String taskQueue, String app) {
    this.client = client;
    this.taskQueue = taskQueue;
    this.app = app;
  }

  /**
   * Requests a full sync and waits for it.
   *
   * @param stopped says when to stop waiting (the full sync goes on in the worker)
   * @return the outcome, or empty if {@code stopped} said to stop first
   */
  public Optional<Outcome> runAndWait(BooleanSupplier stopped) {
    for (int attempt = 1; ; attempt++) {
      FullSyncWorkflows.Start start =
          FullSyncWorkflows.startOrAttach(client, taskQueue, FullSyncInput.once(app));
      if (!start.attached()) {
        // Its own start is the workflow's first request: served > 0 once that sync has ended.
        FullSyncWorkflow started =
            client.newWorkflowStub(
                FullSyncWorkflow.class, start.workflowId(), Optional.of(start.runId()));
        return await(started, 0, start, stopped);
      }
      FullSyncWorkflow running = FullSyncWorkflows.attach(client, app);
      try {
        long before = running.state().state().requests();
        running.syncNow();
        return await(running, before, start, stopped);
      } catch (WorkflowNotFoundException e) {
        // It completed between the start and the signal: start a new one.
        if (attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private Optional<Outcome> await(
      FullSyncWorkflow workflow,
      long before,
      FullSyncWorkflows.Start start,
      BooleanSupplier stopped) {
    while (!stopped.getAsBoolean()) {
      FullSyncState state = workflow.state().state();
      if (state.served() > before) {
        return Optional.of(
            new Outcome(
                state.lastFailed() ? null : state.last(),
                state.lastFailed() ? state.lastFailure() : null,
                start.workflowId(),
                !start.attached()));
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
}
