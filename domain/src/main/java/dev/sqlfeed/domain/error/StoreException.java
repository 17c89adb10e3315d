package dev.sqlfeed.domain.error;

/**
 * The sync store failed. {@link Kind#UNAVAILABLE} (cannot connect, wrong password, connection lost)
 * maps to exit code 3; {@link Kind#QUERY_FAILED} (a constraint, a full disk) to 1. The message
 * names what was being written and carries the database's own message, never a password.
 */
public final class StoreException extends SqlfeedException {
  /** What kind of failure, as classified at the adapter edge. */
  public enum Kind {
    UNAVAILABLE,
    QUERY_FAILED
  }

  private final Kind kind;
  private final boolean transientFailure;

  public StoreException(Kind kind, boolean transientFailure, String message, Throwable cause) {
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
