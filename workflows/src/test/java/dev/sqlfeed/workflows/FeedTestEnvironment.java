package dev.sqlfeed.workflows;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Temporal's time-skipping test environment with a worker that runs {@link SourceWorkflowImpl} over
 * a {@link ScriptedFeed}. Time moves only while a test blocks on a result or sleeps, so a workflow
 * waiting for its next poll stays there until the test says so.
 */
final class FeedTestEnvironment implements AutoCloseable {
  static final String QUEUE = "sqlfeed-test";
  static final String APP = "acme";
  static final Duration POLL = Duration.ofSeconds(30);

  final TestWorkflowEnvironment env;
  final WorkflowClient client;
  final ScriptedFeed feed;

  FeedTestEnvironment(ScriptedFeed feed) {
    this.feed = feed;
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(SourceWorkflowImpl.class);
    worker.registerActivitiesImplementations(feed);
    env.start();
    client = env.getWorkflowClient();
  }

  static SourceInput input(String sourceKey, SourceSettings settings, boolean once) {
    return new SourceInput(APP, sourceKey, settings, once, null);
  }

  static SourceSettings settings(int pageSize) {
    return SourceSettings.of(POLL.toMillis(), pageSize);
  }

  /** Starts a source's workflow and returns its first run. */
  WorkflowExecution start(SourceInput input) {
    SourceWorkflows.Start start = SourceWorkflows.startOrAttach(client, QUEUE, input);
    return WorkflowExecution.newBuilder()
        .setWorkflowId(start.workflowId())
        .setRunId(start.runId())
        .build();
  }

  SourceWorkflow stub(String sourceKey) {
    return SourceWorkflows.attach(client, APP, sourceKey);
  }

  /** The result of a source's workflow, following continue-as-new. */
  SourceState result(String sourceKey) {
    return WorkflowStub.fromTyped(stub(sourceKey)).getResult(SourceState.class);
  }

  /** Queries the source's state until it satisfies the condition (time does not move). */
  SourceStatus awaitStatus(String sourceKey, Predicate<SourceStatus> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    SourceStatus status = null;
    while (System.nanoTime() < deadline) {
      status = stub(sourceKey).state();
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

  @Override
  public void close() {
    env.close();
  }
}
