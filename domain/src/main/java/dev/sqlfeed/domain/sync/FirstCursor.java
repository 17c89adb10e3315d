package dev.sqlfeed.domain.sync;

/**
 * The value of {@code ?<Cursor>} on the first page of cursor pagination when {@link
 * FirstCursorPage} could not leave the comparisons on it out: a cursor below every key. baton-sql
 * binds the empty string there; a source reader binds this where the database tells the type it
 * compares with as the lowest value of that type (PostgreSQL: the smallest integer, {@code
 * -Infinity}, the nil uuid, {@code -infinity}), and everywhere else as the empty string, as
 * baton-sql does.
 */
public enum FirstCursor {
  BELOW_EVERY_KEY;

  /** The empty string, the cursor baton-sql starts with. */
  @Override
  public String toString() {
    return "";
  }
}
