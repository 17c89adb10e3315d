package dev.sqlfeed.jdbc;

import com.codahale.metrics.MetricRegistry;
import com.zaxxer.hikari.HikariConfig;

/**
 * Where the connection pools report their metrics: Hikari's own Dropwizard metrics ({@code
 * <pool>.pool.ActiveConnections}, {@code IdleConnections}, {@code PendingConnections}, {@code
 * TotalConnections}, {@code Usage}, {@code Wait} ...), in the registry a worker publishes here.
 *
 * <p>One registry for the process, set once by the composition root before it opens a store or a
 * source: the pools are opened deep inside the adapters (a store opens two or three), and threading
 * a registry through every factory would change every signature for one setting. Without one, the
 * pools keep no metrics, as before.
 */
public final class PoolMetrics {
  private static volatile MetricRegistry registry;

  private PoolMetrics() {}

  /**
   * Pools opened from now on report to {@code to}, until the publication is closed (or another
   * registry is published). Pools already open keep reporting where they did.
   */
  public static Publication publishTo(MetricRegistry to) {
    registry = to;
    return new Publication(to);
  }

  /** A registry published for the pools; closing it withdraws it unless another replaced it. */
  public record Publication(MetricRegistry registry) implements AutoCloseable {
    @Override
    public void close() {
      synchronized (PoolMetrics.class) {
        if (PoolMetrics.registry == registry) {
          PoolMetrics.registry = null;
        }
      }
    }
  }

  /**
   * Gives the pool the registry, if one was published. A pool name that another open pool reports
   * under already gets a suffix ({@code -2}, {@code -3} ...): Hikari refuses to register a second
   * pool's gauges under the same name, and would fail to open the pool.
   */
  static void apply(HikariConfig config) {
    MetricRegistry to = registry;
    if (to == null) {
      return;
    }
    synchronized (PoolMetrics.class) {
      String name = config.getPoolName();
      for (int n = 2; to.getNames().contains(MetricRegistry.name(name, "pool", "Wait")); n++) {
        name = config.getPoolName() + "-" + n;
      }
      config.setPoolName(name);
      config.setMetricRegistry(to);
    }
  }
}
