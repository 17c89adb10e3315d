package dev.sqlfeed.worker.cli;

import java.time.Instant;
import java.util.HexFormat;

/** How {@code --dry-run} prints a bound value: as an SQL literal of its type would read. */
final class ParameterText {
  private ParameterText() {}

  static String of(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof String s) {
      return "'" + s.replace("'", "''") + "' (string)";
    }
    if (value instanceof Long || value instanceof Double) {
      return value + " (number)";
    }
    if (value instanceof Boolean b) {
      return b + " (bool)";
    }
    if (value instanceof byte[] bytes) {
      return "x'" + HexFormat.of().formatHex(bytes) + "' (bytes)";
    }
    if (value instanceof Instant t) {
      return "'" + t + "' (timestamp)";
    }
    return String.valueOf(value);
  }
}
