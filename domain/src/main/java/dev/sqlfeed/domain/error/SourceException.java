package dev.sqlfeed.domain.error;

/**
 * A source database failed. {@link Kind#QUERY_FAILED} here is a syntax error, a missing permission
 * or a bad value; the message names what was being read (see {@link DatabaseException}).
 */
public final class SourceException extends DatabaseException {
  public SourceException(Kind kind, boolean transientFailure, String message, Throwable cause) {
    super(kind, transientFailure, message, cause);
  }
}
