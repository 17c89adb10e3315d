package dev.sqlfeed.worker.metrics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.DefaultSettableGauge;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.SettableGauge;
import com.codahale.metrics.Timer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;

/**
 * sqlfeed's metrics: a Dropwizard {@link MetricRegistry} (for any Dropwizard reporter: JMX, see
 * {@link JmxExport}) in which every metric also knows the Prometheus name and labels it is exported
 * under. Dropwizard 4's names carry no labels, and the Prometheus bridge can only cut labels out of
 * dot-separated names, which source keys ({@code team.grants.0.changes}) and app names would break;
 * so the labels are kept beside each metric, and the bridge is told them ({@link ExportLabels}).
 * HikariCP's pool metrics, which the pools register themselves, are named by {@link HikariNames}.
 */
public final class SqlfeedMetrics {
  private final MetricRegistry registry = new MetricRegistry();
  private final Map<String, ExportName> exported = new ConcurrentHashMap<>();
  private final Map<String, String> help = new ConcurrentHashMap<>();
  private final PrometheusRegistry prometheus = new PrometheusRegistry();

  public SqlfeedMetrics() {
    prometheus.register(new PrometheusExport(registry, this::exportName, this::help));
  }

  public MetricRegistry registry() {
    return registry;
  }

  /** The Prometheus registry the Dropwizard registry is exported to. */
  public PrometheusRegistry prometheus() {
    return prometheus;
  }

  /**
   * A counter, created on first use.
   *
   * @param name the Prometheus name without {@code _total}, such as {@code
   *     sqlfeed_reconcile_differences}
   * @param labels label names and values, alternating
   */
  public Counter counter(String name, String help, String... labels) {
    return registry.counter(register(name, help, labels));
  }

  /** A gauge that holds the last value set, created (at 0) on first use; see {@link #counter}. */
  @SuppressWarnings("unchecked")
  public SettableGauge<Long> gauge(String name, String help, String... labels) {
    return registry.gauge(register(name, help, labels), () -> new DefaultSettableGauge<>(0L));
  }

  /**
   * A gauge that asks {@code value} at every read, registered on first use (a second call with the
   * same name and labels keeps the first supplier); see {@link #counter}.
   */
  public void gauge(String name, String help, DoubleSupplier value, String... labels) {
    registry.gauge(register(name, help, labels), () -> (Gauge<Double>) value::getAsDouble);
  }

  /**
   * A timer (a count and a distribution of durations, exported as a summary in seconds), created on
   * first use; see {@link #counter}.
   *
   * @param name the Prometheus name, ending in {@code _seconds}
   */
  public Timer timer(String name, String help, String... labels) {
    return registry.timer(register(name, help, labels));
  }

  private String register(String name, String helpText, String[] labels) {
    Objects.requireNonNull(helpText, "help");
    if (labels.length % 2 != 0) {
      throw new IllegalArgumentException("labels come in name, value pairs");
    }
    Labels l = Labels.of(labels);
    String key = name + l;
    exported.putIfAbsent(key, new ExportName(name, l, helpText));
    help.putIfAbsent(name, helpText);
    return key;
  }

  /** The export name of a Dropwizard metric of this registry, by its Dropwizard name. */
  Optional<ExportName> exportName(String dropwizardName) {
    ExportName own = exported.get(dropwizardName);
    return own != null ? Optional.of(own) : HikariNames.of(dropwizardName);
  }

  /** The help text of a metric family, by its Prometheus name. */
  private Optional<String> help(String prometheusName) {
    String own = help.get(prometheusName);
    return own != null ? Optional.of(own) : HikariNames.help(prometheusName);
  }

  /** Every metric as Prometheus snapshots, sorted by name, each metric's points by label. */
  public MetricSnapshots snapshots() {
    return prometheus.scrape();
  }
}
