package dev.sqlfeed.workflows;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.util.Objects;

/**
 * The client side of full sync workflows: their id, and how a start attaches to the running one
 * instead of running a second full sync of the app.
 */
public final class FullSyncWorkflows {
  /** The last part of the workflow id, after {@code sqlfeed/<app>/}. */
  public static final String ID_SUFFIX = "full-sync";

  private FullSyncWorkflows() {}

  /** The workflow id of an app's full syncs: {@code sqlfeed/<app>/full-sync}. */
  public static String workflowId(String app) {
    return SourceWorkflows.workflowId(app, ID_SUFFIX);
  }

  /** What {@link #startOrAttach} did. */
  public record Start(String workflowId, String runId, boolean attached) {}

  /**
   * Starts the app's full sync workflow, or, when one runs already (scheduled, or started by
   * another {@code sqlfeed sync}), leaves it be and reports it. Same id policies as the source
   * workflows: a running one refuses a second start, a closed one may be followed by a new one.
   */
  public static Start startOrAttach(WorkflowClient client, String taskQueue, FullSyncInput input) {
    Objects.requireNonNull(input, "input");
    String id = workflowId(input.app());
    FullSyncWorkflow stub =
        client.newWorkflowStub(FullSyncWorkflow.class, SourceWorkflows.options(taskQueue, id));
    try {
      WorkflowExecution started = WorkflowClient.start(stub::run, input);
      return new Start(id, started.getRunId(), false);
    } catch (WorkflowExecutionAlreadyStarted e) {
      return new Start(id, e.getExecution().getRunId(), true);
    }
  }

  /** A stub for the app's running (latest) full sync workflow: for signals and the query. */
  public static FullSyncWorkflow attach(WorkflowClient client, String app) {
    return client.newWorkflowStub(FullSyncWorkflow.class, workflowId(app));
  }
}
