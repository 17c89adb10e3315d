package dev.sqlfeed.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.feed.CycleState;
import dev.sqlfeed.workflows.ScanResult;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class JmxExportTest {
  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

  @Test
  void theMetrics_areMBeans_namedByTheirPrometheusNameAndLabels_untilClosed() throws Exception {
    SqlfeedMetrics metrics = new SqlfeedMetrics();
    FeedMetrics feed = new FeedMetrics(metrics, "jmx-test");
    ObjectName pages =
        new ObjectName(
            "sqlfeed:type=counters,name=sqlfeed_feed_pages,app=jmx-test,source=team.grants.0");
    ObjectName failures =
        new ObjectName(
            "sqlfeed:type=counters,name=sqlfeed_failures,app=jmx-test,source=user,"
                + "class=IllegalStateException");

    try (JmxExport jmx = JmxExport.start(metrics)) {
      feed.page("team.grants.0", new ScanResult(CycleState.initial().toWire(), 3, 3, 0, true));
      feed.page("team.grants.0", new ScanResult(CycleState.initial().toWire(), 3, 3, 0, true));
      // Registered after the reporter started: it shows too.
      feed.pageFailed("user", new IllegalStateException());

      assertThat(server.getAttribute(pages, "Count")).isEqualTo(2L);
      assertThat(server.getAttribute(failures, "Count")).isEqualTo(1L);
      assertThat(server.queryNames(new ObjectName("sqlfeed:name=sqlfeed_feed_rows,*"), null))
          .hasSize(1);
    }
    assertThat(server.isRegistered(pages)).isFalse();
  }

  @Test
  void aLabelValueJmxCannotTakeAsItIs_isQuoted() throws Exception {
    SqlfeedMetrics metrics = new SqlfeedMetrics();
    try (JmxExport jmx = JmxExport.start(metrics)) {
      metrics.counter("sqlfeed_test_odd", "A test counter.", "app", "a,b=c:d").inc(5);

      ObjectName odd =
          new ObjectName(
              "sqlfeed:type=counters,name=sqlfeed_test_odd,app=" + ObjectName.quote("a,b=c:d"));
      assertThat(server.getAttribute(odd, "Count")).isEqualTo(5L);
    }
  }
}
