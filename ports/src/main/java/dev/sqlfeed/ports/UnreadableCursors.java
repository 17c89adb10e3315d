package dev.sqlfeed.ports;

import java.util.List;
import java.util.Objects;

/**
 * What a look for rows with an unreadable cursor found ({@link SourceReader#unreadableCursors}):
 * rows that the query returns but whose cursor is NULL or, on SQLite, not a timestamp in a form a
 * page compares correctly. No incremental cycle ever reads such a row.
 *
 * @param found rows found, at most the look's limit
 * @param more whether there are more than {@code found}
 * @param sampleKeys the keys of some of them, as event ids write keys; empty without a key column
 * @param nullsVisible whether rows with a NULL cursor could be seen: false when the query compares
 *     its {@code ?<since>} in a shape that hides them and that sqlfeed does not rewrite (see {@code
 *     NullableSince})
 */
public record UnreadableCursors(
    long found, boolean more, List<String> sampleKeys, boolean nullsVisible) {
  public UnreadableCursors {
    if (found < 0) {
      throw new IllegalArgumentException("found must not be negative: " + found);
    }
    sampleKeys = List.copyOf(Objects.requireNonNull(sampleKeys, "sampleKeys"));
  }
}
