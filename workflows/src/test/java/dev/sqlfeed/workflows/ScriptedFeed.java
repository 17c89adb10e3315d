package dev.sqlfeed.workflows;

import dev.sqlfeed.domain.config.SyncMode;
import dev.sqlfeed.domain.config.SyncSettings;
import dev.sqlfeed.domain.error.MappingException;
import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.domain.feed.CanonicalTime;
import dev.sqlfeed.domain.feed.CycleState;
import dev.sqlfeed.domain.feed.KeyValue;
import dev.sqlfeed.domain.feed.KeysetPosition;
import dev.sqlfeed.domain.feed.PageSummary;
import dev.sqlfeed.domain.feed.RunningCycle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory source and store behind {@link FeedActivities}: a table of (cursor, key) rows, a
 * database clock the test sets, an event log that drops known ids, and checkpoints. Failures and
 * holds are scripted per call. Thread-safe: activities run on the worker's threads.
 */
final class ScriptedFeed implements FeedActivities {
  /** How long a test may take to come for a held call, or to release it, on a loaded machine. */
  private static final Duration WAIT = Duration.ofSeconds(90);

  static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  static final Duration LOOKBACK = Duration.ofHours(3);

  /** No overlap and no lag, so that windows are easy to reason about in the tests. */
  static final SyncSettings SETTINGS =
      new SyncSettings(
          LOOKBACK, Duration.ofSeconds(30), 100, Duration.ZERO, Duration.ZERO, SyncMode.KEYSET);

  record Row(Instant cursor, long key) {}

  private final List<Row> rows = new ArrayList<>();
  private final Set<String> log = new HashSet<>();
  private final Map<String, String> checkpoints = new HashMap<>();
  private final List<ScanRequest> requests = new ArrayList<>();
  private final List<Integer> commitCalls = new ArrayList<>();
  private Instant now = T0;
  private int transientFailures;
  private String permanentFailure;
  private int holdAtCall = -1;
  private CursorCheck checkOnNextCommit;
  private final CountDownLatch held = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  /** Adds {@code n} rows, one second apart, starting {@code before} the clock. */
  synchronized ScriptedFeed rows(int n, Duration before) {
    for (int i = 0; i < n; i++) {
      rows.add(new Row(now.minus(before).plusSeconds(i), rows.size() + 1L));
    }
    return this;
  }

  synchronized ScriptedFeed clock(Instant instant) {
    now = instant;
    return this;
  }

  synchronized ScriptedFeed checkpoint(String sourceKey, String cursor) {
    checkpoints.put(sourceKey, cursor);
    return this;
  }

  /** The next page that commits reports {@code check} as its look for unreadable cursors. */
  synchronized ScriptedFeed checkOnNextCommit(CursorCheck check) {
    checkOnNextCommit = check;
    return this;
  }

  synchronized void failTransiently(int calls) {
    transientFailures = calls;
  }

  synchronized void failPermanently(String message) {
    permanentFailure = message;
  }

  /** Makes the {@code call}-th scan (from 1) wait for {@link #release()} before it reads. */
  synchronized void holdAt(int call) {
    holdAtCall = call;
  }

  void awaitHeld() throws InterruptedException {
    if (!held.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
      throw new AssertionError("the held page never came");
    }
  }

  void release() {
    release.countDown();
  }

  synchronized List<ScanRequest> requests() {
    return List.copyOf(requests);
  }

  /** The calls (from 1) whose page wrote a checkpoint. */
  synchronized List<Integer> commitCalls() {
    return List.copyOf(commitCalls);
  }

  synchronized int events() {
    return log.size();
  }

  synchronized String storedCheckpoint(String sourceKey) {
    return checkpoints.get(sourceKey);
  }

  @Override
  public synchronized String initialCheckpoint(String app, String sourceKey) {
    return checkpoints.get(sourceKey);
  }

  @Override
  public ScanResult scanPage(ScanRequest request) {
    int call;
    synchronized (this) {
      requests.add(request);
      call = requests.size();
      if (transientFailures > 0) {
        transientFailures--;
        throw FeedFailures.of(
            new SourceException(
                SourceException.Kind.UNAVAILABLE, true, "connection to acme lost", null));
      }
      if (permanentFailure != null) {
        throw FeedFailures.of(new MappingException(permanentFailure));
      }
    }
    if (call == holdAtCall) {
      held.countDown();
      try {
        if (!release.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
          // The test never released it: fail the call rather than go on as if it had.
          throw new IllegalStateException("the held page was not released within " + WAIT);
        }
      } catch (InterruptedException e) {
        // The worker is shutting down.
        Thread.currentThread().interrupt();
      }
    }
    return read(request, call);
  }

  private synchronized ScanResult read(ScanRequest request, int call) {
    CycleState state = request.state().toState();
    if (!state.running()) {
      state = state.open(now, SETTINGS);
      if (!state.running()) {
        return new ScanResult(state.toWire(), 0, 0, 0, true);
      }
    }
    RunningCycle cycle = state.cycle().orElseThrow();
    Row after =
        cycle.after().map(p -> new Row(p.cursor(), Long.parseLong(p.key().text()))).orElse(null);
    Comparator<Row> order = Comparator.comparing(Row::cursor).thenComparing(Row::key);
    List<Row> page =
        rows.stream()
            .filter(r -> !r.cursor().isBefore(cycle.since()) && !r.cursor().isAfter(cycle.upTo()))
            .filter(r -> after == null || order.compare(r, after) > 0)
            .sorted(order)
            .limit(request.pageSize())
            .toList();
    long appended = page.stream().filter(r -> log.add(r.cursor() + ":" + r.key())).count();
    boolean exhausted = page.size() < request.pageSize();
    Row last = page.isEmpty() ? null : page.get(page.size() - 1);
    PageSummary summary =
        new PageSummary(
            page.size(),
            appended,
            page.size() - appended,
            Optional.ofNullable(last)
                .map(r -> new KeysetPosition(r.cursor(), KeyValue.of(r.key()))),
            page.stream().map(Row::cursor).max(Comparator.naturalOrder()),
            "",
            exhausted);
    CycleState next = state.page(summary);
    if (exhausted) {
      next.committed()
          .ifPresent(c -> checkpoints.put(request.sourceKey(), CanonicalTime.format(c)));
      commitCalls.add(call);
    }
    CursorCheck check = exhausted ? checkOnNextCommit : null;
    if (exhausted) {
      checkOnNextCommit = null;
    }
    return new ScanResult(
        next.toWire(), page.size(), appended, page.size() - appended, exhausted, check);
  }
}
