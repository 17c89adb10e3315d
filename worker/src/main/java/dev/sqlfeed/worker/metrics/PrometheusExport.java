package dev.sqlfeed.worker.metrics;

import com.codahale.metrics.MetricFilter;
import com.codahale.metrics.MetricRegistry;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The Dropwizard registry as Prometheus snapshots: client_java's Dropwizard bridge converts every
 * metric (counters, gauges, timers and histograms as summaries, meters as counters) under the name
 * and labels {@link ExportLabels} gives it. The bridge makes one snapshot per Dropwizard metric,
 * each with a help text of its own naming the Dropwizard metric; this collector joins those that
 * share a Prometheus name into one metric family, points sorted by label, with sqlfeed's help text.
 */
final class PrometheusExport implements MultiCollector {
  private final DropwizardExports bridge;
  private final Function<String, Optional<String>> help;

  /**
   * @param names the export name of a Dropwizard metric, by its Dropwizard name
   * @param help the help text of a metric family, by its Prometheus name
   */
  PrometheusExport(
      MetricRegistry registry,
      Function<String, Optional<ExportName>> names,
      Function<String, Optional<String>> help) {
    this.bridge = new DropwizardExports(registry, MetricFilter.ALL, new ExportLabels(names));
    this.help = help;
  }

  @Override
  public MetricSnapshots collect() {
    Map<String, List<MetricSnapshot>> byName = new TreeMap<>();
    for (MetricSnapshot s : bridge.collect()) {
      byName.computeIfAbsent(s.getMetadata().getPrometheusName(), n -> new ArrayList<>()).add(s);
    }
    MetricSnapshots.Builder out = MetricSnapshots.builder();
    for (List<MetricSnapshot> family : byName.values()) {
      out.metricSnapshot(joined(family));
    }
    return out.build();
  }

  @SuppressWarnings("unchecked")
  private MetricSnapshot joined(List<MetricSnapshot> family) {
    MetricSnapshot first = family.get(0);
    MetricMetadata bridged = first.getMetadata();
    MetricMetadata metadata =
        new MetricMetadata(
            bridged.getName(), help.apply(bridged.getName()).orElse(bridged.getHelp()));
    List<DataPointSnapshot> points = new ArrayList<>();
    for (MetricSnapshot s : family) {
      if (s.getClass() != first.getClass()) {
        throw new IllegalStateException(
            "metric " + bridged.getName() + " is registered as two types");
      }
      points.addAll(s.getDataPoints());
    }
    points.sort(Comparator.comparing(DataPointSnapshot::getLabels));
    if (first instanceof CounterSnapshot) {
      return new CounterSnapshot(
          metadata, (List<CounterSnapshot.CounterDataPointSnapshot>) (List<?>) points);
    }
    if (first instanceof GaugeSnapshot) {
      return new GaugeSnapshot(
          metadata, (List<GaugeSnapshot.GaugeDataPointSnapshot>) (List<?>) points);
    }
    if (first instanceof SummarySnapshot) {
      return new SummarySnapshot(
          metadata, (List<SummarySnapshot.SummaryDataPointSnapshot>) (List<?>) points);
    }
    throw new IllegalStateException("the bridge made a " + first.getClass().getSimpleName());
  }
}
