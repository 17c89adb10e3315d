package dev.sqlfeed.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.codahale.metrics.Timer;
import dev.sqlfeed.domain.feed.CanonicalTime;
import dev.sqlfeed.domain.feed.CycleState;
import dev.sqlfeed.workflows.FeedFailures;
import dev.sqlfeed.workflows.ScanRequest;
import dev.sqlfeed.workflows.ScanResult;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FeedMetricsTest {
  private static final String SOURCE = "team.grants.0.changes";
  private static final Instant DB_NOW = Instant.parse("2026-12-04T10:00:00Z");

  private final SqlfeedMetrics metrics = new SqlfeedMetrics();
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final FeedMetrics feed = new FeedMetrics(metrics, "acme", nanos::get);

  private static ScanRequest opening() {
    return new ScanRequest("acme", SOURCE, CycleState.initial().toWire(), 100);
  }

  /** A request that continues a running cycle. */
  private static ScanRequest continuing() {
    CycleState running =
        CycleState.startingAt(DB_NOW.minusSeconds(60))
            .open(DB_NOW, dev.sqlfeed.domain.config.SyncSettings.DEFAULTS);
    return new ScanRequest("acme", SOURCE, running.toWire(), 100);
  }

  private static ScanResult committed(Instant cursor, boolean exhausted, Instant databaseNow) {
    ScanResult r = new ScanResult(CycleState.startingAt(cursor).toWire(), 5, 5, 0, exhausted);
    return databaseNow == null ? r : r.openedAt(CanonicalTime.format(databaseNow));
  }

  private void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  private double gauge(String name) {
    return ((Number)
            metrics.registry().getGauges().entrySet().stream()
                .filter(e -> e.getKey().startsWith(name + "{"))
                .findFirst()
                .orElseThrow()
                .getValue()
                .getValue())
        .doubleValue();
  }

  @Test
  void lag_isTheDatabaseClockAtOpenMinusTheCommittedCursor_carriedForwardByTheWorkersClock() {
    long started = feed.now();
    feed.scanned(opening(), started, committed(DB_NOW.minusSeconds(30), true, DB_NOW));

    assertThat(gauge("sqlfeed_feed_lag_seconds")).isCloseTo(30.0, within(1e-9));

    advance(Duration.ofSeconds(5));
    assertThat(gauge("sqlfeed_feed_lag_seconds")).isCloseTo(35.0, within(1e-9));

    // The next cycle reads the clock again and commits a newer cursor.
    feed.scanned(
        opening(), feed.now(), committed(DB_NOW.plusSeconds(4), true, DB_NOW.plusSeconds(10)));
    assertThat(gauge("sqlfeed_feed_lag_seconds")).isCloseTo(6.0, within(1e-9));
  }

  @Test
  void lag_isNaN_untilACursorIsCommitted() {
    ScanResult nothingYet =
        new ScanResult(CycleState.initial().toWire(), 0, 0, 0, true)
            .openedAt(CanonicalTime.format(DB_NOW));
    feed.scanned(opening(), feed.now(), nothingYet);

    assertThat(gauge("sqlfeed_feed_lag_seconds")).isNaN();
    assertThat(Scrape.text(metrics))
        .contains("sqlfeed_feed_lag_seconds{app=\"acme\",source=\"" + SOURCE + "\"} NaN");
  }

  @Test
  void cycleDuration_runsFromTheOpeningCallToTheExhaustingPage() {
    long started = feed.now();
    advance(Duration.ofMillis(300));
    feed.scanned(opening(), started, committed(DB_NOW.minusSeconds(30), false, DB_NOW));
    advance(Duration.ofMillis(1700));
    long next = feed.now();
    advance(Duration.ofMillis(500));
    feed.scanned(continuing(), next, committed(DB_NOW.minusSeconds(1), true, null));

    Timer timer =
        metrics.registry().getTimers().entrySet().stream()
            .filter(e -> e.getKey().startsWith("sqlfeed_feed_cycle_duration_seconds{"))
            .findFirst()
            .orElseThrow()
            .getValue();
    assertThat(timer.getCount()).isEqualTo(1);
    assertThat(timer.getSnapshot().getMax()).isEqualTo(Duration.ofMillis(2500).toNanos());
    assertThat(Scrape.text(metrics))
        .contains(
            "sqlfeed_feed_cycle_duration_seconds_count{app=\"acme\",source=\"" + SOURCE + "\"} 1")
        .contains(
            "sqlfeed_feed_cycle_duration_seconds{app=\"acme\",source=\""
                + SOURCE
                + "\",quantile=\"0.5\"} 2.5")
        // Dropwizard's timers keep no sum.
        .doesNotContain("sqlfeed_feed_cycle_duration_seconds_sum");
  }

  @Test
  void aCycleTakenOverHalfWay_isNotTimed() {
    feed.scanned(continuing(), feed.now(), committed(DB_NOW.minusSeconds(1), true, null));

    assertThat(metrics.registry().getTimers()).isEmpty();
  }

  @Test
  void failures_areCountedByTheirClass() {
    feed.pageFailed(SOURCE, ApplicationFailure.newFailure("down", FeedFailures.SOURCE_UNAVAILABLE));
    feed.pageFailed(SOURCE, ApplicationFailure.newFailure("down", FeedFailures.SOURCE_UNAVAILABLE));
    feed.pageFailed(SOURCE, new IllegalStateException("secret row 42"));
    new FullSyncMetrics(metrics, "acme")
        .failed(ApplicationFailure.newFailure("x", FeedFailures.STORE_FAILED));

    assertThat(Scrape.text(metrics))
        .contains(
            "sqlfeed_failures_total{app=\"acme\",class=\"SourceUnavailable\",source=\""
                + SOURCE
                + "\"} 2.0")
        .contains(
            "sqlfeed_failures_total{app=\"acme\",class=\"IllegalStateException\",source=\""
                + SOURCE
                + "\"} 1.0")
        .contains(
            "sqlfeed_failures_total{app=\"acme\",class=\"StoreFailed\",source=\"full-sync\"} 1.0")
        .contains("sqlfeed_feed_page_failures_total{app=\"acme\",source=\"" + SOURCE + "\"} 3.0")
        .doesNotContain("secret row");
  }
}
