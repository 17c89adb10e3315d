package dev.sqlfeed.workflows;

import static dev.sqlfeed.workflows.FullSyncTestEnvironment.INTERVAL;
import static dev.sqlfeed.workflows.FullSyncTestEnvironment.scheduled;
import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A scheduled full sync workflow: its timer loop, signals, failures and continue-as-new. */
@Timeout(120)
class FullSyncWorkflowScheduleTest {
  private final ScriptedFullSync activities = new ScriptedFullSync();
  private final FullSyncTestEnvironment t = new FullSyncTestEnvironment(activities);

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void newSchedule_withNoRunInTheStore_syncsAtOnce_andThenEveryInterval() {
    t.start(scheduled(0));
    FullSyncStatus first = t.awaitStatus(s -> s.state().syncs() == 1 && isWaiting(s));

    t.env.sleep(INTERVAL);
    FullSyncStatus second = t.awaitStatus(s -> s.state().syncs() == 2 && isWaiting(s));

    assertThat(first.state().last().runId()).isEqualTo(1);
    assertThat(Duration.between(at(first.state().lastEndedAt()), at(first.nextSyncAt())))
        .isEqualTo(INTERVAL);
    assertThat(second.state().last().runId()).isEqualTo(2);
    assertThat(second.state().failures()).isZero();
    assertThat(second.intervalMillis()).isEqualTo(INTERVAL.toMillis());
    assertThat(activities.calls()).isEqualTo(2);
  }

  @Test
  void newSchedule_afterARecentRunInTheStore_waitsForTheRestOfTheInterval() {
    activities.lastEnd(t.env.currentTimeMillis() - Duration.ofMinutes(20).toMillis());
    t.start(scheduled(0));
    FullSyncStatus waiting = t.awaitStatus(s -> s.state().initialised() && isWaiting(s));

    t.env.sleep(Duration.ofMinutes(39));
    int callsBeforeDue = activities.calls();
    t.env.sleep(Duration.ofMinutes(2));
    t.awaitStatus(s -> s.state().syncs() == 1);

    assertThat(waiting.state().syncs()).isZero();
    assertThat(callsBeforeDue).isZero();
  }

  @Test
  void syncNow_runsASyncBeforeTheIntervalIsUp_andTheScheduleRestartsFromIt() {
    t.start(scheduled(0));
    FullSyncStatus first = t.awaitStatus(s -> s.state().syncs() == 1 && isWaiting(s));

    t.env.sleep(Duration.ofMinutes(10));
    t.stub().syncNow();
    FullSyncStatus second = t.awaitStatus(s -> s.state().syncs() == 2 && isWaiting(s));

    assertThat(second.state().requests()).isEqualTo(1);
    assertThat(second.state().served()).isEqualTo(1);
    assertThat(at(second.nextSyncAt())).isAfter(at(first.nextSyncAt()));
    assertThat(activities.calls()).isEqualTo(2);
  }

  @Test
  void failure_isRecordedInTheState_andTheNextIntervalTriesAgain() {
    activities.failPermanently();
    t.start(scheduled(0));
    FullSyncStatus failed = t.awaitStatus(s -> s.state().failures() == 1 && isWaiting(s));

    t.env.sleep(INTERVAL);
    FullSyncStatus recovered = t.awaitStatus(s -> s.state().syncs() == 1 && isWaiting(s));

    assertThat(failed.state().lastFailed()).isTrue();
    assertThat(failed.state().last()).isNull();
    assertThat(failed.state().lastFailure().type()).isEqualTo(FeedFailures.SOURCE_QUERY_FAILED);
    assertThat(failed.state().lastFailure().transientFailure()).isFalse();
    assertThat(failed.state().lastFailure().message()).contains("no such table: users");
    assertThat(activities.calls()).as("a permanent failure is not retried at once").isEqualTo(2);
    assertThat(recovered.state().lastFailed()).isFalse();
    assertThat(recovered.state().lastFailure()).as("kept after a success").isNotNull();
    assertThat(recovered.state().last().runId()).isEqualTo(2);
  }

  @Test
  void transientFailure_isRetriedWithinTheSameSync() {
    activities.failTransiently(2);
    t.start(scheduled(0));

    // The retries wait 30 s, then 60 s; the sleep lets the test server skip that time.
    t.env.sleep(Duration.ofMinutes(2));
    FullSyncStatus status = t.awaitStatus(s -> s.state().syncs() == 1);

    assertThat(status.state().failures()).isZero();
    assertThat(activities.calls()).isEqualTo(3);
  }

  @Test
  void continueAsNew_afterTheSyncsPerRun_carriesTheState() {
    WorkflowExecution first = t.start(scheduled(2));
    t.awaitStatus(s -> s.state().syncs() == 1 && isWaiting(s));
    t.env.sleep(INTERVAL);
    t.awaitNextRunWaiting(first);
    FullSyncStatus secondRun = t.stub().state();

    t.env.sleep(INTERVAL);
    FullSyncStatus third = t.awaitStatus(s -> s.state().syncs() == 3 && isWaiting(s));

    assertThat(t.lastEvent(first))
        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
    assertThat(secondRun.state().runs()).isEqualTo(2);
    assertThat(secondRun.state().syncs()).isEqualTo(2);
    assertThat(secondRun.state().initialised()).isTrue();
    assertThat(third.state().runs()).isEqualTo(2);
    assertThat(third.state().last().runId()).isEqualTo(3);
    assertThat(activities.calls()).isEqualTo(3);
  }

  @Test
  void updateInterval_movesTheNextSync() {
    t.start(scheduled(0));
    FullSyncStatus before = t.awaitStatus(s -> s.state().syncs() == 1 && isWaiting(s));

    t.stub().updateInterval(Duration.ofMinutes(10).toMillis());
    FullSyncStatus after = t.awaitStatus(s -> s.intervalMillis() == 600_000);
    t.env.sleep(Duration.ofMinutes(11));
    t.awaitStatus(s -> s.state().syncs() == 2);

    assertThat(Duration.between(at(after.nextSyncAt()), at(before.nextSyncAt())))
        .isEqualTo(Duration.ofMinutes(50));
  }

  @Test
  void secondStart_ofTheApp_attachesToTheRunningWorkflow() {
    FullSyncWorkflows.Start first =
        FullSyncWorkflows.startOrAttach(t.client, FullSyncTestEnvironment.QUEUE, scheduled(0));
    t.awaitStatus(s -> s.state().syncs() == 1);

    FullSyncWorkflows.Start second =
        FullSyncWorkflows.startOrAttach(
            t.client, FullSyncTestEnvironment.QUEUE, FullSyncInput.once("acme"));

    assertThat(first.attached()).isFalse();
    assertThat(second.attached()).isTrue();
    assertThat(second.runId()).isEqualTo(first.runId());
    assertThat(second.workflowId()).isEqualTo("sqlfeed-full-sync/acme");
  }

  /**
   * The id no config key can take: a schedule an earlier sqlfeed left under {@code
   * sqlfeed/<app>/full-sync} is ended, so that an upgraded worker runs one schedule, not two.
   */
  @Test
  void aScheduleUnderTheOldId_isRetired_andTheNewIdIsNoSourceKeys() {
    String legacy = SourceWorkflows.workflowId("acme", "full-sync");
    FullSyncWorkflow old =
        t.client.newWorkflowStub(
            FullSyncWorkflow.class, SourceWorkflows.options(FullSyncTestEnvironment.QUEUE, legacy));
    WorkflowClient.start(old::run, scheduled(0));
    t.client.newWorkflowStub(FullSyncWorkflow.class, legacy).state();

    assertThat(FullSyncWorkflows.retireLegacy(t.client, "acme")).isTrue();
    assertThat(FullSyncWorkflows.retireLegacy(t.client, "acme")).isFalse();
    assertThat(FullSyncWorkflows.retireLegacy(t.client, "other")).isFalse();
    assertThat(t.client.newUntypedWorkflowStub(legacy).describe().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED);
    assertThat(FullSyncWorkflows.workflowId("acme"))
        .doesNotStartWith(SourceWorkflows.workflowId("acme", ""));
  }

  private static boolean isWaiting(FullSyncStatus s) {
    return "waiting".equals(s.phase()) && s.nextSyncAt() != null;
  }

  private static Instant at(String iso) {
    return Instant.parse(iso);
  }
}
