package dev.sqlfeed.jdbc;

/**
 * A run's liveness lock, held until closed; see {@link RunLiveness}.
 *
 * @param token the lock's name as recorded in {@code sync_runs.run_lock}; null when the store has
 *     no such lock
 * @param release what frees the lock; called once
 */
record HeldRunLock(String token, Runnable release) implements AutoCloseable {
  /** No lock at all. */
  static final HeldRunLock NONE = new HeldRunLock(null, () -> {});

  @Override
  public void close() {
    release.run();
  }
}
