package dev.sqlfeed.domain.mapping;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * baton-sql's two shorthands, rewritten into plain CEL before compiling (baton-sql does the same in
 * {@code pkg/bcel/helpers.go}, {@code preprocessExpressions}).
 *
 * <ul>
 *   <li>A bare word, the whole expression being one identifier other than {@code true} and {@code
 *       false} ({@code user}, {@code group_member}), is a string literal: {@code "user"}. As in
 *       baton-sql, this includes {@code null}, which becomes the string {@code "null"}. Unlike
 *       baton-sql, whitespace around the word (a YAML block scalar's newline) is ignored.
 *   <li>{@code .name} (a dot followed by ASCII letters, digits or underscores) is the row column
 *       {@code name}: it becomes {@code cols['name']}. It is a column reference when the character
 *       right before the dot is not part of an operand: start of text, whitespace, an operator,
 *       {@code (}, {@code [}, {@code ,}. After a letter, digit or underscore ({@code user.name},
 *       {@code 1.5}) the dot keeps its CEL meaning.
 * </ul>
 *
 * <p>Two deliberate differences from baton-sql, both where baton-sql produces broken CEL: text
 * inside string literals is never rewritten ({@code '@example.com'} stays as written), and a dot
 * right after {@code )}, {@code ]}, {@code }} or a string literal is a member access ({@code (.a +
 * .b).size()}).
 *
 * <p>The rewritten text keeps, for each of its characters, the index of the source character it
 * came from, so that CEL's positions can be reported against what the user wrote.
 */
final class ColumnShorthand {
  private static final Pattern BARE_WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * The CEL text and, for every char of it plus one past its end, the index in the source that char
   * came from.
   */
  record Rewritten(String text, int[] sourceIndex) {
    int toSourceIndex(int textIndex) {
      return sourceIndex[Math.max(0, Math.min(textIndex, sourceIndex.length - 1))];
    }
  }

  private final String source;
  private final StringBuilder text;
  private int[] origin;

  private ColumnShorthand(String source) {
    this.source = source;
    this.text = new StringBuilder(source.length() + 16);
    this.origin = new int[source.length() + 16];
  }

  static Rewritten rewrite(String source) {
    ColumnShorthand rewriter = new ColumnShorthand(source);
    String word = source.strip();
    if (BARE_WORD.matcher(word).matches() && !word.equals("true") && !word.equals("false")) {
      rewriter.bareWord(word);
    } else {
      rewriter.columns();
    }
    return rewriter.result();
  }

  private void bareWord(String word) {
    int start = source.indexOf(word);
    emit('"', start);
    for (int i = 0; i < word.length(); i++) {
      emit(word.charAt(i), start + i);
    }
    emit('"', start + word.length() - 1);
  }

  private void columns() {
    boolean afterOperand = false;
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '\'' || c == '"') {
        int end = endOfStringLiteral(i);
        for (int k = i; k < end; k++) {
          emit(source.charAt(k), k);
        }
        afterOperand = true;
        i = end;
      } else if (c == '.' && !afterOperand && isWordChar(i + 1)) {
        int end = i + 1;
        while (isWordChar(end)) {
          end++;
        }
        emit("cols['", i);
        for (int k = i + 1; k < end; k++) {
          emit(source.charAt(k), k);
        }
        emit("']", end - 1);
        afterOperand = true;
        i = end;
      } else {
        emit(c, i);
        afterOperand = isWordChar(i) || c == ')' || c == ']' || c == '}';
        i++;
      }
    }
  }

  /** The index just after the string literal that starts with the quote at {@code start}. */
  private int endOfStringLiteral(int start) {
    char quote = source.charAt(start);
    boolean raw = isRawPrefix(start);
    boolean triple = source.startsWith(String.valueOf(quote).repeat(3), start);
    int i = start + (triple ? 3 : 1);
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '\\' && !raw) {
        i += 2;
      } else if (triple && source.startsWith(String.valueOf(quote).repeat(3), i)) {
        return i + 3;
      } else if (!triple && c == quote) {
        return i + 1;
      } else if (!triple && (c == '\n' || c == '\r')) {
        // Unterminated: let CEL report it.
        return i;
      } else {
        i++;
      }
    }
    return source.length();
  }

  /** Whether the quote at {@code quote} follows a CEL string prefix with {@code r} in it. */
  private boolean isRawPrefix(int quote) {
    int start = quote;
    while (start > 0 && quote - start < 2 && "rRbB".indexOf(source.charAt(start - 1)) >= 0) {
      start--;
    }
    if (start == quote || (start > 0 && isWordChar(start - 1))) {
      return false;
    }
    String prefix = source.substring(start, quote);
    return prefix.indexOf('r') >= 0 || prefix.indexOf('R') >= 0;
  }

  private boolean isWordChar(int index) {
    if (index < 0 || index >= source.length()) {
      return false;
    }
    char c = source.charAt(index);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  private void emit(String chars, int sourceIndex) {
    for (int i = 0; i < chars.length(); i++) {
      emit(chars.charAt(i), sourceIndex);
    }
  }

  private void emit(char c, int sourceIndex) {
    if (text.length() == origin.length) {
      origin = Arrays.copyOf(origin, origin.length * 2);
    }
    origin[text.length()] = sourceIndex;
    text.append(c);
  }

  private Rewritten result() {
    int[] index = Arrays.copyOf(origin, text.length() + 1);
    index[text.length()] = source.length();
    return new Rewritten(text.toString(), index);
  }
}
