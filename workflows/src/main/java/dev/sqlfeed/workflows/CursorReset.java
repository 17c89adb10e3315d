package dev.sqlfeed.workflows;

import java.util.Objects;

/**
 * What a {@code resetCursorBy} signal asks: set a source's committed cursor to {@code to}, on
 * behalf of {@code by}. A wire format (it is in histories): add components, never rename or remove
 * them.
 *
 * @param to the new committed cursor: RFC 3339 text with a zone, as {@code CanonicalTime} reads it
 * @param by who asked (the operating system user of {@code sqlfeed reset}); null when unknown
 */
public record CursorReset(String to, String by) {
  public CursorReset {
    Objects.requireNonNull(to, "to");
  }
}
