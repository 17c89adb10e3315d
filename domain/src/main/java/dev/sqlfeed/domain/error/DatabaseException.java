package dev.sqlfeed.domain.error;

/**
 * A database failed: a source's ({@link SourceException}) or the sync store's ({@link
 * StoreException}). {@link Kind#UNAVAILABLE} (cannot connect, wrong password, connection lost) maps
 * to exit code 3; {@link Kind#QUERY_FAILED} to 1. The message names what was being read or written
 * and carries the database's own message, never a password.
 */
public abstract sealed class DatabaseException extends SqlfeedException
    permits SourceException, StoreException {
  /** What kind of failure, as classified at the adapter edge. */
  public enum Kind {
    UNAVAILABLE,
    QUERY_FAILED
  }

  private final Kind kind;
  private final boolean transientFailure;

  protected DatabaseException(
      Kind kind, boolean transientFailure, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.transientFailure = transientFailure;
  }

  public Kind kind() {
    return kind;
  }

  @Override
  public boolean transientFailure() {
    return transientFailure;
  }
}
