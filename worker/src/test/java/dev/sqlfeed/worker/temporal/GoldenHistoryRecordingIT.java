package dev.sqlfeed.worker.temporal;

import static dev.sqlfeed.worker.temporal.GoldenHistories.events;
import static dev.sqlfeed.worker.temporal.GoldenHistories.scheduled;
import static dev.sqlfeed.worker.temporal.SqliteFeedEnvironment.POLL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.ports.Checkpoint;
import dev.sqlfeed.ports.StoredEvent;
import dev.sqlfeed.workflows.CursorReset;
import dev.sqlfeed.workflows.FeedFailures;
import dev.sqlfeed.workflows.SourceSettings;
import dev.sqlfeed.workflows.SourceState;
import dev.sqlfeed.workflows.SourceStatus;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.failure.v1.Failure;
import io.temporal.common.WorkflowExecutionHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scenarios whose histories are the golden files of the workflows module, run with the real
 * page activities over an SQLite source and store (see {@link SqliteFeedEnvironment}). Every build
 * runs them and checks what they did (events, cursor, history); with {@code
 * -Dsqlfeed.recordGolden=true} they also write their histories to
 * workflows/src/test/resources/golden, whose README says when and how.
 */
class GoldenHistoryRecordingIT {
  /** The users' logins: row data, which must never reach a history. */
  private static final List<String> LOGINS =
      List.of(
          "ada.lovelace",
          "grace.hopper",
          "edsger.dijkstra",
          "barbara.liskov",
          "donald.knuth",
          "frances.allen",
          "ken.thompson");

  private SqliteFeedEnvironment t = new SqliteFeedEnvironment();

  @AfterEach
  void close() {
    t.close();
  }

  /** Users 1 to n, changed ten minutes apart, user n ten minutes ago. */
  private void users(int n) {
    for (int id = 1; id <= n; id++) {
      t.users.insert(id, LOGINS.get(id - 1), 10 * (n - id + 1));
    }
  }

  private void golden(String name, WorkflowExecution run) throws Exception {
    List<String> forbidden = new ArrayList<>(t.localTexts());
    forbidden.addAll(LOGINS);
    GoldenHistories.check(name, t.history(run), forbidden);
  }

  private static Instant committed(SourceState state) {
    return Instant.parse(state.cycle().committedCursor());
  }

  private List<String> eventKinds() {
    return t.events().stream().map(StoredEvent::event).map(e -> e.kind()).toList();
  }

  /** Waits until a run has closed by continuing as new (the server appends that event last). */
  private void awaitContinuedAsNew(WorkflowExecution run) {
    SqliteFeedEnvironment.await(
        () ->
            t.history(run).getLastEvent().getEventType()
                == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW,
        () ->
            "the first run to continue as new; its events: "
                + t.history(run).getEvents().stream()
                    .map(
                        e ->
                            e.getEventId()
                                + " "
                                + e.getEventType()
                                + (e.hasTimerStartedEventAttributes()
                                    ? " "
                                        + e.getTimerStartedEventAttributes().getStartToFireTimeout()
                                    : ""))
                    .toList());
  }

  @Test
  void multiPageCycle_readsThreePages_andCommitsOnTheThird() throws Exception {
    users(7);

    WorkflowExecution run = t.start(t.settings(), true);
    SourceState end = t.result();

    assertThat(end.cycle().cycles()).isEqualTo(1);
    assertThat(end.cycle().pages()).isEqualTo(3);
    assertThat(end.cycle().rows()).isEqualTo(7);
    assertThat(end.cycle().eventsAppended()).isEqualTo(7);
    assertThat(committed(end)).isEqualTo(t.users.cursorOf(7));
    assertThat(t.checkpoint()).map(Checkpoint::cursor).contains(t.users.cursorOf(7));
    assertThat(eventKinds()).hasSize(7).containsOnly("resource_changed");
    // One call reads the three pages, each read while the one before is written (PagePipeline);
    // the golden file keeps the one-page-a-call shape of earlier versions, which still replays.
    assertThat(scheduled(t.history(run), "ScanPage")).isEqualTo(1);
    golden("multi-page-cycle", run);
  }

  @Test
  void transientFailure_aLockedSource_isRetried_andTheCycleCommits() throws Exception {
    users(3);

    WorkflowExecution run;
    AtomicReference<Failure> firstFailure = new AtomicReference<>();
    try (AutoCloseable lock = t.users.lock()) {
      WorkflowExecution started = t.start(t.settings(), true);
      run = started;
      // The first attempt waits out SQLite's busy timeout and fails; the lock goes before the
      // retry gives up in turn.
      SqliteFeedEnvironment.await(
          () -> {
            t.pendingActivities(started).stream()
                .filter(a -> a.hasLastFailure())
                .findFirst()
                .ifPresent(a -> firstFailure.set(a.getLastFailure()));
            return firstFailure.get() != null;
          },
          () -> "an attempt that failed; pending: " + t.pendingActivities(started));
    }
    SourceState end = t.result();

    assertThat(firstFailure.get().getMessage()).contains("SQLITE_BUSY");
    assertThat(firstFailure.get().getApplicationFailureInfo().getNonRetryable()).isFalse();
    assertThat(end.cycle().cycles()).isEqualTo(1);
    assertThat(end.cycle().failures()).isZero();
    assertThat(end.lastFailure()).isNull();
    assertThat(end.cycle().eventsAppended()).isEqualTo(3);
    assertThat(committed(end)).isEqualTo(t.users.cursorOf(3));
    assertThat(
            events(t.history(run), EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED).stream()
                .map(e -> e.getActivityTaskStartedEventAttributes().getAttempt()))
        .as("the history keeps the attempt that succeeded")
        .contains(2)
        .allMatch(attempt -> attempt <= 2);
    golden("transient-retry", run);
  }

  @Test
  void permanentFailure_aCursorThatIsNoTimestamp_failsTheCycle_andTheFixedRowCommits()
      throws Exception {
    users(2);
    // Minute 61 sorts inside the cycle's window as text, but is no time.
    t.users.sql(
        "INSERT INTO users VALUES (3, '"
            + LOGINS.get(2)
            + "', strftime('%Y-%m-%d %H', 'now', '-1 hours') || ':61:00')");

    WorkflowExecution run = t.start(t.settings(), false);
    SourceStatus failed =
        t.awaitStatus(s -> s.state().cycle().failures() == 1 && s.phase().equals("waiting"));
    long scansOfTheFailedCycle = scheduled(t.history(run), "ScanPage");
    t.users.touch(3, 5);
    t.env.sleep(POLL);
    SourceStatus healed = t.awaitStatus(s -> s.state().cycle().cycles() == 1);

    assertThat(scansOfTheFailedCycle).as("a permanent error is not retried").isEqualTo(1);
    assertThat(failed.state().cycle().committedCursor()).isNull();
    assertThat(failed.state().lastFailure().type()).isEqualTo(FeedFailures.MAPPING_FAILED);
    assertThat(failed.state().lastFailure().transientFailure()).isFalse();
    assertThat(failed.state().lastFailure().message()).contains("updated_at", "not a timestamp");
    assertThat(healed.state().cycle().consecutiveFailures()).isZero();
    assertThat(committed(healed.state())).isEqualTo(t.users.cursorOf(3));
    assertThat(eventKinds()).hasSize(3);
    golden("permanent-failure", run);
  }

  @Test
  void continueAsNew_afterTwoCycles_carriesTheCommittedCursorIntoTheNextRun() throws Exception {
    users(3);

    WorkflowExecution first = t.start(t.settings(2, 500), false);
    t.awaitStatus(s -> s.state().cycle().cycles() == 1 && s.phase().equals("waiting"));
    t.users.insert(4, LOGINS.get(3), 1);
    t.env.sleep(POLL);
    t.awaitStatus(s -> s.state().cycle().cycles() == 2 && s.phase().equals("waiting"));
    t.env.sleep(POLL);
    SourceStatus second =
        t.awaitStatus(s -> s.state().runs() == 2 && s.state().cycle().cycles() == 3);

    awaitContinuedAsNew(first);
    assertThat(second.state().initialised()).isTrue();
    assertThat(committed(second.state())).isEqualTo(t.users.cursorOf(4));
    assertThat(second.state().cycle().eventsAppended()).isEqualTo(4);
    assertThat(eventKinds()).hasSize(4);
    WorkflowExecutionHistory latest = t.client.fetchHistory(first.getWorkflowId());
    assertThat(scheduled(latest, "InitialCheckpoint"))
        .as("the second run starts from the state it was handed, not from the store")
        .isZero();
    golden("continue-as-new", first);
  }

  @Test
  void continueAsNew_inTheMiddleOfACycle_resumesAtTheKeysetPosition() throws Exception {
    users(7);

    WorkflowExecution first = t.start(t.settings(100, 2), true);
    SourceState end = t.result();

    assertThat(end.runs()).isEqualTo(2);
    assertThat(end.cycle().cycles()).isEqualTo(1);
    assertThat(end.cycle().pages()).isEqualTo(3);
    assertThat(end.cycle().rows()).isEqualTo(7);
    assertThat(end.cycle().duplicates()).isZero();
    assertThat(committed(end)).isEqualTo(t.users.cursorOf(7));
    assertThat(eventKinds()).hasSize(7);
    awaitContinuedAsNew(first);
    // The first run's one call reads its two pages (pagesPerRun 2), then the run continues as new.
    assertThat(scheduled(t.history(first), "ScanPage")).isEqualTo(1);
    golden("continue-as-new-mid-cycle", first);
  }

  @Test
  void spreadPolls_waitForTheSourcesPhase_thenPollOneIntervalApart() throws Exception {
    users(3);

    WorkflowExecution run = t.start(t.settings(), false);
    SourceStatus first =
        t.awaitStatus(s -> s.state().cycle().cycles() == 1 && s.phase().equals("waiting"));
    t.users.insert(4, LOGINS.get(3), 1);
    t.env.sleep(POLL);
    SourceStatus second =
        t.awaitStatus(s -> s.state().cycle().cycles() == 2 && s.phase().equals("waiting"));

    assertThat(t.settings().spreadPolls()).isTrue();
    assertThat(
            Instant.parse(second.nextPollAt()).toEpochMilli()
                - Instant.parse(first.nextPollAt()).toEpochMilli())
        .as("the second poll's wait ends one interval after the first's")
        .isEqualTo(POLL.toMillis());
    assertThat(events(t.history(run), EventType.EVENT_TYPE_MARKER_RECORDED))
        .as("the poll-phase version marker")
        .hasSize(1);
    assertThat(events(t.history(run), EventType.EVENT_TYPE_TIMER_STARTED))
        .hasSize(2)
        .allSatisfy(
            e ->
                assertThat(e.getTimerStartedEventAttributes().getStartToFireTimeout().getSeconds())
                    .isLessThanOrEqualTo(POLL.toSeconds()));
    assertThat(committed(second.state())).isEqualTo(t.users.cursorOf(4));
    assertThat(eventKinds()).hasSize(4);
    golden("poll-phase", run);
  }

  @Test
  void pause_holdsTheScansWhileTimePasses_andResumeStartsACycle() throws Exception {
    users(3);

    WorkflowExecution run = t.start(t.settings(), false);
    t.awaitStatus(s -> s.state().cycle().cycles() == 1 && s.phase().equals("waiting"));
    long scansBeforePause = scheduled(t.history(run), "ScanPage");
    t.stub().pause();
    t.awaitStatus(s -> s.state().cycle().paused());
    t.users.insert(4, LOGINS.get(3), 1);
    t.env.sleep(POLL.multipliedBy(3));
    SourceStatus paused = t.awaitStatus(s -> s.phase().equals("paused"));
    long scansWhilePaused = scheduled(t.history(run), "ScanPage") - scansBeforePause;
    t.stub().resume();
    SourceStatus resumed = t.awaitStatus(s -> s.state().cycle().cycles() == 2);

    assertThat(scansWhilePaused).isZero();
    assertThat(paused.state().cycle().cycles()).isEqualTo(1);
    assertThat(resumed.state().cycle().paused()).isFalse();
    assertThat(committed(resumed.state())).isEqualTo(t.users.cursorOf(4));
    assertThat(eventKinds()).hasSize(4);
    golden("pause-resume", run);
  }

  @Test
  void resetCursor_startsANewCycleFromTheTimestamp_andTheRowsReadAgainAreDuplicates()
      throws Exception {
    users(3);

    WorkflowExecution run = t.start(t.settings(), false);
    t.awaitStatus(s -> s.state().cycle().cycles() == 1 && s.phase().equals("waiting"));
    Instant hourAgo = t.users.now("-60 minutes");
    t.stub().resetCursor(hourAgo.toString());
    SourceStatus after = t.awaitStatus(s -> s.state().cycle().cycles() == 2);

    assertThat(after.state().cycle().rows()).isEqualTo(6);
    assertThat(after.state().cycle().duplicates()).isEqualTo(3);
    assertThat(after.state().cycle().eventsAppended()).isEqualTo(3);
    assertThat(committed(after.state())).isEqualTo(t.users.cursorOf(3));
    assertThat(t.checkpoint()).map(Checkpoint::cursor).contains(t.users.cursorOf(3));
    assertThat(eventKinds()).hasSize(3);
    golden("reset-cursor", run);
  }

  @Test
  void resetCursorBy_isRecordedWithWhoAsked_andTheRowsReadAgainAreDuplicates() throws Exception {
    users(3);

    WorkflowExecution run = t.start(t.settings(), false);
    SourceStatus before =
        t.awaitStatus(s -> s.state().cycle().cycles() == 1 && s.phase().equals("waiting"));
    Instant hourAgo = t.users.now("-60 minutes");
    t.stub().resetCursorBy(new CursorReset(hourAgo.toString(), "operator"));
    SourceStatus after = t.awaitStatus(s -> s.state().cycle().cycles() == 2);

    assertThat(after.state().cycle().duplicates()).isEqualTo(3);
    assertThat(after.state().lastReset().by()).isEqualTo("operator");
    assertThat(after.state().lastReset().from())
        .isEqualTo(before.state().cycle().committedCursor());
    assertThat(Instant.parse(after.state().lastReset().to())).isEqualTo(hourAgo);
    assertThat(eventKinds()).hasSize(3);
    golden("reset-cursor-by", run);
  }

  @Test
  void pollNow_startsACycleBeforeThePollIntervalIsUp() throws Exception {
    users(3);

    WorkflowExecution run = t.start(t.settings(), false);
    t.awaitStatus(s -> s.state().cycle().cycles() == 1 && s.phase().equals("waiting"));
    t.users.insert(4, LOGINS.get(3), 1);
    t.stub().pollNow();
    // No time passes: only the signal can have started the second cycle.
    SourceStatus polled =
        t.awaitStatus(s -> s.state().cycle().cycles() == 2 && s.phase().equals("waiting"));

    assertThat(committed(polled.state())).isEqualTo(t.users.cursorOf(4));
    assertThat(polled.state().pollRequested()).isFalse();
    assertThat(events(t.history(run), EventType.EVENT_TYPE_TIMER_FIRED))
        .as("the first wait was cut short, not waited out")
        .isEmpty();
    assertThat(eventKinds()).hasSize(4);
    golden("poll-now", run);
  }

  @Test
  void updateSettings_changesThePageSizeAndThePollInterval_ofTheRunningWorkflow() throws Exception {
    users(3);
    SourceSettings before = t.settings();
    SourceSettings after = new SourceSettings(POLL.multipliedBy(2).toMillis(), 2, 100, 500);

    WorkflowExecution run = t.start(before, false);
    t.awaitStatus(s -> s.state().cycle().cycles() == 1 && s.phase().equals("waiting"));
    long pagesBefore = t.stub().state().state().cycle().pages();
    // As 'sqlfeed run' does when it attaches and the config's pacing changed (SourceStarter).
    t.stub().updateSettings(after);
    SourceStatus updated = t.awaitStatus(s -> s.settings().equals(after));
    t.users.insert(4, LOGINS.get(3), 2);
    t.users.insert(5, LOGINS.get(4), 2);
    t.users.insert(6, LOGINS.get(5), 1);
    // The wait that was running when the signal came keeps its length.
    t.env.sleep(POLL);
    SourceStatus second =
        t.awaitStatus(s -> s.state().cycle().cycles() == 2 && s.phase().equals("waiting"));
    // The next wait is the new, longer one: one old interval later, no cycle has started.
    t.env.sleep(POLL);
    SourceStatus stillWaiting = t.awaitStatus(s -> s.phase().equals("waiting"));
    t.env.sleep(POLL);
    SourceStatus third = t.awaitStatus(s -> s.state().cycle().cycles() == 3);

    assertThat(updated.settings()).isEqualTo(after);
    assertThat(second.state().cycle().pages() - pagesBefore)
        .as("three new rows at two a page")
        .isGreaterThanOrEqualTo(2);
    assertThat(committed(second.state())).isEqualTo(t.users.cursorOf(6));
    assertThat(stillWaiting.state().cycle().cycles()).isEqualTo(2);
    assertThat(third.state().cycle().failures()).isZero();
    assertThat(eventKinds()).hasSize(6);
    golden("update-settings", run);
  }

  @Test
  void continueAsNew_theNextRunStartsFromTheCarriedOverState_andCommitsFromThere()
      throws Exception {
    users(3);

    WorkflowExecution first = t.start(t.settings(1, 500), false);
    t.awaitStatus(s -> s.state().cycle().cycles() == 1 && s.phase().equals("waiting"));
    t.users.insert(4, LOGINS.get(3), 1);
    t.env.sleep(POLL);
    awaitContinuedAsNew(first);
    WorkflowExecution second = nextRun(first);
    SourceStatus carried =
        t.awaitStatus(s -> s.state().runs() == 2 && s.state().cycle().cycles() == 2);

    assertThat(carried.state().initialised()).isTrue();
    assertThat(committed(carried.state())).isEqualTo(t.users.cursorOf(4));
    assertThat(scheduled(t.history(second), "InitialCheckpoint"))
        .as("the run starts from the state it was handed, not from the store")
        .isZero();
    assertThat(scheduled(t.history(second), "ScanPage")).isPositive();
    assertThat(eventKinds()).hasSize(4);
    golden("continue-as-new-next-run", second);
  }

  @Test
  void initialCheckpoint_thatFails_isShownAndTriedAgainAtTheNextPoll() throws Exception {
    // The failure names the store's URL: a store in memory keeps paths out of the history.
    t.close();
    t = new SqliteFeedEnvironment(true);
    users(3);
    t.storeSql("ALTER TABLE checkpoints RENAME TO checkpoints_away");

    WorkflowExecution run = t.start(t.settings(), false);
    SourceStatus failed =
        t.awaitStatus(s -> s.state().lastFailure() != null && s.phase().equals("waiting"));
    t.storeSql("ALTER TABLE checkpoints_away RENAME TO checkpoints");
    t.env.sleep(POLL);
    SourceStatus healed = t.awaitStatus(s -> s.state().cycle().cycles() == 1);

    assertThat(failed.state().initialised()).isFalse();
    assertThat(failed.state().lastFailure().during()).isEqualTo("checkpoint");
    assertThat(failed.state().lastFailure().type()).isEqualTo(FeedFailures.STORE_FAILED);
    assertThat(failed.state().lastFailure().message()).contains("checkpoints");
    assertThat(scheduled(t.history(run), "InitialCheckpoint")).isEqualTo(2);
    assertThat(healed.state().initialised()).isTrue();
    assertThat(committed(healed.state())).isEqualTo(t.users.cursorOf(3));
    assertThat(eventKinds()).hasSize(3);
    golden("initial-checkpoint-failure", run);
  }

  @Test
  void grantsChangesAndRevokes_createAndRevokeGrants_eachSourceInItsOwnWorkflow() throws Exception {
    users(2);
    t.users.sql(
        "INSERT INTO teams VALUES ('ops', 'Operations')",
        "INSERT INTO team_members VALUES ('ops', 1, " + minutesAgo(30) + ", NULL)",
        "INSERT INTO team_members VALUES ('ops', 2, "
            + minutesAgo(20)
            + ", "
            + minutesAgo(5)
            + ")");
    String changes = "team.grants.0.changes";
    String revokes = "team.grants.0.revokes";
    assertThat(t.sourceKeys()).contains(changes, revokes);

    WorkflowExecution changesRun = t.start(changes, t.settings(), true, null);
    SourceState created = t.result(changes);
    WorkflowExecution revokesRun = t.start(revokes, t.settings(), true, null);
    SourceState revoked = t.result(revokes);

    assertThat(created.cycle().rows()).isEqualTo(2);
    assertThat(created.cycle().eventsAppended()).isEqualTo(2);
    assertThat(revoked.cycle().rows()).isEqualTo(1);
    assertThat(revoked.cycle().eventsAppended()).isEqualTo(1);
    assertThat(eventKinds()).containsExactly("grant_created", "grant_created", "grant_revoked");
    assertThat(t.checkpoint(changes)).isPresent();
    assertThat(t.checkpoint(revokes)).isPresent();
    golden("grants-changes", changesRun);
    golden("grants-revokes", revokesRun);
  }

  @Test
  void eventFeed_turnsEachAuditRowIntoAnEvent_andCommitsTheFeedsCursor() throws Exception {
    t.users.sql(
        "INSERT INTO teams VALUES ('ops', 'Operations'), ('dev', 'Development')",
        "INSERT INTO audit_log VALUES (1, " + minutesAgo(30) + ", 'ops')",
        "INSERT INTO audit_log VALUES (2, " + minutesAgo(20) + ", 'dev')",
        "INSERT INTO audit_log VALUES (3, " + minutesAgo(10) + ", 'ops')",
        "INSERT INTO audit_log VALUES (4, " + minutesAgo(5) + ", 'dev')");
    String feed = "event_feeds.audit_log";
    assertThat(t.sourceKeys()).contains(feed);

    WorkflowExecution run = t.start(feed, t.settings(), true, null);
    SourceState end = t.result(feed);

    assertThat(end.cycle().rows()).isEqualTo(4);
    assertThat(end.cycle().pages()).isEqualTo(2);
    assertThat(end.cycle().eventsAppended()).isEqualTo(4);
    assertThat(eventKinds()).hasSize(4).containsOnly("resource_changed");
    assertThat(t.checkpoint(feed)).isPresent();
    golden("event-feed", run);
  }

  /** An SQL expression for SQLite's clock, {@code minutes} ago, in its datetime() form. */
  private static String minutesAgo(int minutes) {
    return "strftime('%Y-%m-%d %H:%M:%S', 'now', '-" + minutes + " minutes')";
  }

  /** The run that {@code run} continued as. */
  private WorkflowExecution nextRun(WorkflowExecution run) {
    String next =
        t.history(run)
            .getLastEvent()
            .getWorkflowExecutionContinuedAsNewEventAttributes()
            .getNewExecutionRunId();
    return WorkflowExecution.newBuilder().setWorkflowId(run.getWorkflowId()).setRunId(next).build();
  }
}
