package dev.sqlfeed.domain.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The timing and paging of incremental sync: the top-level {@code incremental_sync} block with
 * defaults applied, or one source's block with the top level's values where it sets none.
 *
 * @param defaultLookback {@code default_lookback}: how far back a source's first cycle reads
 *     (baton-sql's key; default {@link #DEFAULT_LOOKBACK})
 * @param pollInterval {@code poll_interval}: the wait between two cycles (default {@link
 *     #DEFAULT_POLL_INTERVAL})
 * @param pageSize {@code page_size}: rows per page in keyset mode (default {@link
 *     #DEFAULT_PAGE_SIZE})
 * @param safetyLag {@code safety_lag}: a cycle reads up to database-now minus this, so that rows of
 *     transactions still in flight are read by the next cycle (default {@link #DEFAULT_SAFETY_LAG})
 * @param overlap {@code overlap}: each cycle re-reads this much before the committed cursor, to
 *     catch late commits; re-read rows are dropped by event id (default {@link #DEFAULT_OVERLAP})
 * @param mode {@code mode}: keyset or compat; for a source, the mode that applies to it (see {@link
 *     SyncMode})
 */
public record SyncSettings(
    Duration defaultLookback,
    Duration pollInterval,
    int pageSize,
    Duration safetyLag,
    Duration overlap,
    SyncMode mode) {

  public static final Duration DEFAULT_LOOKBACK = Duration.ofHours(3);
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);
  public static final int DEFAULT_PAGE_SIZE = 1000;
  public static final Duration DEFAULT_SAFETY_LAG = Duration.ofSeconds(2);
  public static final Duration DEFAULT_OVERLAP = Duration.ofMinutes(1);

  /** Every default, as used when the config has no top-level {@code incremental_sync}. */
  public static final SyncSettings DEFAULTS =
      new SyncSettings(
          DEFAULT_LOOKBACK,
          DEFAULT_POLL_INTERVAL,
          DEFAULT_PAGE_SIZE,
          DEFAULT_SAFETY_LAG,
          DEFAULT_OVERLAP,
          SyncMode.KEYSET);

  public SyncSettings {
    Objects.requireNonNull(defaultLookback, "defaultLookback");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(safetyLag, "safetyLag");
    Objects.requireNonNull(overlap, "overlap");
    Objects.requireNonNull(mode, "mode");
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size must be positive: " + pageSize);
    }
    if (defaultLookback.isNegative()
        || pollInterval.isNegative()
        || safetyLag.isNegative()
        || overlap.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
  }
}
