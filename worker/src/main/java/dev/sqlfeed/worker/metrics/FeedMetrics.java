package dev.sqlfeed.worker.metrics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.SettableGauge;
import dev.sqlfeed.domain.feed.CanonicalTime;
import dev.sqlfeed.workflows.ScanRequest;
import dev.sqlfeed.workflows.ScanResult;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The pages of one app's incremental sources, per source, from the page activity's requests and
 * results: counts, each source's lag ({@link SourceLag}) and cycle durations ({@link CycleTimes}),
 * and failed attempts by class.
 */
public final class FeedMetrics {
  private final SqlfeedMetrics metrics;
  private final String app;
  private final LongSupplier nanoTime;
  private final CycleTimes cycles;
  private final Map<String, SourceLag> lags = new ConcurrentHashMap<>();

  public FeedMetrics(SqlfeedMetrics metrics, String app) {
    this(metrics, app, System::nanoTime);
  }

  /**
   * @param nanoTime the worker's monotonic clock, for lags and cycle durations
   */
  FeedMetrics(SqlfeedMetrics metrics, String app, LongSupplier nanoTime) {
    this.metrics = metrics;
    this.app = app;
    this.nanoTime = nanoTime;
    this.cycles = new CycleTimes(nanoTime);
  }

  /** Now, as a page call's start is given to {@link #scanned}. */
  public long now() {
    return cycles.now();
  }

  /** After a page call that started at {@link #now} {@code startedAt} succeeded. */
  public void scanned(ScanRequest request, long startedAt, ScanResult r) {
    String source = request.sourceKey();
    if (request.opensCycle()) {
      cycles.opened(source, startedAt);
    }
    if (r.exhausted()) {
      cycles
          .ended(source)
          .ifPresent(
              nanos ->
                  metrics
                      .timer(
                          "sqlfeed_feed_cycle_duration_seconds",
                          "How long cycles took, from the call that opened one to the page that"
                              + " exhausted its window.",
                          "app",
                          app,
                          "source",
                          source)
                      .update(nanos, TimeUnit.NANOSECONDS));
    }
    SourceLag lag = lag(source);
    if (r.databaseNow() != null) {
      lag.databaseNow(CanonicalTime.parse(r.databaseNow()));
    }
    String committed = r.state().committedCursor();
    lag.committed(committed == null ? null : CanonicalTime.parse(committed));
    page(source, r);
  }

  private SourceLag lag(String source) {
    return lags.computeIfAbsent(
        source,
        s -> {
          SourceLag lag = new SourceLag(nanoTime);
          metrics.gauge(
              "sqlfeed_feed_lag_seconds",
              "The source database's clock minus the committed cursor: the age of the newest"
                  + " change committed. NaN until a cycle opened and committed.",
              lag::seconds,
              "app",
              app,
              "source",
              s);
          return lag;
        });
  }

  /** After a page was written. */
  public void page(String source, ScanResult r) {
    counter("sqlfeed_feed_pages", "Pages read and written.", source).inc();
    failing(source).setValue(0L);
    counter("sqlfeed_feed_rows", "Source rows read by pages.", source).inc(r.rows());
    counter("sqlfeed_feed_events_appended", "Events new to the log.", source)
        .inc(r.eventsAppended());
    counter("sqlfeed_feed_duplicates", "Events the log had already (re-read rows).", source)
        .inc(r.duplicates());
    if (r.exhausted()) {
      counter("sqlfeed_feed_cycles", "Cycles that read their window to the end.", source).inc();
    }
    if (r.cursorCheck() != null) {
      counter("sqlfeed_feed_cursor_checks", "Looks for rows with an unreadable cursor.", source)
          .inc();
      metrics
          .gauge(
              "sqlfeed_feed_unreadable_cursor_rows",
              "Rows whose cursor is NULL or not a timestamp, which incremental sync never reads,"
                  + " as the last look found them (at most 100).",
              "app",
              app,
              "source",
              source)
          .setValue(r.cursorCheck().found());
    }
  }

  /** After a page attempt failed (Temporal retries transient failures; then the cycle fails). */
  public void pageFailed(String source) {
    counter("sqlfeed_feed_page_failures", "Page attempts that failed.", source).inc();
    failing(source).setValue(1L);
  }

  /** After a page attempt failed with {@code e}: counted by its class too. */
  public void pageFailed(String source, Throwable e) {
    pageFailed(source);
    failures(metrics, app, source, e).inc();
  }

  /** The counter of failed attempts of {@code source}'s activity, of {@code e}'s class. */
  static Counter failures(SqlfeedMetrics metrics, String app, String source, Throwable e) {
    return metrics.counter(
        "sqlfeed_failures",
        "Activity attempts that failed, by source (full-sync for full syncs) and class of error.",
        "app",
        app,
        "source",
        source,
        "class",
        FailureClass.of(e));
  }

  /** 1 from a failed page attempt until the next page succeeds: an outage while it lasts. */
  private SettableGauge<Long> failing(String source) {
    return metrics.gauge(
        "sqlfeed_feed_failing",
        "1 while the source's last page attempt failed, until a page succeeds.",
        "app",
        app,
        "source",
        source);
  }

  private Counter counter(String name, String help, String source) {
    return metrics.counter(name, help, "app", app, "source", source);
  }
}
