package dev.sqlfeed.workflows;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import java.util.Map;
import java.util.Optional;

/**
 * sqlfeed's workflow types, by the name histories carry, with the implementation that replays them:
 * what {@code sqlfeed replay} and the golden history test use to pick the code for a history.
 */
public final class WorkflowTypes {
  private static final Map<String, Class<?>> IMPLEMENTATIONS =
      Map.of(
          "SourceWorkflow", SourceWorkflowImpl.class,
          "FullSyncWorkflow", FullSyncWorkflowImpl.class);

  private WorkflowTypes() {}

  /** The workflow type names sqlfeed knows, sorted, for messages. */
  public static String known() {
    return String.join(", ", IMPLEMENTATIONS.keySet().stream().sorted().toList());
  }

  /** The implementation of a workflow type, or empty if sqlfeed has no workflow of that name. */
  public static Optional<Class<?>> implementation(String workflowType) {
    return Optional.ofNullable(IMPLEMENTATIONS.get(workflowType));
  }

  /**
   * The workflow type of a history, from its first event ({@code WorkflowExecutionStarted}); empty
   * if the history does not begin with one.
   */
  public static Optional<String> of(WorkflowExecutionHistory history) {
    if (history.getEvents().isEmpty()) {
      return Optional.empty();
    }
    HistoryEvent first = history.getEvents().get(0);
    if (first.getEventType() != EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED) {
      return Optional.empty();
    }
    return Optional.of(
        first.getWorkflowExecutionStartedEventAttributes().getWorkflowType().getName());
  }
}
