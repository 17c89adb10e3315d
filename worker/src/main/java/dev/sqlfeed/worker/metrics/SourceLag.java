package dev.sqlfeed.worker.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * One source's lag: the source database's clock minus the committed cursor, in seconds. The
 * database's clock is read only when a cycle opens (the page activity reports it); between two
 * readings it is carried forward by the worker's monotonic clock, so a scrape costs no query and
 * the lag keeps growing while a source is stuck or slow. The committed cursor is the highest cursor
 * value a cycle read, so on a source where nothing changes the lag grows too: it is the age of the
 * newest change seen.
 */
final class SourceLag {
  private final LongSupplier nanoTime;
  private Instant databaseNow;
  private long readAt;
  private Instant committed;

  /**
   * @param nanoTime the worker's monotonic clock ({@code System::nanoTime})
   */
  SourceLag(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** A cycle opened when the database's clock read {@code now}. */
  synchronized void databaseNow(Instant now) {
    databaseNow = now;
    readAt = nanoTime.getAsLong();
  }

  /** The committed cursor after a page (null before the first commit). */
  synchronized void committed(Instant cursor) {
    committed = cursor;
  }

  /** The lag in seconds; NaN until a cycle opened and a cursor was committed. */
  synchronized double seconds() {
    if (databaseNow == null || committed == null) {
      return Double.NaN;
    }
    Instant now = databaseNow.plusNanos(nanoTime.getAsLong() - readAt);
    return Duration.between(committed, now).toNanos() / 1e9;
  }
}
