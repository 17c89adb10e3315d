package dev.sqlfeed.domain.mapping;

/**
 * Translates CEL's positions in the rewritten text into 1-based line and column in the text the
 * user wrote. CEL counts columns and offsets in code points; so do the results here.
 */
final class SourcePositions {
  /** A 1-based line and column (in code points) of the user's expression text. */
  record LineColumn(int line, int column) {
    @Override
    public String toString() {
      return line + ":" + column;
    }
  }

  private final String source;
  private final ColumnShorthand.Rewritten rewritten;

  SourcePositions(String source, ColumnShorthand.Rewritten rewritten) {
    this.source = source;
    this.rewritten = rewritten;
  }

  /** From CEL's compile-time location: 1-based line, 0-based column in code points. */
  int sourceIndexOfLocation(int line, int column) {
    String text = rewritten.text();
    int lineStart = 0;
    for (int l = 1; l < line; l++) {
      int newline = text.indexOf('\n', lineStart);
      if (newline < 0) {
        break;
      }
      lineStart = newline + 1;
    }
    return rewritten.toSourceIndex(advance(text, lineStart, Math.max(column, 0)));
  }

  /** From CEL's evaluation-time offset: code points from the start of the rewritten text. */
  int sourceIndexOfOffset(int offset) {
    return rewritten.toSourceIndex(advance(rewritten.text(), 0, Math.max(offset, 0)));
  }

  LineColumn lineColumn(int sourceIndex) {
    int index = Math.max(0, Math.min(sourceIndex, source.length()));
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index; i++) {
      if (source.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new LineColumn(line, source.codePointCount(lineStart, index) + 1);
  }

  String source() {
    return source;
  }

  private static int advance(String text, int from, int codePoints) {
    int index = from;
    for (int n = 0; n < codePoints && index < text.length(); n++) {
      index += Character.charCount(text.codePointAt(index));
    }
    return index;
  }
}
