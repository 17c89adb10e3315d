package dev.sqlfeed.worker.temporal;

import dev.sqlfeed.workflows.FullSyncInput;
import dev.sqlfeed.workflows.FullSyncState;
import dev.sqlfeed.workflows.FullSyncStatus;
import dev.sqlfeed.workflows.FullSyncWorkflows;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts an app's scheduled full sync workflow, idempotently: a running one (another worker's
 * schedule, or a {@code sqlfeed sync} that runs once) is attached to and given the config's
 * interval; a workflow that runs once then goes on as the schedule when its sync is done.
 */
public final class FullSyncStarter {
  private static final Logger LOG = LoggerFactory.getLogger(FullSyncStarter.class);

  private final WorkflowClient client;
  private final String taskQueue;
  private final String app;

  public FullSyncStarter(WorkflowClient client, String taskQueue, String app) {
    this.client = client;
    this.taskQueue = taskQueue;
    this.app = app;
  }

  /**
   * Starts (or attaches to) the schedule.
   *
   * @param carried the state to start from (after the embedded server was recycled); null for a new
   *     schedule, which asks the store when the last full sync ended
   */
  public FullSyncWorkflows.Start startScheduled(Duration interval, FullSyncState carried) {
    if (FullSyncWorkflows.retireLegacy(client, app)) {
      LOG.info("{}: ended the schedule of an earlier sqlfeed, under the old workflow id", app);
    }
    FullSyncWorkflows.Start start =
        FullSyncWorkflows.startOrAttach(
            client, taskQueue, FullSyncInput.scheduled(app, interval.toMillis(), carried));
    if (start.attached()) {
      FullSyncWorkflows.attach(client, app).updateInterval(interval.toMillis());
    }
    LOG.info(
        "{} {} (run {}), a full sync every {}",
        start.attached() ? "attached to" : "started",
        start.workflowId(),
        start.runId(),
        interval);
    return start;
  }

  /** The workflow's state, or empty if it does not answer (not started, or no worker). */
  public Optional<FullSyncStatus> status() {
    try {
      return Optional.ofNullable(FullSyncWorkflows.attach(client, app).state());
    } catch (WorkflowNotFoundException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      LOG.warn("{}: full sync state query failed: {}", app, e.getMessage());
      return Optional.empty();
    }
  }
}
