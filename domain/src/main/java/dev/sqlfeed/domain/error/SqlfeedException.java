package dev.sqlfeed.domain.error;

/**
 * The root of sqlfeed's one error hierarchy. Every subtype says what went wrong in words a user can
 * act on and never carries a secret. The CLI maps each subtype to an exit code in one place.
 *
 * <p>The hierarchy lives in {@code domain} (not {@code ports}) because a sealed hierarchy outside
 * JPMS must stay in one package, and the domain itself raises config and mapping errors.
 */
public abstract sealed class SqlfeedException extends RuntimeException
    permits ConfigException, MappingException, DatabaseException, SinkException {

  protected SqlfeedException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether retrying the same operation later may succeed. */
  public abstract boolean transientFailure();
}
