package dev.sqlfeed.ports;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One keyset page of an incremental query: the rows with {@code since <= cursor <= upTo} that come
 * strictly after {@code (afterCursor, afterKey)} in {@code (cursor, key)} order, at most {@code
 * limit} of them, in that order. The reader adds the bounds, the keyset predicate, the order and
 * the limit around the user's query; the user's own {@code ?<since>} is bound to {@code since}.
 * Where the cursor column is coarser than {@code since} (a date, whole seconds), the reader starts
 * the window at the beginning of the day or second {@code since} falls in ({@link
 * CursorPrecision#floor}), so that a row stamped there is not left below it.
 *
 * @param cursorColumn the result column that holds the cursor (a timestamp)
 * @param keyColumn the result column that breaks ties between equal cursors (the primary key)
 * @param afterCursor empty on a cycle's first page
 * @param afterKey the key value of the last row read (as the reader returned it), or null
 */
public record KeysetPage(
    String cursorColumn,
    String keyColumn,
    Instant since,
    Instant upTo,
    Optional<Instant> afterCursor,
    Object afterKey,
    int limit) {
  // Alike on purpose to the config's ResourceMapping: an unrelated value, checked the same way.
  public KeysetPage {
    Objects.requireNonNull(cursorColumn, "cursorColumn");
    Objects.requireNonNull(keyColumn, "keyColumn");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(upTo, "upTo");
    Objects.requireNonNull(afterCursor, "afterCursor");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
  }
}
