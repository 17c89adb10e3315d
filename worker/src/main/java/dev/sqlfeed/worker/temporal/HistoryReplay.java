package dev.sqlfeed.worker.temporal;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;

/**
 * Replays a workflow history against an implementation, with a worker whose deadlock detection
 * waits long enough for a cold JVM. With the SDK's default of one second, loading the classes of a
 * process's first workflow task on a busy machine fails the replay as a "query failure" (measured:
 * three cold {@code sqlfeed replay} runs in six), which says nothing about the code.
 */
public final class HistoryReplay {
  private static final Duration DEADLOCK_DETECTION = Duration.ofSeconds(30);

  private HistoryReplay() {}

  /**
   * Replays the history; throws what {@link WorkflowReplayer} throws when it does not replay (a
   * message with {@code NonDeterministicException} for a workflow that changed its commands).
   */
  public static void replay(WorkflowExecutionHistory history, Class<?> implementation)
      throws Exception {
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    try {
      Worker worker =
          env.newWorker(
              "sqlfeed-replay",
              WorkerOptions.newBuilder()
                  .setDefaultDeadlockDetectionTimeout(DEADLOCK_DETECTION.toMillis())
                  .build());
      worker.registerWorkflowImplementationTypes(implementation);
      WorkflowReplayer.replayWorkflowExecution(history, worker);
    } finally {
      env.close();
    }
  }
}
