package dev.sqlfeed.workflows;

import dev.sqlfeed.domain.feed.CanonicalTime;
import dev.sqlfeed.domain.feed.CycleState;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;

/**
 * Drives one source's cycles through the domain's {@link CycleState}: the page activity opens a
 * cycle and records its pages (it holds the database clock and the source's overlap and lags); the
 * workflow fails, resets, pauses and resumes it, and waits between cycles. Deterministic: it reads
 * time only through {@link Workflow}, and every decision follows from its state, its signals and
 * its activities' results (a test scans this class for clock, random, thread and I/O calls). All
 * that must outlive a run is in {@link SourceState}, which continue-as-new carries over, in the
 * middle of a cycle too.
 */
public final class SourceWorkflowImpl implements SourceWorkflow {
  private static final Logger LOG = Workflow.getLogger(SourceWorkflowImpl.class);
  private static final int MAX_MESSAGE_LENGTH = 2000;

  /**
   * The change that made a source wait for its phase of the poll interval ({@link PollPhase})
   * instead of a whole interval after each cycle; histories from before it replay with the old
   * waits.
   */
  static final String POLL_PHASE = "poll-phase";

  // Alike on purpose to FullSyncWorkflowImpl.SYNC_RETRY: pages retry on their own, shorter scale.
  /**
   * Pages retry transient errors with backoff (about four minutes in all), then the cycle counts as
   * failed and is tried again at the next poll, so that a long outage shows in the state query
   * instead of hiding in an activity's retries. Permanent errors are not retried at all.
   */
  static final RetryOptions RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2.0)
          .setMaximumInterval(Duration.ofMinutes(1))
          .setMaximumAttempts(8)
          .build();

  static final ActivityOptions PAGE_OPTIONS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(15))
          .setHeartbeatTimeout(Duration.ofMinutes(1))
          .setRetryOptions(RETRY)
          .build();

  /**
   * Pages one page activity may write before it returns (it also returns after {@code
   * FeedActivitiesImpl.CALL_TIME}): a backlog costs one workflow task per call, not per page, and
   * the activity reads the next page while it writes one. The activity inputs of old histories
   * asked for one page; replay does not compare them, so no version marker is needed.
   */
  static final int PAGES_PER_CALL = 100;

  static final ActivityOptions CHECKPOINT_OPTIONS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(1))
          .setRetryOptions(RETRY)
          .build();

  private final FeedActivities pages = Workflow.newActivityStub(FeedActivities.class, PAGE_OPTIONS);
  private final FeedActivities checkpoints =
      Workflow.newActivityStub(FeedActivities.class, CHECKPOINT_OPTIONS);

  private String app;
  private String sourceKey;
  private SourceSettings settings;
  private CycleState cycle = CycleState.initial();
  private boolean initialised;
  private boolean pollRequested;
  private SourceFailure lastFailure;
  private String lastCommitAt;
  private long runs = 1;
  private CursorCheck cursorCheck;
  private LastReset lastReset;

  private String phase = "starting";
  private String nextPollAt;
  private long resets;
  private int pagesThisRun;
  private int waitsThisRun;

  private enum Outcome {
    ENDED,
    FAILED,
    RESET,
    CONTINUE_AS_NEW
  }

  @Override
  public SourceState run(SourceInput input) {
    app = input.app();
    sourceKey = input.sourceKey();
    settings = input.settings();
    restore(input.state() == null ? SourceState.fresh() : input.state());
    while (!initialised) {
      long generation = resets;
      try {
        String checkpoint = checkpoints.initialCheckpoint(app, sourceKey);
        if (resets == generation && checkpoint != null) {
          cycle = CycleState.startingAt(CanonicalTime.parse(checkpoint));
        }
        initialised = true;
      } catch (ActivityFailure f) {
        fail(f, "checkpoint");
        if (input.once()) {
          return done();
        }
        waitForNextPoll();
      }
    }
    while (true) {
      awaitUnpaused();
      Outcome outcome = scanUntilExhausted();
      if (outcome == Outcome.CONTINUE_AS_NEW) {
        continueAsNew(input);
      } else if (outcome != Outcome.RESET) {
        if (input.once()) {
          return done();
        }
        waitForNextPoll();
        waitsThisRun++;
        if (waitsThisRun >= settings.cyclesPerRun()
            || Workflow.getInfo().isContinueAsNewSuggested()) {
          continueAsNew(input);
        }
      }
    }
  }

  /** Reads pages until the cycle ends, a page fails, a reset comes, or the run should end. */
  private Outcome scanUntilExhausted() {
    phase = "scanning";
    pollRequested = false;
    long generation = resets;
    while (true) {
      if (cycle.paused()) {
        phase = "paused";
        Workflow.await(() -> !cycle.paused() || resets != generation);
        phase = "scanning";
      }
      if (resets != generation) {
        return Outcome.RESET;
      }
      ScanResult page;
      try {
        int maxPages = Math.min(PAGES_PER_CALL, settings.pagesPerRun() - pagesThisRun);
        page =
            pages.scanPage(
                new ScanRequest(app, sourceKey, cycle.toWire(), settings.pageSize(), maxPages));
      } catch (ActivityFailure f) {
        if (resets != generation) {
          return Outcome.RESET;
        }
        fail(f, "scan");
        return Outcome.FAILED;
      }
      if (resets != generation) {
        // The page is written, but a reset arrived meanwhile: the reset wins.
        return Outcome.RESET;
      }
      // The activity worked on the state as it was sent; a pause may have come since.
      CycleState next = page.state().toState();
      if (page.cursorCheck() != null) {
        cursorCheck = page.cursorCheck();
      }
      cycle = cycle.paused() ? next.pause() : next;
      if (page.exhausted()) {
        lastCommitAt = now();
        LOG.debug("{}: cycle ended, committed {}", sourceKey, page.state().committedCursor());
        return Outcome.ENDED;
      }
      // A result recorded before results counted their pages wrote one.
      pagesThisRun += Math.max(1, page.pages());
      if (pagesThisRun >= settings.pagesPerRun() || Workflow.getInfo().isContinueAsNewSuggested()) {
        return Outcome.CONTINUE_AS_NEW;
      }
    }
  }

  private void awaitUnpaused() {
    if (cycle.paused()) {
      phase = "paused";
      Workflow.await(() -> !cycle.paused());
    }
  }

  private void waitForNextPoll() {
    if (pollRequested || cycle.paused()) {
      return;
    }
    phase = "waiting";
    long interval = Math.max(1, settings.pollIntervalMillis());
    long waitMillis = interval;
    if (settings.spreadPolls()
        && Workflow.getVersion(POLL_PHASE, Workflow.DEFAULT_VERSION, 1) >= 1) {
      waitMillis =
          PollPhase.waitMillis(
              Workflow.getInfo().getWorkflowId(), Workflow.currentTimeMillis(), interval);
    }
    Duration wait = Duration.ofMillis(waitMillis);
    nextPollAt = Instant.ofEpochMilli(Workflow.currentTimeMillis() + wait.toMillis()).toString();
    Workflow.await(wait, () -> pollRequested || cycle.paused());
    nextPollAt = null;
  }

  private void fail(ActivityFailure failure, String during) {
    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
    String type;
    String message;
    boolean transientFailure = true;
    if (cause instanceof ApplicationFailure a) {
      type = a.getType();
      message = a.getOriginalMessage();
      transientFailure = !a.isNonRetryable();
    } else if (cause instanceof TimeoutFailure t) {
      type = FeedFailures.TIMEOUT;
      message = "the activity timed out (" + t.getTimeoutType() + ")";
    } else {
      type = cause.getClass().getSimpleName();
      message = cause.getMessage();
    }
    message = truncate(message);
    cycle = cycle.fail(message);
    lastFailure = new SourceFailure(type, message, transientFailure, during, now());
    LOG.warn("{}: {} failed: {}: {}", sourceKey, during, type, message);
  }

  private void continueAsNew(SourceInput input) {
    runs++;
    Workflow.continueAsNew(new SourceInput(app, sourceKey, settings, input.once(), snapshot()));
  }

  private SourceState done() {
    phase = "done";
    return snapshot();
  }

  private void restore(SourceState s) {
    cycle = s.cycle().toState();
    initialised = s.initialised();
    pollRequested = s.pollRequested();
    lastFailure = s.lastFailure();
    lastCommitAt = s.lastCommitAt();
    runs = Math.max(1, s.runs());
    cursorCheck = s.cursorCheck();
    lastReset = s.lastReset();
  }

  private SourceState snapshot() {
    return new SourceState(
        cycle.toWire(),
        initialised,
        pollRequested,
        lastFailure,
        lastCommitAt,
        runs,
        cursorCheck,
        lastReset);
  }

  private static String now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString();
  }

  private static String truncate(String message) {
    String m = message == null ? "" : message;
    return m.length() <= MAX_MESSAGE_LENGTH ? m : m.substring(0, MAX_MESSAGE_LENGTH) + "...";
  }

  @Override
  public void pollNow() {
    pollRequested = true;
  }

  @Override
  public void pause() {
    cycle = cycle.pause();
  }

  @Override
  public void resume() {
    cycle = cycle.resume();
  }

  @Override
  public void resetCursor(String timestamp) {
    resetCursorBy(new CursorReset(timestamp, null));
  }

  @Override
  public void resetCursorBy(CursorReset reset) {
    String timestamp = reset.to();
    Instant cursor;
    try {
      cursor = CanonicalTime.parse(timestamp);
    } catch (RuntimeException e) {
      lastFailure =
          new SourceFailure(
              FeedFailures.INVALID_RESET,
              truncate("resetCursor: " + e.getMessage()),
              false,
              "reset",
              now());
      return;
    }
    String from = cycle.toWire().committedCursor();
    cycle = cycle.reset(cursor);
    lastReset = new LastReset(reset.by(), now(), from, CanonicalTime.format(cursor));
    initialised = true;
    resets++;
    pollRequested = true;
  }

  @Override
  public void updateSettings(SourceSettings newSettings) {
    if (newSettings != null) {
      settings = newSettings;
    }
  }

  @Override
  public SourceStatus state() {
    return new SourceStatus(app, sourceKey, phase, nextPollAt, settings, snapshot());
  }
}
