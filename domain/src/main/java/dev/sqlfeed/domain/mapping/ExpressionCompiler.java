package dev.sqlfeed.domain.mapping;

/**
 * Compiles the config's CEL expressions in the environment that baton-sql declares (its variables
 * and custom functions). One compiler serves a whole config; it is thread-safe.
 */
public final class ExpressionCompiler {
  private ExpressionCompiler() {}

  /** The environment of baton-sql's mapping expressions. */
  public static ExpressionCompiler batonSql() {
    return new ExpressionCompiler();
  }

  /**
   * Compiles one expression.
   *
   * @throws InvalidExpressionException with the 1-based line and column inside {@code source}
   */
  public Expression compile(String source) {
    throw new UnsupportedOperationException("being written: CEL environment");
  }
}
