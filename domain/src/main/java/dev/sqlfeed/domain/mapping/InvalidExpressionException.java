package dev.sqlfeed.domain.mapping;

/**
 * A CEL expression from the config does not compile. Line and column are 1-based and relative to
 * the expression's own text; the config loader adds the expression's position in the YAML file.
 */
public final class InvalidExpressionException extends RuntimeException {
  private final int line;
  private final int column;
  private final String reason;

  public InvalidExpressionException(int line, int column, String reason) {
    super(line + ":" + column + ": " + reason);
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The compiler's message without position, for example {@code undeclared reference to 'x'}. */
  public String reason() {
    return reason;
  }
}
