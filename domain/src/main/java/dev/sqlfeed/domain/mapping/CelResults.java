package dev.sqlfeed.domain.mapping;

import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import dev.sqlfeed.domain.value.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what the CEL runtime returns into Java values, strings and booleans. CEL's {@code uint}
 * arrives as Guava's {@code UnsignedLong}, handled here as "a {@link Number} that is neither a
 * {@link Long} nor a {@link Double}" to keep Guava out of the domain's own code.
 */
final class CelResults {
  // Go's strconv.ParseBool, which baton-sql's EvaluateBool applies to a string result.
  private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
  private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

  private CelResults() {}

  /** The result in the forms {@link Values#normalise} produces (bytes as {@code byte[]}). */
  static Object toJava(Object result) {
    if (result instanceof CelByteString bytes) {
      return bytes.toByteArray();
    }
    if (isUnsigned(result)) {
      return Values.normalise(new BigInteger(result.toString()));
    }
    if (result instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(element -> out.add(toJava(element)));
      return Collections.unmodifiableList(out);
    }
    if (result instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((key, value) -> out.put(toJava(key), toJava(value)));
      return Collections.unmodifiableMap(out);
    }
    return result;
  }

  /**
   * The result as text: strings as they are; integers in exact decimal; doubles in plain decimal
   * without exponent or trailing zeros ({@code 2}, {@code 0.000001}, as Go's {@code 'f'} format
   * writes them); booleans as {@code true}/{@code false}; null as the empty string; timestamps in
   * RFC 3339 UTC ({@code 2026-01-31T13:45:00.123Z}); durations as CEL writes them ({@code 90s});
   * bytes decoded as UTF-8.
   *
   * @throws IllegalArgumentException for a list, a map or another non-scalar result
   */
  static String text(Object result) {
    if (result instanceof String s) {
      return s;
    }
    if (result instanceof Long || isUnsigned(result) || result instanceof Boolean) {
      return result.toString();
    }
    if (result instanceof Double d) {
      return plain(d);
    }
    if (result instanceof NullValue) {
      return "";
    }
    if (result instanceof Instant instant) {
      return instant.toString();
    }
    if (result instanceof Duration duration) {
      return BigDecimal.valueOf(duration.getSeconds())
              .add(BigDecimal.valueOf(duration.getNano(), 9))
              .stripTrailingZeros()
              .toPlainString()
          + "s";
    }
    if (result instanceof CelByteString bytes) {
      return bytes.toStringUtf8();
    }
    if (result instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    throw new IllegalArgumentException(
        "expected a value that can be written as text, got " + typeName(result));
  }

  /**
   * The result as a condition, with baton-sql's rules: a bool as it is, an integer is true unless
   * 0, a string is read as Go's {@code strconv.ParseBool} reads it ({@code true}, {@code TRUE},
   * {@code t}, {@code 1} ... and their false counterparts).
   *
   * @throws IllegalArgumentException for anything else, null included
   */
  static boolean truth(Object result) {
    if (result instanceof Boolean b) {
      return b;
    }
    if (result instanceof Long l) {
      return l != 0;
    }
    if (isUnsigned(result)) {
      return !result.toString().equals("0");
    }
    if (result instanceof String s) {
      if (TRUE.contains(s)) {
        return true;
      }
      if (FALSE.contains(s)) {
        return false;
      }
      throw new IllegalArgumentException(
          "expected a boolean, got the string '" + s + "' (true/false, t/f, 1/0 are accepted)");
    }
    throw new IllegalArgumentException("expected a boolean, got " + typeName(result));
  }

  /** CEL's name for the type of a runtime value, for messages. */
  static String typeName(Object value) {
    if (value instanceof NullValue || value == null) {
      return "null";
    }
    if (value instanceof Long) {
      return "int";
    }
    if (isUnsigned(value)) {
      return "uint";
    }
    if (value instanceof Double) {
      return "double";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof CelByteString || value instanceof byte[]) {
      return "bytes";
    }
    if (value instanceof Instant) {
      return "timestamp";
    }
    if (value instanceof Duration) {
      return "duration";
    }
    if (value instanceof List) {
      return "list";
    }
    if (value instanceof Map) {
      return "map";
    }
    return value.getClass().getSimpleName();
  }

  private static boolean isUnsigned(Object value) {
    return value instanceof Number && !(value instanceof Long) && !(value instanceof Double);
  }

  private static String plain(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0" : "0";
    }
    return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
  }
}
