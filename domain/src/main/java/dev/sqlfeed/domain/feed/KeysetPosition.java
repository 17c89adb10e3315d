package dev.sqlfeed.domain.feed;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a keyset scan stands: the (cursor, key) of the last row written. The next page reads the
 * rows strictly after it in (cursor column, primary key) order, so rows that share a cursor value
 * with the last row but have a greater key are read on the next page, not skipped.
 *
 * @param cursor the row's cursor value
 * @param key the row's primary key value
 */
public record KeysetPosition(Instant cursor, KeyValue key) {
  public KeysetPosition {
    Objects.requireNonNull(cursor, "cursor");
    Objects.requireNonNull(key, "key");
  }
}
