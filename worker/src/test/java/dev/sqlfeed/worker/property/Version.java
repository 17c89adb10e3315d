package dev.sqlfeed.worker.property;

import java.time.Instant;

/**
 * One state of a source row as one incremental source sees it: what a correct sqlfeed turns into
 * one event. Versions compare by {@code serial}, so two versions that look alike (the same row
 * written twice with one stamp) stay two.
 *
 * @param serial unique within a history, in write order
 * @param identity what the version's event is matched by
 */
record Version(long serial, Identity identity) {
  /**
   * What an event of the version carries: its source key, the row (a user or group id, or {@code
   * group:user} for a membership) and the cursor value, in epoch milliseconds.
   */
  record Identity(String source, String row, long stamp) {
    @Override
    public String toString() {
      return source + " row " + row + " at " + Instant.ofEpochMilli(stamp);
    }
  }
}
