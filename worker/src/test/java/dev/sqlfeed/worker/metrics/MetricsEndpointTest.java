package dev.sqlfeed.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.feed.CycleState;
import dev.sqlfeed.workflows.FullSyncResult;
import dev.sqlfeed.workflows.ScanResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {
  private final SqlfeedMetrics metrics = new SqlfeedMetrics();

  private static HttpResponse<String> get(MetricsEndpoint endpoint) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://" + endpoint.address() + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void fullSyncs_areServedWithTheirDifferencesPerKind_onLoopbackOnly() throws Exception {
    FullSyncMetrics fullSyncs = new FullSyncMetrics(metrics, "acme");
    fullSyncs.succeeded(new FullSyncResult("acme", 7, 3, 1, 4, 2, 1, 0, 5, 1200));
    fullSyncs.succeeded(new FullSyncResult("acme", 8, 3, 1, 4, 1, 0, 0, 0, 900));
    fullSyncs.failed();

    try (MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0, metrics)) {
      HttpResponse<String> r = get(endpoint);

      assertThat(endpoint.address()).startsWith("127.0.0.1:");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
      assertThat(r.body())
          .contains("# TYPE sqlfeed_reconcile_differences_total counter")
          .contains(
              "sqlfeed_reconcile_differences_total{app=\"acme\",kind=\"resources_changed\"} 3.0")
          .contains("sqlfeed_reconcile_differences_total{app=\"acme\",kind=\"grants_revoked\"} 5.0")
          .contains("sqlfeed_reconcile_differences_total{app=\"acme\",kind=\"grants_created\"} 0.0")
          .contains("sqlfeed_reconcile_last_differences{app=\"acme\",kind=\"grants_revoked\"} 0.0")
          .contains(
              "sqlfeed_reconcile_last_differences{app=\"acme\",kind=\"resources_changed\"} 1.0")
          .contains("sqlfeed_full_syncs_total{app=\"acme\",outcome=\"succeeded\"} 2.0")
          .contains("sqlfeed_full_syncs_total{app=\"acme\",outcome=\"failed\"} 1.0")
          .contains("sqlfeed_full_sync_last_run_id{app=\"acme\"} 8.0")
          .contains("sqlfeed_full_sync_last_mirror{app=\"acme\",kind=\"grants\"} 4.0");
    }
  }

  @Test
  void sourceKeysWithDots_areLabelValuesAsTheyAre() throws Exception {
    FeedMetrics feed = new FeedMetrics(metrics, "acme");
    ScanResult page = new ScanResult(CycleState.initial().toWire(), 10, 4, 6, true);
    feed.page("team.grants.0.changes", page);
    feed.page("team.grants.0.changes", page);
    feed.pageFailed("user");

    try (MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0, metrics)) {
      String body = get(endpoint).body();

      assertThat(body)
          .contains("sqlfeed_feed_pages_total{app=\"acme\",source=\"team.grants.0.changes\"} 2.0")
          .contains("sqlfeed_feed_rows_total{app=\"acme\",source=\"team.grants.0.changes\"} 20.0")
          .contains(
              "sqlfeed_feed_events_appended_total{app=\"acme\",source=\"team.grants.0.changes\"} 8.0")
          .contains("sqlfeed_feed_cycles_total{app=\"acme\",source=\"team.grants.0.changes\"} 2.0")
          .contains("sqlfeed_feed_page_failures_total{app=\"acme\",source=\"user\"} 1.0");
    }
  }

  @Test
  void theDropwizardRegistry_holdsTheSameCounters() {
    new FullSyncMetrics(metrics, "acme")
        .succeeded(new FullSyncResult("acme", 1, 0, 0, 0, 0, 2, 0, 0, 1));

    assertThat(metrics.registry().getCounters())
        .anySatisfy(
            (name, counter) -> {
              assertThat(name).contains("sqlfeed_reconcile_differences", "resources_deleted");
              assertThat(counter.getCount()).isEqualTo(2);
            });
  }
}
