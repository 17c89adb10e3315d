package dev.sqlfeed.worker.temporal;

import dev.sqlfeed.workflows.FeedActivities;
import dev.sqlfeed.workflows.ScanRequest;
import dev.sqlfeed.workflows.ScanResult;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The page activity, counting its attempts as they run: how {@link FeedRunner} knows how much the
 * embedded server has grown without asking every workflow for its state (a query replays the
 * workflow's history, which without sticky execution costs as much as a workflow task).
 */
final class CountedActivities implements FeedActivities {
  private final FeedActivities delegate;
  private final AtomicLong pages = new AtomicLong();

  CountedActivities(FeedActivities delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** Page attempts started so far, failed ones included. */
  long pages() {
    return pages.get();
  }

  @Override
  public String initialCheckpoint(String app, String sourceKey) {
    return delegate.initialCheckpoint(app, sourceKey);
  }

  @Override
  public ScanResult scanPage(ScanRequest request) {
    pages.incrementAndGet();
    return delegate.scanPage(request);
  }
}
