package dev.sqlfeed.worker.temporal;

/**
 * Temporal cannot be reached at the given address, or the embedded server cannot listen. The CLI
 * reports it with exit code 3, like an unreachable database.
 */
public final class TemporalUnavailableException extends RuntimeException {
  public TemporalUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
