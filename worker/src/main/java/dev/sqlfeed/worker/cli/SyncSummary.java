package dev.sqlfeed.worker.cli;

/**
 * The lines a full sync prints, the same whether it ran in this process or in a worker: written
 * once, so that scripts reading them see one format.
 */
final class SyncSummary {
  private SyncSummary() {}

  /** What the sync read and left in the mirror, how long it took, and its run in sync_runs. */
  static String synced(
      String app, long resources, long entitlements, long grants, double seconds, long runId) {
    return String.format(
        "synced %s: %d resources, %d entitlements, %d grants in %.1f s (run %d)",
        app, resources, entitlements, grants, seconds, runId);
  }

  /** What the sync's reconciliation changed. */
  static String reconciled(
      long resourcesChanged, long resourcesDeleted, long grantsCreated, long grantsRevoked) {
    return String.format(
        "reconciled: %d resources changed, %d deleted, %d grants created, %d revoked",
        resourcesChanged, resourcesDeleted, grantsCreated, grantsRevoked);
  }
}
