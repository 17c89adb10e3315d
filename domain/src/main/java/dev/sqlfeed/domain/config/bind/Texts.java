package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.tree.Location;
import dev.sqlfeed.domain.config.tree.ScalarNode;
import java.util.Collection;
import java.util.stream.Collectors;

/** Small text helpers shared by the section binders. */
final class Texts {
  private Texts() {}

  /** The file position of a 0-based offset inside a scalar's text. */
  static Location locate(ScalarNode node, int offset) {
    String text = node.text();
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return node.locate(line, offset - lineStart + 1);
  }

  /** {@code 'a', 'b', 'c'}. */
  static String quotedList(Collection<String> values) {
    return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
  }

  /**
   * The constant text of an expression that is a quoted string ({@code 'x'}, {@code "x"}) or a bare
   * word (which baton-sql reads as that word), if it is one.
   */
  static java.util.Optional<String> celStringLiteral(String source) {
    String s = source.strip();
    if (s.matches("[A-Za-z_][A-Za-z0-9_]*") && !s.equals("true") && !s.equals("false")) {
      return java.util.Optional.of(s);
    }
    if (s.length() >= 2
        && (s.charAt(0) == '\'' || s.charAt(0) == '"')
        && s.charAt(s.length() - 1) == s.charAt(0)) {
      String inner = s.substring(1, s.length() - 1);
      if (inner.indexOf(s.charAt(0)) < 0 && inner.indexOf('\\') < 0) {
        return java.util.Optional.of(inner);
      }
    }
    return java.util.Optional.empty();
  }
}
