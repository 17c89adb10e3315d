package dev.sqlfeed.workflows;

import static dev.sqlfeed.workflows.FeedTestEnvironment.POLL;
import static dev.sqlfeed.workflows.FeedTestEnvironment.input;
import static dev.sqlfeed.workflows.FeedTestEnvironment.settings;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SourceWorkflowSignalTest {
  private final ScriptedFeed feed = new ScriptedFeed();
  private final FeedTestEnvironment t = new FeedTestEnvironment(feed);

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void pause_holdsTheScans_resumeStartsACycle() {
    t.start(input("user", settings(100), false));
    t.awaitStatus("user", s -> s.state().cycle().cycles() == 1);

    t.stub("user").pause();
    t.awaitStatus("user", s -> s.state().cycle().paused());
    t.env.sleep(POLL.multipliedBy(3));
    SourceStatus paused = t.awaitStatus("user", s -> s.phase().equals("paused"));
    int callsWhilePaused = feed.requests().size();
    t.stub("user").resume();
    SourceStatus resumed = t.awaitStatus("user", s -> s.state().cycle().cycles() == 2);

    assertThat(callsWhilePaused).isEqualTo(1);
    assertThat(paused.state().cycle().paused()).isTrue();
    assertThat(resumed.state().cycle().paused()).isFalse();
  }

  @Test
  void pause_inTheMiddleOfACycle_stopsAfterThePage_resumeFinishesIt() throws InterruptedException {
    feed.rows(25, Duration.ofMinutes(30)).holdAt(2);
    t.start(input("user", settings(10), true));
    feed.awaitHeld();

    t.stub("user").pause();
    t.awaitStatus("user", s -> s.state().cycle().paused());
    feed.release();
    SourceStatus held = t.awaitStatus("user", s -> s.phase().equals("paused"));
    t.stub("user").resume();
    SourceState end = t.result("user");

    assertThat(held.state().cycle().cyclePages()).isEqualTo(2);
    assertThat(held.state().cycle().committedCursor()).isNull();
    assertThat(end.cycle().rows()).isEqualTo(25);
    assertThat(feed.commitCalls()).containsExactly(3);
  }

  @Test
  void resetCursor_startsANewCycleFromTheTimestamp() {
    feed.rows(5, Duration.ofMinutes(10));
    t.start(input("user", settings(100), false));
    t.awaitStatus("user", s -> s.state().cycle().cycles() == 1);

    t.stub("user").resetCursor("2026-11-25T10:00:00+01:00");
    SourceStatus after = t.awaitStatus("user", s -> s.state().cycle().cycles() == 2);

    ScanRequest reopened = feed.requests().get(1);
    assertThat(reopened.state().committedCursor()).isEqualTo("2026-11-25T09:00:00Z");
    assertThat(reopened.opensCycle()).isTrue();
    assertThat(after.state().cycle().rows()).isEqualTo(10);
    assertThat(after.state().cycle().duplicates()).isEqualTo(5);
  }

  @Test
  void resetCursorBy_recordsWhoWhenFromAndTo_andOutlivesContinueAsNew() {
    feed.rows(5, Duration.ofMinutes(10));
    t.start(input("user", new SourceSettings(POLL.toMillis(), 100, 2, 1_000_000, false), false));
    SourceStatus before = t.awaitStatus("user", s -> s.state().cycle().cycles() == 1);

    t.stub("user").resetCursorBy(new CursorReset("2026-11-25T10:00:00+01:00", "alice"));
    SourceStatus reset = t.awaitStatus("user", s -> s.state().cycle().cycles() == 2);
    t.env.sleep(POLL);
    SourceStatus later = t.awaitStatus("user", s -> s.state().runs() == 2);

    LastReset last = reset.state().lastReset();
    assertThat(last.by()).isEqualTo("alice");
    assertThat(last.from()).isEqualTo(before.state().cycle().committedCursor()).isNotNull();
    assertThat(last.to()).isEqualTo("2026-11-25T09:00:00Z");
    assertThat(last.at()).isNotBlank();
    assertThat(later.state().lastReset()).isEqualTo(last);
  }

  @Test
  void resetCursor_withoutAnAuthor_isRecordedWithoutOne() {
    t.start(input("user", settings(100), false));
    t.awaitStatus("user", s -> s.state().cycle().cycles() == 1);

    t.stub("user").resetCursor("2026-11-25T09:00:00Z");
    SourceStatus after = t.awaitStatus("user", s -> s.state().lastReset() != null);

    assertThat(after.state().lastReset().by()).isNull();
    assertThat(after.state().lastReset().to()).isEqualTo("2026-11-25T09:00:00Z");
  }

  @Test
  void resetCursor_inTheMiddleOfACycle_abandonsIt() throws InterruptedException {
    feed.rows(25, Duration.ofMinutes(30)).holdAt(2);
    t.start(input("user", settings(10), true));
    feed.awaitHeld();

    t.stub("user").resetCursor("2026-11-25T09:45:00Z");
    t.awaitStatus("user", s -> "2026-11-25T09:45:00Z".equals(s.state().cycle().committedCursor()));
    feed.release();
    SourceState end = t.result("user");

    assertThat(feed.requests()).hasSize(3);
    assertThat(feed.requests().get(2).opensCycle()).isTrue();
    assertThat(feed.requests().get(2).state().committedCursor()).isEqualTo("2026-11-25T09:45:00Z");
    assertThat(end.cycle().committedCursor())
        .as("nothing after the reset point: the reset cursor stays")
        .isEqualTo("2026-11-25T09:45:00Z");
  }

  @Test
  void resetCursor_withAnUnreadableTimestamp_isIgnoredAndShown() {
    t.start(input("user", settings(100), false));
    SourceStatus before = t.awaitStatus("user", s -> s.state().cycle().cycles() == 1);

    t.stub("user").resetCursor("yesterday");
    SourceStatus after = t.awaitStatus("user", s -> s.state().lastFailure() != null);

    assertThat(after.state().cycle().committedCursor())
        .isEqualTo(before.state().cycle().committedCursor());
    assertThat(after.state().lastFailure().type()).isEqualTo("InvalidReset");
    assertThat(after.state().lastFailure().message()).contains("yesterday");
    assertThat(feed.requests()).hasSize(1);
  }

  @Test
  void pollNow_startsACycleBeforeThePollIntervalIsUp() {
    t.start(input("user", SourceSettings.of(Duration.ofHours(1).toMillis(), 100), false));
    SourceStatus waiting = t.awaitStatus("user", s -> s.phase().equals("waiting"));

    t.stub("user").pollNow();
    t.awaitStatus("user", s -> s.state().cycle().cycles() == 2);

    assertThat(waiting.nextPollAt()).isNotNull();
    assertThat(feed.requests()).hasSize(2);
  }

  @Test
  void updateSettings_replacesThePacing() {
    t.start(input("user", settings(100), false));
    t.awaitStatus("user", s -> s.phase().equals("waiting"));

    t.stub("user").updateSettings(SourceSettings.of(5_000, 50));
    SourceStatus updated = t.awaitStatus("user", s -> s.settings().pageSize() == 50);
    t.stub("user").pollNow();
    t.awaitStatus("user", s -> s.state().cycle().cycles() == 2);

    assertThat(updated.settings().pollIntervalMillis()).isEqualTo(5_000);
    assertThat(feed.requests().get(1).pageSize()).isEqualTo(50);
  }
}
