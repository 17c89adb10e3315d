package dev.sqlfeed.worker.metrics;

import io.prometheus.metrics.model.snapshots.Labels;
import java.util.Map;
import java.util.Optional;

/**
 * The export names of the metrics HikariCP keeps for each pool ({@code <pool>.pool.<Metric>}):
 * {@code sqlfeed_pool_*} with the pool's name as the {@code pool} label. Pool names may hold dots,
 * so the pool is everything before the last {@code .pool.}.
 */
final class HikariNames {
  private static final String CATEGORY = ".pool.";

  private static final Map<String, ExportName> BY_METRIC =
      Map.of(
          "ActiveConnections",
          name("sqlfeed_pool_active_connections", "Connections in use."),
          "IdleConnections",
          name("sqlfeed_pool_idle_connections", "Connections open and unused."),
          "PendingConnections",
          name("sqlfeed_pool_pending_connections", "Threads waiting for a connection."),
          "TotalConnections",
          name("sqlfeed_pool_total_connections", "Connections open, in use or idle."),
          "MaxConnections",
          name("sqlfeed_pool_max_connections", "The pool's maximum size."),
          "MinConnections",
          name("sqlfeed_pool_min_connections", "The idle connections the pool keeps at least."),
          "Usage",
          name("sqlfeed_pool_usage_millis", "How long connections were held, in milliseconds."),
          "Wait",
          name("sqlfeed_pool_wait_seconds", "How long getting a connection took."),
          "ConnectionCreation",
          name(
              "sqlfeed_pool_connection_creation_millis",
              "How long opening a connection took, in milliseconds."),
          "ConnectionTimeoutRate",
          name("sqlfeed_pool_connection_timeouts", "Requests for a connection that timed out."));

  private HikariNames() {}

  private static ExportName name(String name, String help) {
    return new ExportName(name, Labels.EMPTY, help);
  }

  /** The help text of a pool metric family, by its Prometheus name. */
  static Optional<String> help(String prometheusName) {
    return BY_METRIC.values().stream()
        .filter(n -> n.name().equals(prometheusName))
        .map(ExportName::help)
        .findFirst();
  }

  /** The export name of a Hikari metric; empty for a name that is not Hikari's. */
  static Optional<ExportName> of(String dropwizardName) {
    int at = dropwizardName.lastIndexOf(CATEGORY);
    if (at <= 0) {
      return Optional.empty();
    }
    String metric = dropwizardName.substring(at + CATEGORY.length());
    // The bridge asks for a meter's name with "_total" appended.
    if (metric.endsWith("_total")) {
      metric = metric.substring(0, metric.length() - "_total".length());
    }
    ExportName known = BY_METRIC.get(metric);
    if (known == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ExportName(
            known.name(), Labels.of("pool", dropwizardName.substring(0, at)), known.help()));
  }
}
