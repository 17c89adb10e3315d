package dev.sqlfeed.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.testing.WorkflowReplayer;
import io.temporal.workflow.Workflow;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the full sync workflow's recorded histories against the current code (see
 * src/test/resources/golden/README.md): a change that would break a running schedule fails here.
 */
class FullSyncGoldenHistoryTest {
  static Stream<String> goldenHistories() throws IOException, URISyntaxException {
    Path folder = Path.of(FullSyncGoldenHistoryTest.class.getResource("/golden/full-sync").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      List<String> names =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".json"))
              .sorted()
              .toList();
      return names.stream().map(n -> "golden/full-sync/" + n);
    }
  }

  @Test
  void everyScenarioHasAGoldenHistory() throws IOException, URISyntaxException {
    assertThat(goldenHistories())
        .containsExactlyInAnyOrder(
            "golden/full-sync/once.json",
            "golden/full-sync/once-with-sync-now.json",
            "golden/full-sync/once-becomes-schedule.json",
            "golden/full-sync/failure-then-next-interval.json",
            "golden/full-sync/continue-as-new.json");
  }

  @ParameterizedTest
  @MethodSource("goldenHistories")
  void goldenHistory_replaysAgainstTheCurrentCode(String resource) throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(resource, FullSyncWorkflowImpl.class);
  }

  @Test
  void replay_detectsAWorkflowThatChangedItsCommands() {
    assertThatThrownBy(
            () ->
                WorkflowReplayer.replayWorkflowExecutionFromResource(
                    "golden/full-sync/once.json", DriftedWorkflow.class))
        .hasMessageContaining("NonDeterministicException");
  }

  /** What a careless change looks like: a timer where history has the full sync activity. */
  public static final class DriftedWorkflow implements FullSyncWorkflow {
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
