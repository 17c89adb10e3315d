package dev.sqlfeed.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Run liveness on SQLite: each run holds an exclusive lock on one byte, at a random offset, of a
 * side file next to the store ({@code <store>.sqlfeed-runs.lock}); the operating system frees it
 * when the process dies. The file stays empty: byte-range locks may lie past its end.
 *
 * <p>A process has one channel per side file, shared by every store object on it: on Linux the
 * locks are POSIX record locks, which belong to the process, and closing any channel on the file
 * would free all of them. Within one process a lock held by another store object shows as an {@link
 * OverlappingFileLockException}, which counts as held.
 */
final class FileRunLocks implements RunLiveness {
  /** Offsets below 2^40: far fewer than any file system allows, far more than runs collide on. */
  private static final long OFFSETS = 1L << 40;

  private static final Map<Path, Shared> OPEN = new HashMap<>();

  private final Path path;
  private final Shared shared;
  private boolean closed;

  private FileRunLocks(Path path, Shared shared) {
    this.path = path;
    this.shared = shared;
  }

  /**
   * The side file of an SQLite store URL, or empty for an in-memory store, which no other process
   * can see.
   */
  static Optional<Path> sideFileOf(String jdbcUrl) {
    String file = jdbcUrl.substring("jdbc:sqlite:".length());
    int query = file.indexOf('?');
    String options = query < 0 ? "" : file.substring(query).toLowerCase(Locale.ROOT);
    file = query < 0 ? file : file.substring(0, query);
    if (file.startsWith("file:")) {
      file = file.substring("file:".length());
      file = file.startsWith("//") ? file.substring(2) : file;
    }
    if (file.isEmpty() || file.equals(":memory:") || options.contains("mode=memory")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(file + ".sqlfeed-runs.lock").toAbsolutePath().normalize());
  }

  /** Opens the side file, or shares this process's channel on it. */
  static FileRunLocks open(Path path) {
    synchronized (OPEN) {
      Shared shared = OPEN.get(path);
      if (shared == null) {
        try {
          shared =
              new Shared(
                  FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE));
        } catch (IOException e) {
          // The store's path stays out of the message: it may end up in a workflow's history.
          throw new UncheckedIOException(
              "cannot open the run lock file next to the sync store ("
                  + e.getClass().getSimpleName()
                  + ")",
              e);
        }
        OPEN.put(path, shared);
      }
      shared.users++;
      return new FileRunLocks(path, shared);
    }
  }

  @Override
  public HeldRunLock hold() {
    while (true) {
      long offset = RunLiveness.randomKey() % OFFSETS;
      FileLock lock = tryLock(offset);
      if (lock != null) {
        return new HeldRunLock(Long.toString(offset), () -> release(lock));
      }
    }
  }

  @Override
  public boolean isFree(DSLContext db, String token) {
    FileLock lock = tryLock(Long.parseLong(token));
    if (lock == null) {
      return false;
    }
    release(lock);
    return true;
  }

  @Override
  public void close() {
    synchronized (OPEN) {
      if (closed) {
        return;
      }
      closed = true;
      if (--shared.users == 0) {
        OPEN.remove(path);
        try {
          shared.channel.close();
        } catch (IOException e) {
          // Closing frees the locks whichever way it ends.
        }
      }
    }
  }

  /** The lock on one byte, or null when a process, this one included, holds it. */
  private FileLock tryLock(long offset) {
    try {
      return shared.channel.tryLock(offset, 1, false);
    } catch (OverlappingFileLockException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot lock the run lock file next to the sync store (" + e.getMessage() + ")", e);
    }
  }

  private static void release(FileLock lock) {
    try {
      lock.release();
    } catch (IOException e) {
      // A channel closed meanwhile has freed the lock already.
    }
  }

  /** One process's channel on a side file and the number of store objects that use it. */
  private static final class Shared {
    final FileChannel channel;
    int users;

    Shared(FileChannel channel) {
      this.channel = channel;
    }
  }
}
