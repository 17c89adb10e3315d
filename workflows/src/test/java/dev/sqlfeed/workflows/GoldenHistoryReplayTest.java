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
 * Replays the histories recorded from real runs against the current workflow code: a change that
 * would break a running workflow fails here. See src/test/resources/golden/README.md.
 */
class GoldenHistoryReplayTest {
  static Stream<String> goldenHistories() throws IOException, URISyntaxException {
    Path folder = Path.of(GoldenHistoryReplayTest.class.getResource("/golden").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      List<String> names =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".json"))
              .sorted()
              .toList();
      return names.stream().map(n -> "golden/" + n);
    }
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
            "golden/reset-cursor.json");
  }

  @ParameterizedTest
  @MethodSource("goldenHistories")
  void goldenHistory_replaysAgainstTheCurrentCode(String resource) throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(resource, SourceWorkflowImpl.class);
  }

  @Test
  void replay_detectsAWorkflowThatChangedItsCommands() {
    assertThatThrownBy(
            () ->
                WorkflowReplayer.replayWorkflowExecutionFromResource(
                    "golden/multi-page-cycle.json", DriftedWorkflow.class))
        .hasMessageContaining("NonDeterministicException");
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
    public void updateSettings(SourceSettings settings) {}

    @Override
    public SourceStatus state() {
      return null;
    }
  }
}
