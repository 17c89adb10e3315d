package dev.sqlfeed.worker.temporal;

import dev.sqlfeed.workflows.FeedActivities;
import dev.sqlfeed.workflows.FullSyncActivities;
import dev.sqlfeed.workflows.FullSyncWorkflowImpl;
import dev.sqlfeed.workflows.SourceWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Polls a task queue and runs the source and full sync workflows and their activities. */
public final class TemporalWorker implements AutoCloseable {
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

  /** Workflows kept in memory between tasks without sticky execution (the SDK's floor is 1). */
  static final int UNSTICKY_WORKFLOW_CACHE = 8;

  /** Workflow tasks run at once without sticky execution: each is short and CPU-bound. */
  static final int UNSTICKY_WORKFLOW_TASKS = 8;

  /** Room for the running tasks' and the cached workflows' threads, with a margin. */
  static final int UNSTICKY_WORKFLOW_THREADS = 64;

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
    WorkerFactoryOptions.Builder factoryOptions = WorkerFactoryOptions.newBuilder();
    WorkerOptions.Builder options = WorkerOptions.newBuilder();
    if (embedded) {
      options.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
      // Without sticky execution every workflow task brings its run's whole history and is replayed
      // from the start, so a cached workflow is never used again; yet each holds a thread. The
      // default cache (600) grows the threads by one per source; a small one bounds them.
      factoryOptions
          .setWorkflowCacheSize(UNSTICKY_WORKFLOW_CACHE)
          .setMaxWorkflowThreadCount(UNSTICKY_WORKFLOW_THREADS);
      options.setMaxConcurrentWorkflowTaskExecutionSize(UNSTICKY_WORKFLOW_TASKS);
    }
    WorkerFactory factory = WorkerFactory.newInstance(client, factoryOptions.build());
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
