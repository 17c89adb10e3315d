package dev.sqlfeed.workflows;

import dev.sqlfeed.domain.feed.FeedSources;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.util.Objects;
import java.util.Optional;

/**
 * The client side of source workflows: their ids, how they are started, and how a second start
 * attaches to the running one instead of scanning the source twice.
 */
public final class SourceWorkflows {
  /** The task queue when none is given. */
  public static final String DEFAULT_TASK_QUEUE = "sqlfeed";

  private SourceWorkflows() {}

  /** The workflow id of a source: {@code sqlfeed/<app>/<source key>}. */
  public static String workflowId(String app, String sourceKey) {
    return FeedSources.workflowId(app, sourceKey);
  }

  /**
   * Start options for a source's workflow. A running workflow with the same id makes the start fail
   * (Temporal's guarantee that a source is scanned by one workflow at a time); a closed one
   * (completed, failed, terminated) may be followed by a new one.
   */
  public static WorkflowOptions options(String taskQueue, String workflowId) {
    return WorkflowOptions.newBuilder()
        .setTaskQueue(taskQueue)
        .setWorkflowId(workflowId)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
        .build();
  }

  /** What {@link #startOrAttach} did. */
  public record Start(String workflowId, String runId, boolean attached) {}

  /**
   * Starts the source's workflow, or, when one is running already, leaves it be and reports it:
   * starting is idempotent, so every {@code sqlfeed run} may call this for every source.
   */
  public static Start startOrAttach(WorkflowClient client, String taskQueue, SourceInput input) {
    Objects.requireNonNull(input, "input");
    String id = workflowId(input.app(), input.sourceKey());
    SourceWorkflow stub = client.newWorkflowStub(SourceWorkflow.class, options(taskQueue, id));
    try {
      WorkflowExecution started = WorkflowClient.start(stub::run, input);
      return new Start(id, started.getRunId(), false);
    } catch (WorkflowExecutionAlreadyStarted e) {
      return new Start(id, e.getExecution().getRunId(), true);
    }
  }

  /** A stub for the running (latest) workflow of a source: for signals and the state query. */
  public static SourceWorkflow attach(WorkflowClient client, String app, String sourceKey) {
    return client.newWorkflowStub(SourceWorkflow.class, workflowId(app, sourceKey));
  }

  /**
   * A page or checkpoint attempt that failed and is waiting to be retried.
   *
   * @param attempt the attempt Temporal will make next (2 after the first failure)
   * @param message the last failure's message, on one line
   */
  public record Retrying(int attempt, String message) {}

  /**
   * The source's activity that is being retried after a failure, if any. The workflow's own state
   * learns of a failure only once the activity gives up (minutes of retries), so this asks the
   * server for the workflow's pending activity: an outage shows while it lasts.
   */
  public static Optional<Retrying> retrying(WorkflowClient client, String app, String sourceKey) {
    var response =
        client
            .getWorkflowServiceStubs()
            .blockingStub()
            .describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(client.getOptions().getNamespace())
                    .setExecution(
                        WorkflowExecution.newBuilder().setWorkflowId(workflowId(app, sourceKey)))
                    .build());
    for (PendingActivityInfo activity : response.getPendingActivitiesList()) {
      if (activity.hasLastFailure() && activity.getAttempt() > 1) {
        String message = activity.getLastFailure().getMessage().replaceAll("\\s*\\R\\s*", "; ");
        return Optional.of(new Retrying(activity.getAttempt(), message));
      }
    }
    return Optional.empty();
  }
}
