package dev.sqlfeed.worker.metrics;

import dev.sqlfeed.workflows.FullSyncResult;

/**
 * The full syncs of one app: how many ran and failed, and the differences each found against the
 * mirror, per kind. A non-zero difference after a quiet period means that the incremental sources
 * missed a change. Every series exists from the start, at zero, so that an alert on it never meets
 * an absent series.
 */
public final class FullSyncMetrics {
  /** The kinds of difference, as the {@code kind} label has them. */
  static final String[] KINDS = {
    "resources_changed", "resources_deleted", "grants_created", "grants_revoked"
  };

  private final SqlfeedMetrics metrics;
  private final String app;

  public FullSyncMetrics(SqlfeedMetrics metrics, String app) {
    this.metrics = metrics;
    this.app = app;
    succeededRuns();
    failedAttempts();
    for (String kind : KINDS) {
      differences(kind);
      lastDifferences(kind);
    }
  }

  /** After a full sync succeeded. */
  public void succeeded(FullSyncResult r) {
    succeededRuns().inc();
    long[] counts = {
      r.resourcesChanged(), r.resourcesDeleted(), r.grantsCreated(), r.grantsRevoked()
    };
    for (int i = 0; i < KINDS.length; i++) {
      differences(KINDS[i]).inc(counts[i]);
      lastDifferences(KINDS[i]).setValue(counts[i]);
    }
    mirror("resources").setValue(r.resources());
    mirror("entitlements").setValue(r.entitlements());
    mirror("grants").setValue(r.grants());
    metrics
        .gauge(
            "sqlfeed_full_sync_last_run_id", "The last successful full sync's run id.", "app", app)
        .setValue(r.runId());
    metrics
        .gauge(
            "sqlfeed_full_sync_last_duration_millis",
            "How long the last successful full sync took.",
            "app",
            app)
        .setValue(r.durationMillis());
  }

  /** After a full sync attempt failed (Temporal may retry it). */
  public void failed() {
    failedAttempts().inc();
  }

  /** After a full sync attempt failed with {@code e}: counted by its class too. */
  public void failed(Throwable e) {
    failed();
    FeedMetrics.failures(metrics, app, "full-sync", e).inc();
  }

  private com.codahale.metrics.Counter succeededRuns() {
    return metrics.counter(
        "sqlfeed_full_syncs", "Full syncs run by this worker.", "app", app, "outcome", "succeeded");
  }

  private com.codahale.metrics.Counter failedAttempts() {
    return metrics.counter(
        "sqlfeed_full_syncs", "Full syncs run by this worker.", "app", app, "outcome", "failed");
  }

  private com.codahale.metrics.Counter differences(String kind) {
    return metrics.counter(
        "sqlfeed_reconcile_differences",
        "Differences full syncs found between the source and the mirror, by kind.",
        "app",
        app,
        "kind",
        kind);
  }

  private com.codahale.metrics.SettableGauge<Long> lastDifferences(String kind) {
    return metrics.gauge(
        "sqlfeed_reconcile_last_differences",
        "Differences the last successful full sync found, by kind.",
        "app",
        app,
        "kind",
        kind);
  }

  private com.codahale.metrics.SettableGauge<Long> mirror(String kind) {
    return metrics.gauge(
        "sqlfeed_full_sync_last_mirror",
        "Records in the mirror after the last successful full sync, by kind.",
        "app",
        app,
        "kind",
        kind);
  }
}
