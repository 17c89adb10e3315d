package dev.sqlfeed.workflows;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import java.util.Objects;

/**
 * The client side of full sync workflows: their id, and how a start attaches to the running one
 * instead of running a second full sync of the app.
 */
public final class FullSyncWorkflows {
  /**
   * How the workflow id begins. Source workflows' ids all begin with {@code sqlfeed/}, so no config
   * key (a resource type may be called {@code full-sync}) can give a source this id.
   */
  public static final String ID_PREFIX = "sqlfeed-full-sync/";

  /** The suffix of the id that sqlfeed used until it had {@link #ID_PREFIX}. */
  static final String LEGACY_SUFFIX = "full-sync";

  private static final String WORKFLOW_TYPE = "FullSyncWorkflow";

  private FullSyncWorkflows() {}

  /** The workflow id of an app's full syncs: {@code sqlfeed-full-sync/<app>}. */
  public static String workflowId(String app) {
    return ID_PREFIX + app;
  }

  /**
   * Ends the app's schedule left running under the id of earlier versions, {@code
   * sqlfeed/<app>/full-sync}, so that an upgraded worker does not run two schedules; a source
   * workflow that happens to have that id (a resource type called {@code full-sync}) is left alone.
   *
   * @return whether one was ended
   */
  public static boolean retireLegacy(WorkflowClient client, String app) {
    String legacy = SourceWorkflows.workflowId(app, LEGACY_SUFFIX);
    WorkflowStub stub = client.newUntypedWorkflowStub(legacy);
    try {
      WorkflowExecutionDescription description = stub.describe();
      if (description.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
          || !WORKFLOW_TYPE.equals(description.getWorkflowType())) {
        return false;
      }
      stub.terminate("replaced by " + workflowId(app));
      return true;
    } catch (WorkflowNotFoundException e) {
      return false;
    }
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
