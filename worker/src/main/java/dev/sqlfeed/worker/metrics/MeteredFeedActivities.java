package dev.sqlfeed.worker.metrics;

import dev.sqlfeed.workflows.FeedActivities;
import dev.sqlfeed.workflows.ScanRequest;
import dev.sqlfeed.workflows.ScanResult;

/**
 * The page activity, counting its pages, rows, events and failures per source, and timing its
 * cycles.
 */
public final class MeteredFeedActivities implements FeedActivities {
  private final FeedActivities delegate;
  private final FeedMetrics metrics;

  public MeteredFeedActivities(FeedActivities delegate, FeedMetrics metrics) {
    this.delegate = delegate;
    this.metrics = metrics;
  }

  @Override
  public String initialCheckpoint(String app, String sourceKey) {
    return delegate.initialCheckpoint(app, sourceKey);
  }

  @Override
  public ScanResult scanPage(ScanRequest request) {
    long started = metrics.now();
    ScanResult result;
    try {
      result = delegate.scanPage(request);
    } catch (RuntimeException e) {
      metrics.pageFailed(request.sourceKey(), e);
      throw e;
    }
    metrics.scanned(request, started, result);
    return result;
  }
}
