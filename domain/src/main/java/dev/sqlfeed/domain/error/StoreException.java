package dev.sqlfeed.domain.error;

/**
 * The sync store failed. {@link Kind#QUERY_FAILED} here is a constraint or a full disk; the message
 * names what was being written (see {@link DatabaseException}).
 */
public final class StoreException extends DatabaseException {
  public StoreException(Kind kind, boolean transientFailure, String message, Throwable cause) {
    super(kind, transientFailure, message, cause);
  }
}
