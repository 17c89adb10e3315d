package dev.sqlfeed.worker.metrics;

import dev.sqlfeed.workflows.FullSyncActivities;
import dev.sqlfeed.workflows.FullSyncResult;

/** The full sync activity, recording every run's outcome and differences. */
public final class MeteredFullSyncActivities implements FullSyncActivities {
  private final FullSyncActivities delegate;
  private final FullSyncMetrics metrics;

  public MeteredFullSyncActivities(FullSyncActivities delegate, FullSyncMetrics metrics) {
    this.delegate = delegate;
    this.metrics = metrics;
  }

  @Override
  public FullSyncResult fullSync(String app) {
    FullSyncResult result;
    try {
      result = delegate.fullSync(app);
    } catch (RuntimeException e) {
      metrics.failed(e);
      throw e;
    }
    metrics.succeeded(result);
    return result;
  }

  @Override
  public long lastFullSyncEnd(String app) {
    return delegate.lastFullSyncEnd(app);
  }
}
