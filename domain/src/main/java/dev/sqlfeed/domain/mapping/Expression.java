package dev.sqlfeed.domain.mapping;

import java.util.Map;
import java.util.Optional;

/**
 * A compiled CEL expression from the config. Thread-safe; compile once, evaluate many times.
 *
 * <p>The activation maps variable names to values; build it with {@link Activation}, which
 * documents the variables ({@code cols}, {@code resource} ...). Row values must be normalised by
 * {@code dev.sqlfeed.domain.value.Values} (Long, Double, String, Boolean, byte[], Instant, CEL
 * null, lists and maps of those); {@link Activation} converts the rest.
 *
 * <p>Every evaluation failure is a {@link dev.sqlfeed.domain.error.MappingException} whose message
 * starts with {@code expression '<source>': } and carries CEL's own words, with positions as
 * 1-based {@code line:column} of the expression text; a missing row column is named as such. The
 * caller adds the resource type and the row's key.
 */
public interface Expression {
  /** The expression's source text, as written in the config. */
  String source();

  /**
   * Evaluates to any CEL value, converted back to Java in the forms {@code Values.normalise}
   * produces: Long, Double, String, Boolean, byte[], Instant, {@code NullValue.NULL_VALUE}, lists
   * and maps of those; also {@link java.time.Duration} for a CEL duration.
   */
  Object evaluate(Map<String, Object> activation);

  /**
   * Evaluates and converts the result to a string for id, name and similar fields: strings as they
   * are, integers in exact decimal (never {@code 1.2e+15}), doubles in plain decimal without a
   * needless exponent or trailing zeros, {@code true}/{@code false}, CEL null as the empty string,
   * timestamps in RFC 3339 UTC, bytes as UTF-8. A list or map is an error.
   */
  String evaluateString(Map<String, Object> activation);

  /**
   * Evaluates a condition such as {@code skip_if}, with baton-sql's rules: a bool as it is; an
   * integer is true unless 0; a string is read as Go's {@code strconv.ParseBool} reads it ({@code
   * "true"}, {@code "TRUE"}, {@code "t"}, {@code "1"} and their false counterparts). Any other
   * result, null included, is an error.
   */
  boolean evaluateBoolean(Map<String, Object> activation);

  /**
   * The result type that CEL's type check proved, when it is known and not a boolean; empty when
   * the result is a boolean or only known at run time ({@code dyn}, as a row column is).
   */
  default Optional<String> nonBooleanType() {
    return Optional.empty();
  }
}
