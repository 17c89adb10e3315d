package dev.sqlfeed.workflows;

/**
 * The page activity's body outside an activity context, for the benchmarks: {@link
 * FeedActivitiesImpl#scanPage} heartbeats through Temporal's activity context, which only a worker
 * provides, so this calls the package-level {@code scan} with heartbeats dropped. Lives in the
 * bench module, in the workflows package, so that the workflows module need not open anything.
 */
public final class PageScans {
  private PageScans() {}

  /** One page, exactly as {@code scanPage} runs it minus the heartbeats. */
  public static ScanResult scan(FeedActivitiesImpl activities, ScanRequest request) {
    return activities.scan(request, rows -> {});
  }
}
