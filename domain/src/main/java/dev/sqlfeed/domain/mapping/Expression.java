package dev.sqlfeed.domain.mapping;

import java.util.Map;

/**
 * A compiled CEL expression from the config. Thread-safe; compile once, evaluate many times.
 *
 * <p>The activation maps variable names to values that were normalised by {@code
 * dev.sqlfeed.domain.value.Values} (Long, Double, String, Boolean, byte[], Instant, CEL null, lists
 * and maps of those).
 */
public interface Expression {
  /** The expression's source text, as written in the config. */
  String source();

  /** Evaluates to any CEL value (converted back to Java: Long, Double, String, Boolean, ...). */
  Object evaluate(Map<String, Object> activation);

  /**
   * Evaluates and converts the result to a string as baton-sql does for id, name and similar fields
   * (numbers in exact decimal form, CEL null as the empty string).
   */
  String evaluateString(Map<String, Object> activation);

  /** Evaluates a condition such as {@code skip_if}; a non-boolean result is an error. */
  boolean evaluateBoolean(Map<String, Object> activation);
}
