package dev.sqlfeed.worker.metrics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.SettableGauge;
import dev.sqlfeed.workflows.ScanResult;

/** The pages of one app's incremental sources, per source, from the page activity's results. */
public final class FeedMetrics {
  private final SqlfeedMetrics metrics;
  private final String app;

  public FeedMetrics(SqlfeedMetrics metrics, String app) {
    this.metrics = metrics;
    this.app = app;
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
