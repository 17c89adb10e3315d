package dev.sqlfeed.domain.config.tree;

import java.util.Objects;
import java.util.Set;

/**
 * A YAML scalar with its text exactly as the parser resolved it (no type conversion) and how it was
 * written, which decides whether it is null and lets the binder map a position inside the text (for
 * example a CEL error column) back to the file.
 *
 * @param text the scalar's value as text
 * @param style how the scalar was written
 * @param location where the scalar starts (for a block scalar: its {@code |} or {@code >})
 * @param contentStart where the first character of the value is in the file
 * @param blockColumn for block scalars, the 1-based column at which every content line starts; 0
 *     otherwise
 */
public record ScalarNode(
    String text, Style style, Location location, Location contentStart, int blockColumn)
    implements YamlNode {

  /** How a scalar was written. */
  public enum Style {
    PLAIN,
    SINGLE_QUOTED,
    DOUBLE_QUOTED,
    LITERAL,
    FOLDED
  }

  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");

  public ScalarNode {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(style, "style");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(contentStart, "contentStart");
  }

  /** A scalar whose content starts where it starts (plain, or built by hand). */
  public static ScalarNode plain(String text, Location location) {
    return new ScalarNode(text, Style.PLAIN, location, location, 0);
  }

  /** Whether YAML reads this scalar as null: an unquoted {@code null}, {@code ~} or nothing. */
  public boolean isNull() {
    return style == Style.PLAIN && NULLS.contains(text);
  }

  /** Whether the scalar was written in quotes. */
  public boolean quoted() {
    return style == Style.SINGLE_QUOTED || style == Style.DOUBLE_QUOTED;
  }

  /** The file position of a 0-based offset into {@link #text()} (a CEL error's position). */
  public Location locateOffset(int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return locate(line, offset - lineStart + 1);
  }

  /**
   * The file position of a 1-based position inside {@link #text()}. Exact for one-line scalars
   * without escapes and for literal block scalars; a best effort for folded and escaped text.
   */
  public Location locate(int line, int column) {
    if (line <= 1) {
      return contentStart.plusColumns(Math.max(column, 1) - 1);
    }
    int fileLine = contentStart.line() + line - 1;
    int fileColumn = (blockColumn > 0 ? blockColumn : 1) + Math.max(column, 1) - 1;
    return new Location(contentStart.file(), fileLine, fileColumn);
  }

  @Override
  public String describe() {
    if (isNull()) {
      return "nothing (null)";
    }
    return "the scalar '" + text + "'";
  }
}
