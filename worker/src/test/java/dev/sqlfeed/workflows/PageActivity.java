package dev.sqlfeed.workflows;

import java.util.function.LongConsumer;

/**
 * Lets tests outside this package call the page activity's use-case code ({@link
 * FeedActivitiesImpl#scan}) without a Temporal activity context, exactly as {@code scanPage} calls
 * it but with no heartbeats. The property test drives sources page by page through it, so that it
 * can write to the source between two pages of one cycle.
 */
public final class PageActivity {
  private PageActivity() {}

  /**
   * The page activity with its look for rows with an unreadable cursor due {@code first} from now
   * and then every {@code interval}, instead of the defaults.
   */
  public static FeedActivitiesImpl withCursorChecks(
      dev.sqlfeed.domain.config.Config config,
      dev.sqlfeed.ports.SourceReader source,
      dev.sqlfeed.ports.EventLog log,
      java.time.Duration first,
      java.time.Duration interval) {
    return new FeedActivitiesImpl(
        config, source, log, java.time.Clock.systemUTC(), first, interval);
  }

  /** One page of a source, as the workflow's page activity runs it. */
  public static ScanResult scan(FeedActivitiesImpl activities, ScanRequest request) {
    return activities.scan(request, rows -> {});
  }

  /** The same with {@code heartbeat} told the rows handled so far, as the activity's heartbeat. */
  public static ScanResult scan(
      FeedActivitiesImpl activities, ScanRequest request, LongConsumer heartbeat) {
    return activities.scan(request, heartbeat);
  }
}
