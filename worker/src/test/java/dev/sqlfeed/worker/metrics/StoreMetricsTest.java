package dev.sqlfeed.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.Timer;
import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.jdbc.PoolMetrics;
import dev.sqlfeed.ports.MirrorChange;
import dev.sqlfeed.ports.SourceEvent;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.worker.Wiring;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Page writes and the store's pools, measured on a real (SQLite) store. */
class StoreMetricsTest {
  @TempDir Path dir;

  private final SqlfeedMetrics metrics = Wiring.metrics();
  private final PoolMetrics.Publication pools = Wiring.poolMetrics(metrics);

  @AfterEach
  void unpublish() {
    pools.close();
  }

  private SyncStore store() {
    return Wiring.store("jdbc:sqlite:" + dir.resolve("store.db"), Map.of());
  }

  private static List<SourceEvent> page(String suffix) {
    ResourceRef team = new ResourceRef("team", "ops");
    ResourceRef user = new ResourceRef("user", "7");
    Instant at = Instant.parse("2026-12-04T10:00:00Z");
    Grant grant = new Grant(team, "member", user);
    return List.of(
        new SourceEvent(
            new FeedEvent.GrantCreated("g" + suffix, "team.grants", team, "member", user, at),
            List.of(new MirrorChange.PutGrant(grant))),
        new SourceEvent(
            new FeedEvent.GrantRevoked("r" + suffix, "team.revokes", team, "member", user, at),
            List.of(new MirrorChange.DeleteGrant(grant))),
        new SourceEvent(new FeedEvent.ResourceChanged("c" + suffix, "user", user, at), List.of()));
  }

  @Test
  void pageWrites_areTimed_andTheirEventsCountedByKind_reReadsIncluded() {
    try (SyncStore store = store()) {
      MeteredEventLog log = new MeteredEventLog(store, metrics, "acme");
      log.writePage("acme", page("1"), Optional.empty());
      log.writePage("acme", page("1"), Optional.empty());
      log.writePage("acme", page("2"), Optional.empty());
    }

    Timer writes = metrics.registry().getTimers().get("sqlfeed_store_write_seconds{app=\"acme\"}");
    assertThat(writes.getCount()).isEqualTo(3);
    assertThat(writes.getSnapshot().getMin()).isPositive();
    assertThat(Scrape.text(metrics))
        .contains("sqlfeed_store_write_seconds_count{app=\"acme\"} 3")
        .contains("sqlfeed_feed_events_written_total{app=\"acme\",kind=\"grant_created\"} 3.0")
        .contains("sqlfeed_feed_events_written_total{app=\"acme\",kind=\"grant_revoked\"} 3.0")
        .contains("sqlfeed_feed_events_written_total{app=\"acme\",kind=\"resource_changed\"} 3.0")
        .contains("sqlfeed_feed_events_written_total{app=\"acme\",kind=\"resource_deleted\"} 0.0");
  }

  @Test
  void everyPoolOfTheStore_reportsHikarisMetrics_labelledWithThePoolsName() {
    try (SyncStore store = store()) {
      store.writePage("acme", page("1"), Optional.empty());
      String text = Scrape.text(metrics);

      // SQLite: a writer pool of one connection and a reader pool.
      assertThat(text)
          .contains("sqlfeed_pool_max_connections{pool=\"sqlfeed-store-writer\"} 1.0")
          .contains("sqlfeed_pool_max_connections{pool=\"sqlfeed-store-reader\"} 4.0")
          .contains("sqlfeed_pool_active_connections{pool=\"sqlfeed-store-writer\"} 0.0")
          .contains("sqlfeed_pool_pending_connections{pool=\"sqlfeed-store-writer\"} 0.0")
          .containsPattern("sqlfeed_pool_idle_connections\\{pool=\"sqlfeed-store-writer\"} 1.0")
          .containsPattern("sqlfeed_pool_usage_millis_count\\{pool=\"sqlfeed-store-writer\"} [1-9]")
          .containsPattern("sqlfeed_pool_wait_seconds_count\\{pool=\"sqlfeed-store-writer\"} [1-9]")
          .contains("sqlfeed_pool_connection_timeouts_total{pool=\"sqlfeed-store-writer\"} 0.0")
          .contains("# HELP sqlfeed_pool_active_connections Connections in use.");
    }
    // A closed pool's metrics go with it.
    assertThat(Scrape.text(metrics)).doesNotContain("sqlfeed-store-writer");
  }

  @Test
  void afterThePublicationIsClosed_newPoolsReportNowhere() {
    pools.close();
    try (SyncStore store = store()) {
      assertThat(Scrape.text(metrics)).doesNotContain("sqlfeed_pool_");
    }
  }

  @Test
  void aSecondPoolOfTheSameName_getsASuffix_insteadOfFailingToOpen() {
    try (SyncStore first = store();
        SyncStore second = Wiring.store("jdbc:sqlite:" + dir.resolve("other.db"), Map.of())) {
      assertThat(Scrape.text(metrics))
          .contains("sqlfeed_pool_max_connections{pool=\"sqlfeed-store-writer\"} 1.0")
          .contains("sqlfeed_pool_max_connections{pool=\"sqlfeed-store-writer-2\"} 1.0");
    }
  }
}
