package dev.sqlfeed.domain.error;

/**
 * A row could not be mapped: the message names the resource type (or source), the row's key and the
 * expression that failed. Permanent: re-reading the same row fails the same way.
 */
public final class MappingException extends SqlfeedException {
  public MappingException(String message, Throwable cause) {
    super(message, cause);
  }

  public MappingException(String message) {
    this(message, null);
  }

  @Override
  public boolean transientFailure() {
    return false;
  }
}
