package dev.sqlfeed.workflows;

import static dev.sqlfeed.workflows.FullSyncTestEnvironment.APP;
import static dev.sqlfeed.workflows.FullSyncTestEnvironment.INTERVAL;
import static dev.sqlfeed.workflows.FullSyncTestEnvironment.QUEUE;
import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A full sync workflow started to run once, as {@code sqlfeed sync} starts it in a worker. */
@Timeout(120)
class FullSyncWorkflowOnceTest {
  private final ScriptedFullSync activities = new ScriptedFullSync();
  private final FullSyncTestEnvironment t = new FullSyncTestEnvironment(activities);

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void once_runsOneSync_andCompletesWithItsResult() {
    t.start(FullSyncInput.once(APP));

    FullSyncState end = t.result();

    assertThat(end.syncs()).isEqualTo(1);
    assertThat(end.requests()).isEqualTo(1);
    assertThat(end.served()).as("the start's own request is served").isEqualTo(1);
    assertThat(end.lastFailed()).isFalse();
    assertThat(end.last())
        .isEqualTo(new FullSyncResult(APP, 1, 3, 1, 2, 1, 0, 2, 1, 40))
        .extracting(FullSyncResult::differences)
        .isEqualTo(4L);
    assertThat(t.stub().state().phase()).isEqualTo("done");
    assertThat(t.stub().state().nextSyncAt()).isNull();
  }

  @Test
  void once_thatFails_completesWithTheFailure() {
    activities.failPermanently();
    t.start(FullSyncInput.once(APP));

    FullSyncState end = t.result();

    assertThat(end.lastFailed()).isTrue();
    assertThat(end.failures()).isEqualTo(1);
    assertThat(end.served()).isEqualTo(1);
    assertThat(end.lastFailure().message()).contains("no such table");
  }

  @Test
  void syncNow_whileItRuns_getsASyncOfItsOwnBeforeTheWorkflowCompletes() throws Exception {
    activities.holdAt(1);
    t.start(FullSyncInput.once(APP));
    activities.awaitHeld();

    t.stub().syncNow();
    t.awaitStatus(s -> s.state().requests() == 2);
    activities.release();
    FullSyncState end = t.result();

    assertThat(end.syncs()).isEqualTo(2);
    assertThat(end.served()).isEqualTo(2);
    assertThat(activities.calls()).isEqualTo(2);
  }

  @Test
  void scheduleStartedWhileItRuns_attaches_andTheWorkflowBecomesTheSchedule() throws Exception {
    activities.holdAt(1);
    WorkflowExecution run = t.start(FullSyncInput.once(APP));
    activities.awaitHeld();

    FullSyncWorkflows.Start schedule =
        FullSyncWorkflows.startOrAttach(t.client, QUEUE, FullSyncTestEnvironment.scheduled(0));
    t.stub().updateInterval(INTERVAL.toMillis());
    activities.release();
    t.awaitNextRunWaiting(run);
    FullSyncStatus scheduled = t.stub().state();
    t.env.sleep(INTERVAL);
    t.awaitStatus(s -> s.state().syncs() == 2);

    assertThat(schedule.attached()).isTrue();
    assertThat(scheduled.state().runs()).isEqualTo(2);
    assertThat(scheduled.phase()).isEqualTo("waiting");
    assertThat(scheduled.intervalMillis()).isEqualTo(INTERVAL.toMillis());
    assertThat(scheduled.state().served()).isEqualTo(1);
    assertThat(t.lastEvent(run))
        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
  }
}
