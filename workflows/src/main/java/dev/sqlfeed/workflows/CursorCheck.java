package dev.sqlfeed.workflows;

import java.util.List;

/**
 * What the last look for rows with an unreadable cursor found (see {@link CursorChecks}): rows that
 * the source's query returns but that no incremental cycle reads, since their cursor is NULL or (on
 * SQLite) not a timestamp a page can compare. Only keys, never row contents. A wire format: add
 * components, never rename or remove them.
 *
 * @param checkedAt when the look ran, by the worker's clock (ISO-8601)
 * @param found rows found, at most {@link CursorChecks#LIMIT}
 * @param more whether there were more than {@code found}
 * @param sampleKeys some of their keys ({@code pagination.primary_key}); empty without one
 * @param nullsVisible false when the query compares {@code ?<since>} in a shape that hides rows
 *     with a NULL cursor from any look (only other unreadable values could then be found)
 */
public record CursorCheck(
    String checkedAt, long found, boolean more, List<String> sampleKeys, boolean nullsVisible) {
  public CursorCheck {
    sampleKeys = sampleKeys == null ? List.of() : List.copyOf(sampleKeys);
  }

  /**
   * One line for {@code status}: {@code unreadable cursors: 3 row(s) never read (keys 7, 9, 12), as
   * of <checkedAt>}, with at most five keys.
   */
  public String describe() {
    String keys =
        sampleKeys.isEmpty()
            ? ""
            : " (keys "
                + String.join(", ", sampleKeys.subList(0, Math.min(5, sampleKeys.size())))
                + (sampleKeys.size() > 5 ? ", ..." : "")
                + ")";
    return "unreadable cursors: " + count() + " row(s) never read" + keys + ", as of " + checkedAt;
  }

  /** {@code found}, with a {@code +} when there were more: the figure {@code status} shows. */
  public String count() {
    return found + (more ? "+" : "");
  }
}
