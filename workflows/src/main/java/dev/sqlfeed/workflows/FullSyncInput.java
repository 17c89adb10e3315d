package dev.sqlfeed.workflows;

import java.util.Objects;

/**
 * The input of a {@link FullSyncWorkflow} run: from {@code sqlfeed run} (scheduled), from {@code
 * sqlfeed sync} (once), or from the predecessor's continue-as-new. A wire format: add components,
 * never rename or remove them.
 *
 * @param app the config's {@code app_name}
 * @param once run one full sync (and one more for every {@code syncNow} that arrives meanwhile),
 *     then complete with the state, instead of running on a schedule; an {@code updateInterval}
 *     that arrives meanwhile makes it continue as a schedule instead of completing
 * @param intervalMillis the time from the end of one scheduled sync to the start of the next
 *     ({@code full_sync.interval}); ignored with {@code once}
 * @param syncsPerRun scheduled syncs after which the workflow continues as new; 0 for the default
 * @param state the state carried over; null for a new workflow, which then asks the store when the
 *     last full sync ended
 */
public record FullSyncInput(
    String app, boolean once, long intervalMillis, int syncsPerRun, FullSyncState state) {
  /** Scheduled syncs per workflow run when none is given: keeps each run's history short. */
  public static final int DEFAULT_SYNCS_PER_RUN = 50;

  public FullSyncInput {
    Objects.requireNonNull(app, "app");
    if (!once && intervalMillis <= 0) {
      throw new IllegalArgumentException("a scheduled full sync needs a positive interval");
    }
    if (intervalMillis < 0 || syncsPerRun < 0) {
      throw new IllegalArgumentException("interval and syncs per run must not be negative");
    }
  }

  /**
   * The input of a workflow that runs one full sync now. Its start counts as the first request, so
   * that its starter waits for {@code served > 0} like any client that signals {@code syncNow}.
   */
  public static FullSyncInput once(String app) {
    return new FullSyncInput(app, true, 0, 0, FullSyncState.requested());
  }

  /** The input of a workflow that runs a full sync every {@code intervalMillis}. */
  public static FullSyncInput scheduled(String app, long intervalMillis, FullSyncState carried) {
    return new FullSyncInput(app, false, intervalMillis, 0, carried);
  }

  /** Syncs per run in force: the given number, or the default. */
  int effectiveSyncsPerRun() {
    return syncsPerRun > 0 ? syncsPerRun : DEFAULT_SYNCS_PER_RUN;
  }
}
