package dev.sqlfeed.worker.temporal;

import dev.sqlfeed.workflows.FeedActivities;
import dev.sqlfeed.workflows.FullSyncActivities;
import dev.sqlfeed.workflows.FullSyncWorkflowImpl;
import dev.sqlfeed.workflows.SourceWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Polls a task queue and runs the source and full sync workflows and their activities. */
public final class TemporalWorker implements AutoCloseable {
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

  private final WorkerFactory factory;

  private TemporalWorker(WorkerFactory factory) {
    this.factory = factory;
  }

  /**
   * Starts polling.
   *
   * @param embedded whether the server is Temporal's test server, which keeps sending tasks to a
   *     dead worker's sticky queue forever: sticky execution is then switched off, so that a
   *     restarted worker resumes the workflows (every workflow task replays its run's history,
   *     which continue-as-new keeps short)
   */
  public static TemporalWorker start(
      WorkflowClient client, String taskQueue, FeedActivities activities, boolean embedded) {
    return start(client, taskQueue, activities, null, embedded);
  }

  /**
   * Starts polling, running full syncs too.
   *
   * @param fullSyncs the full sync activity; null for a worker that runs source workflows only
   * @see #start(WorkflowClient, String, FeedActivities, boolean)
   */
  public static TemporalWorker start(
      WorkflowClient client,
      String taskQueue,
      FeedActivities activities,
      FullSyncActivities fullSyncs,
      boolean embedded) {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    WorkerOptions.Builder options = WorkerOptions.newBuilder();
    if (embedded) {
      options.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
    }
    Worker worker = factory.newWorker(taskQueue, options.build());
    if (fullSyncs == null) {
      worker.registerWorkflowImplementationTypes(SourceWorkflowImpl.class);
      worker.registerActivitiesImplementations(activities);
    } else {
      worker.registerWorkflowImplementationTypes(
          SourceWorkflowImpl.class, FullSyncWorkflowImpl.class);
      worker.registerActivitiesImplementations(activities, fullSyncs);
    }
    factory.start();
    return new TemporalWorker(factory);
  }

  /**
   * Stops polling and waits a few seconds for running tasks; a page still running after that is
   * interrupted, its transaction rolled back, and retried by whichever worker runs next.
   */
  @Override
  public void close() {
    factory.shutdown();
    factory.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    if (!factory.isTerminated()) {
      factory.shutdownNow();
      factory.awaitTermination(2, TimeUnit.SECONDS);
    }
  }
}
