package dev.sqlfeed.domain.config.bind;

import java.util.Optional;

/** What a CEL expression of a config says when it is a constant string. */
final class CelLiterals {
  private CelLiterals() {}

  /**
   * The constant text of an expression that is a quoted string ({@code 'x'}, {@code "x"}) or a bare
   * word (which baton-sql reads as that word), if it is one.
   */
  static Optional<String> string(String source) {
    String s = source.strip();
    if (s.matches("[A-Za-z_][A-Za-z0-9_]*") && !s.equals("true") && !s.equals("false")) {
      return Optional.of(s);
    }
    if (s.length() >= 2
        && (s.charAt(0) == '\'' || s.charAt(0) == '"')
        && s.charAt(s.length() - 1) == s.charAt(0)) {
      String inner = s.substring(1, s.length() - 1);
      if (inner.indexOf(s.charAt(0)) < 0 && inner.indexOf('\\') < 0) {
        return Optional.of(inner);
      }
    }
    return Optional.empty();
  }
}
