package dev.sqlfeed.worker.metrics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.DefaultSettableGauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.SettableGauge;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * sqlfeed's metrics: a Dropwizard {@link MetricRegistry} (for any Dropwizard reporter) in which
 * every metric also knows the Prometheus name and labels it is exported under. Dropwizard 4's names
 * carry no labels, and the Prometheus bridge can only cut labels out of dot-separated names, which
 * source keys ({@code team.grants.0.changes}) and app names would break; so the labels are kept
 * beside each metric and the export builds its snapshots from them.
 */
public final class SqlfeedMetrics {
  private final MetricRegistry registry = new MetricRegistry();
  private final Map<String, Exported> exported = new ConcurrentHashMap<>();

  /** How a Dropwizard metric is exported. */
  private record Exported(String name, String help, Labels labels, boolean counter) {}

  public MetricRegistry registry() {
    return registry;
  }

  /**
   * A counter, created on first use.
   *
   * @param name the Prometheus name without {@code _total}, such as {@code
   *     sqlfeed_reconcile_differences}
   * @param labels label names and values, alternating
   */
  public Counter counter(String name, String help, String... labels) {
    return registry.counter(register(name, help, labels, true));
  }

  /** A gauge that holds the last value set, created (at 0) on first use; see {@link #counter}. */
  @SuppressWarnings("unchecked")
  public SettableGauge<Long> gauge(String name, String help, String... labels) {
    return registry.gauge(
        register(name, help, labels, false), () -> new DefaultSettableGauge<>(0L));
  }

  private String register(String name, String help, String[] labels, boolean counter) {
    Objects.requireNonNull(help, "help");
    if (labels.length % 2 != 0) {
      throw new IllegalArgumentException("labels come in name, value pairs");
    }
    Labels l = Labels.of(labels);
    String key = name + l;
    exported.putIfAbsent(key, new Exported(name, help, l, counter));
    return key;
  }

  /** Every metric as Prometheus snapshots, sorted by name, each metric's points by label. */
  public MetricSnapshots snapshots() {
    Map<String, List<Map.Entry<String, Exported>>> byName = new TreeMap<>();
    for (var e : exported.entrySet()) {
      byName.computeIfAbsent(e.getValue().name(), n -> new ArrayList<>()).add(e);
    }
    List<MetricSnapshot> snapshots = new ArrayList<>();
    for (var points : byName.values()) {
      points.sort((a, b) -> a.getValue().labels().compareTo(b.getValue().labels()));
      Exported first = points.get(0).getValue();
      if (first.counter()) {
        CounterSnapshot.Builder b = CounterSnapshot.builder().name(first.name()).help(first.help());
        for (var p : points) {
          b.dataPoint(
              CounterSnapshot.CounterDataPointSnapshot.builder()
                  .labels(p.getValue().labels())
                  .value(registry.counter(p.getKey()).getCount())
                  .build());
        }
        snapshots.add(b.build());
      } else {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(first.name()).help(first.help());
        for (var p : points) {
          Object value = registry.getGauges().get(p.getKey()).getValue();
          b.dataPoint(
              GaugeSnapshot.GaugeDataPointSnapshot.builder()
                  .labels(p.getValue().labels())
                  .value(((Number) value).doubleValue())
                  .build());
        }
        snapshots.add(b.build());
      }
    }
    return new MetricSnapshots(snapshots);
  }
}
