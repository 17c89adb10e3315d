package dev.sqlfeed.workflows;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import io.temporal.workflow.Workflow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the histories recorded from real runs, of both workflows, against the current workflow
 * code: a change that would break a running workflow fails here. Each history is replayed against
 * the implementation its first event names, as {@code sqlfeed replay} does. See
 * src/test/resources/golden/README.md.
 */
class GoldenHistoryReplayTest {
  /** The folders of golden histories, below the test resources. */
  private static final List<String> FOLDERS = List.of("golden", "golden/full-sync");

  static Stream<String> goldenHistories() throws IOException, URISyntaxException {
    List<String> resources = new ArrayList<>();
    for (String folder : FOLDERS) {
      Path path = Path.of(GoldenHistoryReplayTest.class.getResource("/" + folder).toURI());
      try (Stream<Path> files = Files.list(path)) {
        files
            .map(f -> f.getFileName().toString())
            .filter(n -> n.endsWith(".json"))
            .sorted()
            .forEach(n -> resources.add(folder + "/" + n));
      }
    }
    return resources.stream();
  }

  @Test
  void everyScenarioHasAGoldenHistory() throws IOException, URISyntaxException {
    assertThat(goldenHistories())
        .contains(
            "golden/multi-page-cycle.json",
            "golden/transient-retry.json",
            "golden/permanent-failure.json",
            "golden/continue-as-new.json",
            "golden/continue-as-new-mid-cycle.json",
            "golden/pause-resume.json",
            "golden/reset-cursor.json",
            "golden/reset-cursor-by.json",
            "golden/poll-now.json",
            "golden/update-settings.json",
            "golden/continue-as-new-next-run.json",
            "golden/initial-checkpoint-failure.json",
            "golden/grants-changes.json",
            "golden/grants-revokes.json",
            "golden/event-feed.json",
            "golden/full-sync/once.json",
            "golden/full-sync/once-with-sync-now.json",
            "golden/full-sync/once-becomes-schedule.json",
            "golden/full-sync/failure-then-next-interval.json",
            "golden/full-sync/continue-as-new.json");
  }

  @ParameterizedTest
  @MethodSource("goldenHistories")
  void goldenHistory_replaysAgainstTheCurrentCode(String resource) throws Exception {
    WorkflowExecutionHistory history = read(resource);
    String type = WorkflowTypes.of(history).orElseThrow();
    Class<?> implementation =
        WorkflowTypes.implementation(type)
            .orElseThrow(() -> new AssertionError(resource + ": unknown workflow type " + type));

    replay(history, implementation);
  }

  /**
   * Replays with a deadlock detection that waits for a cold JVM on a busy machine: the SDK's one
   * second can fail the first replay of a fresh JVM while it loads classes (as in the worker's
   * {@code HistoryReplay}, which this module cannot use).
   */
  private static void replay(WorkflowExecutionHistory history, Class<?> implementation)
      throws Exception {
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    try {
      Worker worker =
          env.newWorker(
              "golden-replay",
              WorkerOptions.newBuilder()
                  .setDefaultDeadlockDetectionTimeout(Duration.ofSeconds(30).toMillis())
                  .build());
      worker.registerWorkflowImplementationTypes(implementation);
      WorkflowReplayer.replayWorkflowExecution(history, worker);
    } finally {
      env.close();
    }
  }

  @Test
  void everyFolder_holdsTheHistoriesOfOneWorkflowType() throws Exception {
    List<String> resources = goldenHistories().toList();

    assertThat(resources)
        .filteredOn(r -> r.startsWith("golden/full-sync/"))
        .allSatisfy(r -> assertThat(WorkflowTypes.of(read(r))).contains("FullSyncWorkflow"));
    assertThat(resources)
        .filteredOn(r -> !r.startsWith("golden/full-sync/"))
        .allSatisfy(r -> assertThat(WorkflowTypes.of(read(r))).contains("SourceWorkflow"));
  }

  @Test
  void replay_detectsAWorkflowThatChangedItsCommands() {
    assertThatThrownBy(() -> replay(read("golden/multi-page-cycle.json"), DriftedWorkflow.class))
        .hasMessageContaining("NonDeterministicException");
  }

  @Test
  void replay_detectsAFullSyncWorkflowThatChangedItsCommands() {
    assertThatThrownBy(
            () -> replay(read("golden/full-sync/once.json"), DriftedFullSyncWorkflow.class))
        .hasMessageContaining("NonDeterministicException");
  }

  private static WorkflowExecutionHistory read(String resource) {
    try (InputStream in = GoldenHistoryReplayTest.class.getResourceAsStream("/" + resource)) {
      return WorkflowExecutionHistory.fromJson(new String(in.readAllBytes(), UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a careless change looks like: a timer where history has an activity. */
  public static final class DriftedWorkflow implements SourceWorkflow {
    @Override
    public SourceState run(SourceInput input) {
      Workflow.sleep(Duration.ofSeconds(1));
      return SourceState.fresh();
    }

    @Override
    public void pollNow() {}

    @Override
    public void pause() {}

    @Override
    public void resume() {}

    @Override
    public void resetCursor(String timestamp) {}

    @Override
    public void resetCursorBy(CursorReset reset) {}

    @Override
    public void updateSettings(SourceSettings settings) {}

    @Override
    public SourceStatus state() {
      return null;
    }
  }

  /** What a careless change looks like: a timer where history has the full sync activity. */
  public static final class DriftedFullSyncWorkflow implements FullSyncWorkflow {
    @Override
    public FullSyncState run(FullSyncInput input) {
      Workflow.sleep(Duration.ofSeconds(1));
      return FullSyncState.fresh();
    }

    @Override
    public void syncNow() {}

    @Override
    public void updateInterval(long intervalMillis) {}

    @Override
    public FullSyncStatus state() {
      return null;
    }
  }
}
