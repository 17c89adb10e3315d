package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} of a real {@code sqlfeed run} (the packaged jar, embedded Temporal) over an
 * SQLite application whose newest change is 30 minutes old, and an SQLite store: the lag, cycle
 * durations, events by kind, every pool's metrics and the store's write latency, with values that
 * fit what the worker did.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CliMetricsIT {
  private static final Duration STARTS = Duration.ofSeconds(90);

  @TempDir static Path dir;
  private static WorkerProcess worker;
  private static String text;

  @BeforeAll
  static void aWorkerThatRanSomeCycles() throws Exception {
    AcmeSqliteApp acme = AcmeSqliteApp.create(dir, new AcmeSqliteApp.Memberships(45, 44, 35));
    Path config = acme.config();
    worker =
        WorkerProcess.start(
            config, "jdbc:sqlite:" + dir.resolve("store.db"), Map.of(), dir.resolve("worker.log"));
    // Every source committed, and a few cycles more (poll_interval is 200ms).
    worker.await(
        "three cycles of every source",
        STARTS,
        () ->
            worker.metric("sqlfeed_feed_cycles_total", "user") >= 3
                && worker.metric("sqlfeed_feed_cycles_total", "team.grants.0.changes") >= 3
                && worker.metric("sqlfeed_feed_cycles_total", "team.grants.0.revokes") >= 3);
    text =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(worker.http("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
  }

  @AfterAll
  static void stopIt() throws Exception {
    if (worker != null) {
      assertThat(worker.stop()).as(worker.log()).isZero();
    }
  }

  private static double sample(String series) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(CliMetricsIT.text);
    assertThat(m.find()).as("%s in%n%s", series, text).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void lag_isTheAgeOfTheNewestCommittedChange_perSource() {
    // The newest user changed 30 minutes ago, the newest membership 44, the newest revoke 35.
    assertThat(sample("sqlfeed_feed_lag_seconds{app=\"acme\",source=\"user\"}"))
        .isBetween(1795.0, 1800.0 + STARTS.toSeconds() + 60);
    assertThat(sample("sqlfeed_feed_lag_seconds{app=\"acme\",source=\"team.grants.0.changes\"}"))
        .isBetween(2635.0, 2640.0 + STARTS.toSeconds() + 60);
    assertThat(sample("sqlfeed_feed_lag_seconds{app=\"acme\",source=\"team.grants.0.revokes\"}"))
        .isBetween(2095.0, 2100.0 + STARTS.toSeconds() + 60);
  }

  @Test
  void cycleDurations_areTimedPerSource_inSeconds() {
    String user = "{app=\"acme\",source=\"user\"";
    assertThat(text).contains("# TYPE sqlfeed_feed_cycle_duration_seconds summary");
    assertThat(sample("sqlfeed_feed_cycle_duration_seconds_count" + user + "}"))
        .isGreaterThanOrEqualTo(2);
    assertThat(sample("sqlfeed_feed_cycle_duration_seconds" + user + ",quantile=\"0.5\"}"))
        .isPositive()
        .isLessThan(30);
  }

  @Test
  void eventsWritten_areCountedByKind() {
    assertThat(sample("sqlfeed_feed_events_written_total{app=\"acme\",kind=\"resource_changed\"}"))
        .isGreaterThanOrEqualTo(3);
    assertThat(sample("sqlfeed_feed_events_written_total{app=\"acme\",kind=\"grant_created\"}"))
        .isGreaterThanOrEqualTo(2);
    assertThat(sample("sqlfeed_feed_events_written_total{app=\"acme\",kind=\"grant_revoked\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(sample("sqlfeed_feed_events_written_total{app=\"acme\",kind=\"resource_deleted\"}"))
        .isZero();
    // The log holds each once: re-reads are duplicates.
    assertThat(sample("sqlfeed_feed_events_appended_total{app=\"acme\",source=\"user\"}"))
        .isEqualTo(3);
  }

  @Test
  void everyPool_showsItsConnections() {
    for (String pool : new String[] {"sqlfeed-source-acme", "sqlfeed-store-writer"}) {
      String p = "{pool=\"" + pool + "\"}";
      double max = sample("sqlfeed_pool_max_connections" + p);
      assertThat(max).isPositive();
      assertThat(sample("sqlfeed_pool_total_connections" + p)).isBetween(1.0, max);
      assertThat(sample("sqlfeed_pool_active_connections" + p)).isBetween(0.0, max);
      assertThat(sample("sqlfeed_pool_idle_connections" + p)).isBetween(0.0, max);
      // A snapshot: a cycle may be waiting for a connection at the moment of the scrape (seen at a
      // load average of 4: 1 pending), so only the series and its range are certain.
      assertThat(sample("sqlfeed_pool_pending_connections" + p)).isBetween(0.0, 3.0);
      assertThat(sample("sqlfeed_pool_usage_millis_count" + p)).isPositive();
    }
    assertThat(sample("sqlfeed_pool_max_connections{pool=\"sqlfeed-source-acme\"}")).isEqualTo(3);
    assertThat(sample("sqlfeed_pool_max_connections{pool=\"sqlfeed-store-writer\"}")).isEqualTo(1);
  }

  @Test
  void storeWrites_areTimed() {
    double writes = sample("sqlfeed_store_write_seconds_count{app=\"acme\"}");
    assertThat(writes).isGreaterThanOrEqualTo(9);
    assertThat(sample("sqlfeed_store_write_seconds{app=\"acme\",quantile=\"0.99\"}"))
        .isPositive()
        .isLessThan(10);
  }

  @Test
  void theMetricsOfBefore_keepTheirNames() {
    assertThat(sample("sqlfeed_feed_pages_total{app=\"acme\",source=\"user\"}")).isPositive();
    assertThat(sample("sqlfeed_full_syncs_total{app=\"acme\",outcome=\"succeeded\"}")).isZero();
    assertThat(text).contains("# HELP sqlfeed_feed_pages_total Pages read and written.");
  }
}
