package dev.sqlfeed.ports.fullsync;

/**
 * Hears how a full sync goes, one resource type at a time. Calls come from the syncing thread;
 * implementations must be cheap (they are called for every batch of rows).
 */
public interface SyncProgress {
  /** Reading a resource type (its resources, entitlements and grants) begins. */
  void started(String resourceType);

  /** {@code rows} more source rows of the resource type were read. */
  void advanced(String resourceType, long rows);

  /** The resource type is done; {@code rows} is its total of source rows read. */
  void finished(String resourceType, long rows);

  /** Hears nothing. */
  SyncProgress SILENT =
      new SyncProgress() {
        @Override
        public void started(String resourceType) {}

        @Override
        public void advanced(String resourceType, long rows) {}

        @Override
        public void finished(String resourceType, long rows) {}
      };
}
