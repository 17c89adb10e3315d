package dev.sqlfeed.workflows;

import static dev.sqlfeed.workflows.FeedTestEnvironment.POLL;
import static dev.sqlfeed.workflows.FeedTestEnvironment.input;
import static dev.sqlfeed.workflows.FeedTestEnvironment.settings;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SourceWorkflowCycleTest {
  private final ScriptedFeed feed = new ScriptedFeed();
  private final FeedTestEnvironment t = new FeedTestEnvironment(feed);

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void multiPageCycle_commitsOnlyOnTheExhaustingPage() throws InterruptedException {
    feed.rows(25, Duration.ofMinutes(30)).holdAt(2);
    t.start(input("user", settings(10), true));

    feed.awaitHeld();
    SourceStatus midCycle = t.awaitStatus("user", s -> s.state().cycle().since() != null);
    feed.release();
    SourceState end = t.result("user");

    assertThat(midCycle.phase()).isEqualTo("scanning");
    assertThat(midCycle.state().cycle().committedCursor()).isNull();
    assertThat(midCycle.state().cycle().cyclePages()).isEqualTo(1);
    assertThat(midCycle.state().cycle().afterKey()).isEqualTo("10");
    assertThat(feed.commitCalls()).containsExactly(3);
    assertThat(end.cycle().committedCursor())
        .as("the highest cursor read, the 25th row's")
        .isEqualTo("2026-11-25T09:30:24Z");
    assertThat(end.cycle().since()).isNull();
    assertThat(end.cycle().cycles()).isEqualTo(1);
    assertThat(end.cycle().pages()).isEqualTo(3);
    assertThat(end.cycle().rows()).isEqualTo(25);
    assertThat(end.cycle().eventsAppended()).isEqualTo(25);
    assertThat(feed.requests())
        .extracting(r -> r.state().afterKey())
        .containsExactly(null, "10", "20");
    assertThat(feed.requests().get(2).state().since())
        .isEqualTo(feed.requests().get(1).state().since());
  }

  @Test
  void newWorkflow_startsFromTheStoresCheckpoint() {
    feed.checkpoint("user", "2026-11-25T09:50:00Z").rows(20, Duration.ofMinutes(30));

    t.start(input("user", settings(100), true));
    SourceState end = t.result("user");

    assertThat(feed.requests().get(0).state().committedCursor()).isEqualTo("2026-11-25T09:50:00Z");
    // Rows from 09:30:00 to 09:30:19 lie before the checkpoint and are not read again.
    assertThat(end.cycle().rows()).isZero();
    assertThat(end.initialised()).isTrue();
  }

  @Test
  void idleCycle_isOneActivityCall() {
    t.start(input("user", settings(100), false));
    t.awaitStatus("user", s -> s.state().cycle().cycles() == 1);
    t.env.sleep(POLL);
    t.awaitStatus("user", s -> s.state().cycle().cycles() == 2);

    assertThat(feed.requests()).hasSize(2).allMatch(ScanRequest::opensCycle);
  }

  @Test
  void aLookForUnreadableCursors_isKeptInTheState_untilTheNextLook() {
    CursorCheck check = new CursorCheck("2026-11-25T10:00:01Z", 2, false, List.of("7", "9"), true);
    feed.rows(3, Duration.ofMinutes(30)).checkOnNextCommit(check);
    t.start(input("user", settings(100), false));
    SourceStatus first = t.awaitStatus("user", s -> s.state().cycle().cycles() == 1);
    t.env.sleep(POLL);
    SourceStatus second = t.awaitStatus("user", s -> s.state().cycle().cycles() == 2);

    assertThat(first.state().cursorCheck()).isEqualTo(check);
    assertThat(second.state().cursorCheck())
        .as("a cycle without a look keeps the last one")
        .isEqualTo(check);
    assertThat(check.describe())
        .isEqualTo(
            "unreadable cursors: 2 row(s) never read (keys 7, 9), as of 2026-11-25T10:00:01Z");
  }

  @Test
  void transientFailure_isRetriedAndTheCycleCompletes() {
    feed.rows(5, Duration.ofMinutes(10)).failTransiently(2);
    t.start(input("user", settings(100), true));

    SourceState end = t.result("user");

    assertThat(feed.requests()).hasSize(3);
    assertThat(end.cycle().cycles()).isEqualTo(1);
    assertThat(end.cycle().failures()).isZero();
    assertThat(end.lastFailure()).isNull();
    assertThat(end.cycle().eventsAppended()).isEqualTo(5);
  }

  @Test
  void permanentFailure_keepsTheCursorAndRecordsTheError_nextPollSucceeds() {
    feed.rows(5, Duration.ofMinutes(10));
    t.start(input("user", settings(100), false));
    t.awaitStatus("user", s -> s.state().cycle().cycles() == 1);
    String committed = feed.storedCheckpoint("user");
    feed.failPermanently("resource type user, row id=7: the resource id is empty");
    t.stub("user").pollNow();

    SourceStatus failed = t.awaitStatus("user", s -> s.state().cycle().failures() == 1);
    int callsAfterFailure = feed.requests().size();
    feed.failPermanently(null);
    t.env.sleep(POLL);
    SourceStatus healed = t.awaitStatus("user", s -> s.state().cycle().cycles() == 2);

    assertThat(callsAfterFailure).as("a permanent error is not retried").isEqualTo(2);
    assertThat(failed.phase()).isEqualTo("waiting");
    assertThat(failed.state().cycle().committedCursor()).isEqualTo(committed);
    assertThat(failed.state().lastFailure().type()).isEqualTo(FeedFailures.MAPPING_FAILED);
    assertThat(failed.state().lastFailure().transientFailure()).isFalse();
    assertThat(failed.state().lastFailure().message()).contains("row id=7");
    assertThat(failed.state().cycle().consecutiveFailures()).isEqualTo(1);
    assertThat(healed.state().cycle().consecutiveFailures()).isZero();
    assertThat(healed.state().lastFailure()).isNotNull();
  }

  @Test
  void onceMode_permanentFailure_completesWithTheError() {
    feed.failPermanently("resource_types.user.incremental_sync.query: syntax error");
    t.start(input("user", settings(100), true));

    SourceState end = t.result("user");

    assertThat(end.cycle().consecutiveFailures()).isEqualTo(1);
    assertThat(end.cycle().committedCursor()).isNull();
    assertThat(end.lastFailure().during()).isEqualTo("scan");
  }
}
