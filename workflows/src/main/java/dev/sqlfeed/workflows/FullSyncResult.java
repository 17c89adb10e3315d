package dev.sqlfeed.workflows;

import dev.sqlfeed.ports.SyncRun;
import java.time.Duration;
import java.util.Objects;

/**
 * What one full sync did, as its activity returns it: the run's id in {@code sync_runs}, the mirror
 * it left, and the differences it found against the mirror it replaced, per kind. Only counts: row
 * data never enters workflow history. A wire format: add components, never rename or remove them.
 *
 * @param app the config's {@code app_name}
 * @param runId the run's id in the store's {@code sync_runs}
 * @param resources resources in the mirror after the run
 * @param entitlements entitlements in the mirror after the run
 * @param grants grants in the mirror after the run
 * @param resourcesChanged resources that the full read found new or different
 * @param resourcesDeleted resources in the mirror that the full read no longer found
 * @param grantsCreated grants that the full read found and the mirror lacked
 * @param grantsRevoked grants in the mirror that the full read no longer found
 * @param durationMillis from the run's start to its end, as the store recorded them
 */
public record FullSyncResult(
    String app,
    long runId,
    long resources,
    long entitlements,
    long grants,
    long resourcesChanged,
    long resourcesDeleted,
    long grantsCreated,
    long grantsRevoked,
    long durationMillis) {
  public FullSyncResult {
    Objects.requireNonNull(app, "app");
    if (resources < 0
        || entitlements < 0
        || grants < 0
        || resourcesChanged < 0
        || resourcesDeleted < 0
        || grantsCreated < 0
        || grantsRevoked < 0
        || durationMillis < 0) {
      throw new IllegalArgumentException("full sync counts must not be negative");
    }
  }

  /**
   * The result of a recorded, succeeded run. The one place where {@link SyncRun} becomes a result;
   * an app's first full sync (a baseline) has no differences.
   */
  public static FullSyncResult of(SyncRun run) {
    long millis =
        run.endedAt() == null
            ? 0
            : Math.max(0, Duration.between(run.startedAt(), run.endedAt()).toMillis());
    return new FullSyncResult(
        run.app(),
        run.id(),
        run.counts().resources(),
        run.counts().entitlements(),
        run.counts().grants(),
        run.reconciled().resourcesChanged(),
        run.reconciled().resourcesDeleted(),
        run.reconciled().grantsCreated(),
        run.reconciled().grantsRevoked(),
        millis);
  }

  /** All differences together: non-zero after a quiet period means a source missed a change. */
  public long differences() {
    return resourcesChanged + resourcesDeleted + grantsCreated + grantsRevoked;
  }
}
