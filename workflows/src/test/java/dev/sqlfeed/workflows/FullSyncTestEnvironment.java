package dev.sqlfeed.workflows;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Temporal's time-skipping test environment with a worker that runs {@link FullSyncWorkflowImpl}
 * over a {@link ScriptedFullSync}. Time moves only while a test blocks on a result or sleeps.
 */
final class FullSyncTestEnvironment implements AutoCloseable {
  static final String QUEUE = "sqlfeed-test";
  static final String APP = "acme";
  static final Duration INTERVAL = Duration.ofHours(1);

  final TestWorkflowEnvironment env;
  final WorkflowClient client;

  FullSyncTestEnvironment(ScriptedFullSync activities) {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(
                    WorkflowClientOptions.newBuilder().setIdentity("sqlfeed-test").build())
                .build());
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(FullSyncWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
    env.start();
    client = env.getWorkflowClient();
  }

  static FullSyncInput scheduled(int syncsPerRun) {
    return new FullSyncInput(APP, false, INTERVAL.toMillis(), syncsPerRun, null);
  }

  WorkflowExecution start(FullSyncInput input) {
    FullSyncWorkflows.Start start = FullSyncWorkflows.startOrAttach(client, QUEUE, input);
    return WorkflowExecution.newBuilder()
        .setWorkflowId(start.workflowId())
        .setRunId(start.runId())
        .build();
  }

  FullSyncWorkflow stub() {
    return FullSyncWorkflows.attach(client, APP);
  }

  /** The result of the app's full sync workflow, following continue-as-new. */
  FullSyncState result() {
    return io.temporal.client.WorkflowStub.fromTyped(stub()).getResult(FullSyncState.class);
  }

  /** Queries the state until it satisfies the condition (time does not move). */
  FullSyncStatus awaitStatus(Predicate<FullSyncStatus> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    FullSyncStatus status = null;
    while (System.nanoTime() < deadline) {
      status = stub().state();
      if (status != null && condition.test(status)) {
        return status;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("condition not met; last state: " + status);
  }

  /**
   * Waits, by reading histories only, until {@code run} has continued as new and the new run has
   * started its timer; returns the new run. The test server leaks a time-skipping lock when a query
   * arrives while a run continues as new (later sleeps then never end), so tests must not query
   * across that moment.
   */
  WorkflowExecution awaitNextRunWaiting(WorkflowExecution run) {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      var last = client.fetchHistory(run.getWorkflowId(), run.getRunId()).getLastEvent();
      if (last.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW) {
        WorkflowExecution next =
            WorkflowExecution.newBuilder()
                .setWorkflowId(run.getWorkflowId())
                .setRunId(
                    last.getWorkflowExecutionContinuedAsNewEventAttributes().getNewExecutionRunId())
                .build();
        boolean waiting =
            client.fetchHistory(next.getWorkflowId(), next.getRunId()).getEvents().stream()
                .anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED);
        if (waiting) {
          return next;
        }
      }
      pause();
    }
    throw new AssertionError("the run did not continue as new into a waiting run");
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  EventType lastEvent(WorkflowExecution run) {
    return client.fetchHistory(run.getWorkflowId(), run.getRunId()).getLastEvent().getEventType();
  }

  @Override
  public void close() {
    env.close();
  }
}
