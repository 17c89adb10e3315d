package dev.sqlfeed.workflows;

import static dev.sqlfeed.workflows.FeedTestEnvironment.APP;
import static dev.sqlfeed.workflows.FeedTestEnvironment.POLL;
import static dev.sqlfeed.workflows.FeedTestEnvironment.QUEUE;
import static dev.sqlfeed.workflows.FeedTestEnvironment.input;
import static dev.sqlfeed.workflows.FeedTestEnvironment.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SourceWorkflowRunTest {
  private final ScriptedFeed feed = new ScriptedFeed();
  private final FeedTestEnvironment t = new FeedTestEnvironment(feed);

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void continueAsNew_afterBoundedCycles_carriesTheState() {
    feed.rows(5, Duration.ofMinutes(10));
    SourceSettings twoCyclesPerRun = new SourceSettings(POLL.toMillis(), 100, 2, 500);
    WorkflowExecution first = t.start(input("user", twoCyclesPerRun, false));
    t.awaitStatus("user", s -> s.state().cycle().cycles() == 1);
    t.stub("user").pause();
    t.stub("user").resume();
    t.awaitStatus("user", s -> s.state().cycle().cycles() == 2);

    t.env.sleep(POLL);
    SourceStatus second = t.awaitStatus("user", s -> s.state().cycle().cycles() == 3);

    assertThat(second.state().runs()).isEqualTo(2);
    assertThat(second.state().cycle().eventsAppended()).isEqualTo(5);
    assertThat(second.state().cycle().committedCursor()).isEqualTo("2026-11-25T09:50:04Z");
    assertThat(second.state().initialised()).isTrue();
    assertThat(lastEvent(first))
        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
    assertThat(feed.requests().get(2).state().committedCursor()).isEqualTo("2026-11-25T09:50:04Z");
  }

  @Test
  void continueAsNew_inTheMiddleOfACycle_resumesAtThePosition() {
    feed.rows(65, Duration.ofMinutes(30));
    SourceSettings twoPagesPerRun = new SourceSettings(POLL.toMillis(), 10, 100, 2);
    WorkflowExecution first = t.start(input("user", twoPagesPerRun, true));

    SourceState end = t.result("user");

    assertThat(end.runs()).isEqualTo(4);
    assertThat(end.cycle().rows()).isEqualTo(65);
    assertThat(end.cycle().duplicates()).isZero();
    assertThat(feed.commitCalls()).containsExactly(7);
    assertThat(feed.requests()).hasSize(7);
    assertThat(feed.requests().subList(1, 7))
        .extracting(r -> r.state().since())
        .as("every run goes on in the window the first page pinned")
        .containsOnly("2026-11-25T07:00:00Z");
    assertThat(lastEvent(first))
        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
  }

  @Test
  void secondStart_ofTheSameSource_isRefusedByTemporal_andStartOrAttachAttaches() {
    SourceInput input = input("user", settings(100), false);
    SourceWorkflows.Start first = SourceWorkflows.startOrAttach(t.client, QUEUE, input);
    t.awaitStatus("user", s -> s.state().cycle().cycles() == 1);

    SourceWorkflows.Start second = SourceWorkflows.startOrAttach(t.client, QUEUE, input);
    SourceWorkflow raw =
        t.client.newWorkflowStub(
            SourceWorkflow.class,
            SourceWorkflows.options(QUEUE, SourceWorkflows.workflowId(APP, "user")));

    assertThat(first.attached()).isFalse();
    assertThat(second.attached()).isTrue();
    assertThat(second.runId()).isEqualTo(first.runId());
    assertThat(second.workflowId()).isEqualTo("sqlfeed/acme/user");
    assertThatThrownBy(() -> WorkflowClient.start(raw::run, input))
        .isInstanceOf(WorkflowExecutionAlreadyStarted.class);
    SourceWorkflow attached = SourceWorkflows.attach(t.client, APP, "user");
    attached.pollNow();
    assertThat(t.awaitStatus("user", s -> s.state().cycle().cycles() == 2).sourceKey())
        .isEqualTo("user");
    assertThat(feed.requests()).hasSize(2);
  }

  @Test
  void sourceAfterACompletedOnceRun_canBeStartedAgain() {
    feed.rows(3, Duration.ofMinutes(10));
    t.start(input("user", settings(100), true));
    t.result("user");

    SourceWorkflows.Start again =
        SourceWorkflows.startOrAttach(t.client, QUEUE, input("user", settings(100), true));
    t.result("user");

    assertThat(again.attached()).isFalse();
    assertThat(feed.requests()).hasSize(2);
    assertThat(feed.requests().get(1).state().committedCursor())
        .as("the new workflow starts from the store's checkpoint")
        .isEqualTo("2026-11-25T09:50:02Z");
  }

  private EventType lastEvent(WorkflowExecution run) {
    return t.client.fetchHistory(run.getWorkflowId(), run.getRunId()).getLastEvent().getEventType();
  }
}
