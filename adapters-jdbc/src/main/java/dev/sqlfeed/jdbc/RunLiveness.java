package dev.sqlfeed.jdbc;

import java.security.SecureRandom;
import org.jooq.DSLContext;

/**
 * How the store tells at once whether the process that runs a full sync is still alive: the run
 * holds a lock for its whole life that the operating system or the database server frees when the
 * process dies, however it dies ({@code kill -9} included), and anyone can test whether it is free.
 * The lock's name, its token, is recorded with the run in {@code sync_runs.run_lock} ({@link
 * RunLocksSchema}).
 *
 * <ul>
 *   <li>PostgreSQL: a session advisory lock on a connection of its own ({@link
 *       ServerRunLocks.Kind#ADVISORY}).
 *   <li>MariaDB and MySQL: a named lock ({@code GET_LOCK}) likewise ({@link
 *       ServerRunLocks.Kind#NAMED}).
 *   <li>SQLite: a byte-range lock on a side file next to the store ({@link FileRunLocks}).
 *   <li>H2 and an in-memory SQLite store: none; such a run is told dead by its heartbeat only
 *       ({@link dev.sqlfeed.ports.fullsync.DeadRuns#ABANDONED_AFTER}).
 * </ul>
 */
sealed interface RunLiveness extends AutoCloseable
    permits ServerRunLocks, FileRunLocks, RunLiveness.HeartbeatOnly {

  /**
   * Takes a new lock for a run that is about to start; the caller records its token with the run.
   * The lock is held until {@link HeldRunLock#close()} or until this process dies.
   */
  HeldRunLock hold();

  /**
   * Whether the process that took the lock {@code token} is gone: the lock is free. Runs in the
   * transaction of {@code db}; takes no lock that outlives it.
   */
  boolean isFree(DSLContext db, String token);

  /** Releases what this object holds for the store as a whole. */
  @Override
  void close();

  /** The liveness check for a store of {@code dialect} at {@code jdbcUrl}. */
  static RunLiveness of(StoreDialect dialect, String jdbcUrl, String user, String password) {
    return switch (dialect) {
      case POSTGRES ->
          new ServerRunLocks(
              ServerRunLocks.Kind.ADVISORY, dialect.driverUrl(jdbcUrl), user, password);
      case MARIADB, MYSQL ->
          new ServerRunLocks(ServerRunLocks.Kind.NAMED, dialect.driverUrl(jdbcUrl), user, password);
      case SQLITE ->
          FileRunLocks.sideFileOf(jdbcUrl)
              .<RunLiveness>map(FileRunLocks::open)
              .orElseGet(HeartbeatOnly::new);
      case H2 -> new HeartbeatOnly();
    };
  }

  /** A random non-negative number, for lock names that no other store chooses by chance. */
  static long randomKey() {
    return Random.SOURCE.nextLong() & Long.MAX_VALUE;
  }

  /** No lock: a run carries no token and is told dead by its heartbeat alone. */
  final class HeartbeatOnly implements RunLiveness {
    @Override
    public HeldRunLock hold() {
      return HeldRunLock.NONE;
    }

    @Override
    public boolean isFree(DSLContext db, String token) {
      return false;
    }

    @Override
    public void close() {}
  }

  /** Holds the random source lazily, once per JVM. */
  final class Random {
    static final SecureRandom SOURCE = new SecureRandom();

    private Random() {}
  }
}
