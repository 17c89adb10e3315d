package dev.sqlfeed.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.workflows.FeedFailures;
import dev.sqlfeed.workflows.FullSyncInput;
import dev.sqlfeed.workflows.FullSyncState;
import dev.sqlfeed.workflows.FullSyncStatus;
import dev.sqlfeed.workflows.FullSyncWorkflows;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scenarios whose histories are the full sync golden files of the workflows module
 * (workflows/src/test/resources/golden/full-sync), run with the real full sync activity over an
 * SQLite source and store (see {@link SqliteFeedEnvironment}). Every build runs them and checks
 * what they did; with {@code -Dsqlfeed.recordGolden=true} they also write their histories.
 */
class FullSyncGoldenHistoryRecordingIT {
  private static final Duration INTERVAL = Duration.ofHours(1);
  private static final List<String> LOGINS = List.of("ada.lovelace", "grace.hopper", "alan.kay");

  private final SqliteFeedEnvironment t = new SqliteFeedEnvironment();

  @AfterEach
  void close() {
    t.close();
  }

  /** Three users and a team with one member: what every scenario's full sync reads. */
  private void rows() {
    for (int id = 1; id <= LOGINS.size(); id++) {
      t.users.insert(id, LOGINS.get(id - 1), 10 * id);
    }
    t.users.sql(
        "INSERT INTO teams VALUES ('ops', 'Operations')",
        "INSERT INTO team_members VALUES ('ops', 1, '2026-01-01 00:00:00', NULL)");
  }

  private void golden(String name, WorkflowExecution run) throws Exception {
    List<String> forbidden = new ArrayList<>(t.localTexts());
    forbidden.addAll(LOGINS);
    forbidden.add("Operations");
    GoldenHistories.check("full-sync/" + name, t.history(run), forbidden);
  }

  private static FullSyncInput scheduled(int syncsPerRun) {
    return new FullSyncInput(
        SqliteFeedEnvironment.APP, false, INTERVAL.toMillis(), syncsPerRun, null);
  }

  private static boolean waiting(FullSyncStatus s) {
    return "waiting".equals(s.phase()) && s.nextSyncAt() != null;
  }

  /**
   * Waits, reading histories only, until {@code run} has continued as new and the new run has
   * started its timer; returns the new run. The test server leaks a time-skipping lock when a query
   * arrives while a run continues as new, so no query may cross that moment.
   */
  private WorkflowExecution awaitNextRunWaiting(WorkflowExecution run) {
    WorkflowExecution[] next = {null};
    SqliteFeedEnvironment.await(
        () -> {
          HistoryEvent last = t.history(run).getLastEvent();
          if (last.getEventType() != EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW) {
            return false;
          }
          next[0] =
              WorkflowExecution.newBuilder()
                  .setWorkflowId(run.getWorkflowId())
                  .setRunId(
                      last.getWorkflowExecutionContinuedAsNewEventAttributes()
                          .getNewExecutionRunId())
                  .build();
          return t.history(next[0]).getEvents().stream()
              .anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED);
        },
        () ->
            "the run to continue as new into a waiting run; it ends with "
                + t.history(run).getLastEvent().getEventType());
    return next[0];
  }

  @Test
  void once_runsOneRealFullSync_andCompletesWithItsCounts() throws Exception {
    rows();

    WorkflowExecution run = t.startFullSync(FullSyncInput.once(SqliteFeedEnvironment.APP));
    FullSyncState end = t.fullSyncResult();

    assertThat(end.syncs()).isEqualTo(1);
    assertThat(end.served()).isEqualTo(1);
    assertThat(end.lastFailed()).isFalse();
    assertThat(end.last().resources()).as("three users and a team").isEqualTo(4);
    assertThat(end.last().grants()).isEqualTo(1);
    golden("once", run);
  }

  @Test
  void syncNow_whileItRuns_getsASyncOfItsOwnBeforeTheWorkflowCompletes() throws Exception {
    rows();
    t.fullSyncs.holdAt(1);

    WorkflowExecution run = t.startFullSync(FullSyncInput.once(SqliteFeedEnvironment.APP));
    t.fullSyncs.awaitHeld();
    t.fullSyncStub().syncNow();
    t.awaitFullSync(s -> s.state().requests() == 2);
    t.fullSyncs.release();
    FullSyncState end = t.fullSyncResult();

    assertThat(end.syncs()).isEqualTo(2);
    assertThat(end.served()).isEqualTo(2);
    assertThat(t.fullSyncs.calls()).isEqualTo(2);
    assertThat(end.last().resourcesChanged()).as("nothing changed in between").isZero();
    golden("once-with-sync-now", run);
  }

  @Test
  void scheduleStartedWhileItRuns_attaches_andTheWorkflowBecomesTheSchedule() throws Exception {
    rows();
    t.fullSyncs.holdAt(1);

    WorkflowExecution run = t.startFullSync(FullSyncInput.once(SqliteFeedEnvironment.APP));
    t.fullSyncs.awaitHeld();
    FullSyncWorkflows.Start schedule =
        FullSyncWorkflows.startOrAttach(t.client, SqliteFeedEnvironment.QUEUE, scheduled(0));
    t.fullSyncStub().updateInterval(INTERVAL.toMillis());
    t.fullSyncs.release();
    awaitNextRunWaiting(run);
    t.env.sleep(INTERVAL);
    FullSyncStatus second = t.awaitFullSync(s -> s.state().syncs() == 2 && waiting(s));

    assertThat(schedule.attached()).isTrue();
    assertThat(second.state().runs()).isEqualTo(2);
    assertThat(second.intervalMillis()).isEqualTo(INTERVAL.toMillis());
    golden("once-becomes-schedule", run);
  }

  @Test
  void failure_isRecordedInTheState_andTheNextIntervalTriesAgain() throws Exception {
    rows();
    t.users.sql("ALTER TABLE users RENAME TO users_away");

    WorkflowExecution run = t.startFullSync(scheduled(0));
    FullSyncStatus failed = t.awaitFullSync(s -> s.state().failures() == 1 && waiting(s));
    t.users.sql("ALTER TABLE users_away RENAME TO users");
    t.env.sleep(INTERVAL);
    FullSyncStatus recovered = t.awaitFullSync(s -> s.state().syncs() == 1 && waiting(s));

    assertThat(failed.state().lastFailure().type()).isEqualTo(FeedFailures.SOURCE_QUERY_FAILED);
    assertThat(failed.state().lastFailure().transientFailure()).isFalse();
    assertThat(failed.state().lastFailure().message()).contains("no such table: users");
    assertThat(t.fullSyncs.calls()).as("a permanent failure is not retried at once").isEqualTo(2);
    assertThat(recovered.state().lastFailed()).isFalse();
    assertThat(recovered.state().last().resources()).isEqualTo(4);
    golden("failure-then-next-interval", run);
  }

  @Test
  void continueAsNew_afterTheSyncsPerRun_carriesTheState() throws Exception {
    rows();

    WorkflowExecution first = t.startFullSync(scheduled(2));
    t.awaitFullSync(s -> s.state().syncs() == 1 && waiting(s));
    t.env.sleep(INTERVAL);
    awaitNextRunWaiting(first);
    t.env.sleep(INTERVAL);
    FullSyncStatus third = t.awaitFullSync(s -> s.state().syncs() == 3 && waiting(s));

    assertThat(third.state().runs()).isEqualTo(2);
    assertThat(third.state().failures()).isZero();
    assertThat(t.fullSyncs.calls()).isEqualTo(3);
    golden("continue-as-new", first);
  }
}
