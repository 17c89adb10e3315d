package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.provisioning.Password;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/** How {@code --dry-run} prints a bound value: as an SQL literal of its type would read. */
final class ParameterText {
  private ParameterText() {}

  /** As {@link #of(Object)}, but a generated password is masked: it is for the operator only. */
  static String of(Object value, Optional<Password> password) {
    if (password.isPresent() && password.get().is(value)) {
      return "'" + Password.MASK + "' (string, generated password)";
    }
    return of(value);
  }

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
