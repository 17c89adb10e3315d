package dev.sqlfeed.domain.sync;

import dev.sqlfeed.domain.query.SqlTemplate;
import dev.sqlfeed.domain.query.SqlTemplate.Placeholder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statement of the first page of baton-sql's cursor pagination ({@code WHERE id > ?<Cursor>
 * ORDER BY id LIMIT ?<Limit>}).
 *
 * <p>baton-sql binds the first page's cursor as the empty string, which each database reads its own
 * way: MariaDB compares it with a number as 0 (and so skips negative keys), PostgreSQL refuses it
 * for a {@code bigint} or {@code uuid} column, SQLite holds every number smaller than any text and
 * returns no row at all. What the idiom means on the first page is a cursor below every key, so the
 * comparison holds for every row whose key is not NULL. That is what the first page runs instead:
 * each comparison {@code key > ?<Cursor>} (or {@code >=}, or the mirrored {@code ?<Cursor> < key},
 * the cursor possibly in {@code CAST(? AS type)} or with {@code ::type}) becomes {@code (key =
 * key)}, which is true, or NULL for a NULL key, exactly where the comparison with such a cursor
 * would be. Later pages run the statement as written, with the same bindings as before.
 *
 * <p>The rewrite is made only where it provably means the same: every bound {@code ?<Cursor>} of
 * the statement is such a comparison, its key a plain column name (qualified and quoted names too),
 * which stands right after {@code WHERE}, {@code AND}, {@code OR}, {@code HAVING}, {@code ON},
 * {@code WHEN} or an opening parenthesis (not {@code NOT}: MariaDB's {@code HIGH_NOT_PRECEDENCE}
 * mode would bind it to the key alone), and the comparison is followed by the end, {@code )},
 * {@code ;} or a keyword that binds less tightly than a comparison ({@code AND}, {@code OR}, {@code
 * ORDER}, {@code LIMIT} ...). Anything else ({@code a + id > ?<Cursor>}, a cursor also used outside
 * a comparison) runs as written, and its comparisons are listed by {@link #keptComparisons()} for
 * {@code validate --connect} to warn about.
 *
 * @param statement the first page's statement, without its cursor comparisons; empty when the
 *     statement uses no bound {@code ?<Cursor>} or cannot be rewritten
 * @param keptComparisons the {@code ?<Cursor>} placeholders in a comparison that the first page
 *     keeps, so that they compare with the empty string; empty when {@code statement} is present
 */
public record FirstCursorPage(Optional<SqlTemplate> statement, List<Placeholder> keptComparisons) {
  private static final String IDENTIFIER =
      "(?:[A-Za-z_][A-Za-z0-9_$]*|\"(?:[^\"]|\"\")+\"|`(?:[^`]|``)+`|\\[[^\\]]+\\])";
  private static final String COLUMN = IDENTIFIER + "(?:\\s*\\.\\s*" + IDENTIFIER + ")*";
  private static final String BEFORE_PREDICATE =
      "(?:\\b(?:WHERE|AND|OR|HAVING|ON|WHEN)\\s+|\\(\\s*)";
  private static final String AFTER_PREDICATE =
      "(?:\\s|--[^\\n]*|/\\*.*?\\*/)*"
          + "(?:\\z|;|\\)|(?:AND|OR|ORDER|LIMIT|GROUP|HAVING|THEN|ELSE|END|WINDOW|UNION|EXCEPT"
          + "|INTERSECT|FETCH|OFFSET)\\b)";
  // Characters that make an operator part of a longer one (->>, <<, <=>, ::, @>).
  private static final String OPERATOR_CHARS = "[-<>=!@#&|~^*/+%:]";
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;

  private static final Pattern CAST_OPEN = Pattern.compile("CAST\\s*\\(\\s*\\z", FLAGS);
  private static final Pattern CAST_CLOSE =
      Pattern.compile(
          "\\A\\s+AS\\s+[A-Za-z_][A-Za-z0-9_ ]*(?:\\(\\s*\\d+(?:\\s*,\\s*\\d+)?\\s*\\))?\\s*\\)",
          FLAGS);
  private static final Pattern PG_CAST = Pattern.compile("\\A\\s*::\\s*[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern OPERATOR_BEFORE =
      Pattern.compile("(?<!" + OPERATOR_CHARS + ")(<>|!=|<=|>=|<|>|=)\\s*\\z");
  private static final Pattern OPERATOR_AFTER =
      Pattern.compile("\\A\\s*(<>|!=|<=|>=|<|>|=)(?!" + OPERATOR_CHARS + ")");
  private static final Pattern COLUMN_BEFORE =
      Pattern.compile(BEFORE_PREDICATE + "(" + COLUMN + ")\\s*\\z", FLAGS);
  private static final Pattern COLUMN_AFTER = Pattern.compile("\\A\\s*(" + COLUMN + ")");
  private static final Pattern PREDICATE_START = Pattern.compile(BEFORE_PREDICATE + "\\z", FLAGS);
  private static final Pattern PREDICATE_END = Pattern.compile("\\A" + AFTER_PREDICATE, FLAGS);
  private static final Pattern BETWEEN = Pattern.compile("\\bBETWEEN\\b", FLAGS);

  public FirstCursorPage {
    Objects.requireNonNull(statement, "statement");
    keptComparisons = List.copyOf(keptComparisons);
  }

  /** Works out the first page of {@code sql}. */
  public static FirstCursorPage of(SqlTemplate sql) {
    String text = sql.text();
    List<Placeholder> cursors =
        sql.placeholders().stream().filter(p -> p.name().equals("cursor")).toList();
    if (cursors.isEmpty() || cursors.stream().anyMatch(Placeholder::inline)) {
      return new FirstCursorPage(Optional.empty(), List.of());
    }
    List<Rewrite> rewrites = new ArrayList<>();
    List<Placeholder> compared = new ArrayList<>();
    boolean rewritable = true;
    for (Placeholder cursor : cursors) {
      int[] operand = operand(text, cursor);
      Matcher before = OPERATOR_BEFORE.matcher(text).region(0, operand[0]);
      before.useTransparentBounds(true);
      boolean hasBefore = before.find();
      Matcher after = OPERATOR_AFTER.matcher(text).region(operand[1], text.length());
      after.useTransparentBounds(true);
      boolean hasAfter = after.lookingAt();
      if (hasBefore || hasAfter) {
        compared.add(cursor);
      }
      Optional<Rewrite> rewrite =
          hasBefore == hasAfter
              ? Optional.empty()
              : hasBefore
                  ? keyBefore(text, before.start(1), before.group(1), operand[1])
                  : keyAfter(text, operand[0], after.group(1), after.end());
      if (rewrite.isEmpty()) {
        rewritable = false;
        continue;
      }
      rewrites.add(rewrite.get());
    }
    if (!rewritable) {
      return new FirstCursorPage(Optional.empty(), compared);
    }
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (Rewrite rewrite : rewrites) {
      out.append(text, at, rewrite.start()).append('(').append(rewrite.key()).append(" = ");
      out.append(rewrite.key()).append(')');
      at = rewrite.end();
    }
    out.append(text.substring(at));
    return new FirstCursorPage(Optional.of(SqlTemplate.parse(out.toString())), List.of());
  }

  /** The span of the cursor's operand: the placeholder, with a cast around it if there is one. */
  private static int[] operand(String text, Placeholder cursor) {
    int start = cursor.offset();
    int end = start + cursor.token().length();
    Matcher open = CAST_OPEN.matcher(text).region(0, start);
    open.useTransparentBounds(true);
    Matcher close = CAST_CLOSE.matcher(text).region(end, text.length());
    close.useTransparentBounds(true);
    if (open.find() && close.lookingAt()) {
      return new int[] {open.start(), close.end()};
    }
    Matcher pg = PG_CAST.matcher(text).region(end, text.length());
    return pg.lookingAt() ? new int[] {start, pg.end()} : new int[] {start, end};
  }

  /**
   * {@code key > cursor} or {@code key >= cursor}: the span from the key to the cursor's end and
   * the key's text, if the key is a column that starts a predicate and the comparison ends one.
   */
  private static Optional<Rewrite> keyBefore(
      String text, int operatorStart, String operator, int operandEnd) {
    if (!operator.startsWith(">")) {
      return Optional.empty();
    }
    Matcher column = COLUMN_BEFORE.matcher(text).region(0, operatorStart);
    column.useTransparentBounds(true);
    if (!column.find() || !endsPredicate(text, operandEnd)) {
      return Optional.empty();
    }
    if (!betweenIsClear(text, column.start(), column.group())) {
      return Optional.empty();
    }
    return Optional.of(new Rewrite(column.start(1), operandEnd, column.group(1)));
  }

  /** {@code cursor < key} or {@code cursor <= key}, as {@link #keyBefore} for the mirror form. */
  private static Optional<Rewrite> keyAfter(
      String text, int operandStart, String operator, int operatorEnd) {
    if (!operator.startsWith("<") || operator.equals("<>")) {
      return Optional.empty();
    }
    Matcher start = PREDICATE_START.matcher(text).region(0, operandStart);
    start.useTransparentBounds(true);
    Matcher column = COLUMN_AFTER.matcher(text).region(operatorEnd, text.length());
    column.useTransparentBounds(true);
    if (!start.find() || !column.lookingAt() || !endsPredicate(text, column.end())) {
      return Optional.empty();
    }
    if (!betweenIsClear(text, start.start(), start.group())) {
      return Optional.empty();
    }
    return Optional.of(new Rewrite(operandStart, column.end(), column.group(1)));
  }

  private static boolean endsPredicate(String text, int at) {
    Matcher end = PREDICATE_END.matcher(text).region(at, text.length());
    end.useTransparentBounds(true);
    return end.lookingAt();
  }

  /**
   * An {@code AND} before the comparison might be the second half of a {@code BETWEEN}, which would
   * make the key part of a larger operand: not rewritten then.
   */
  private static boolean betweenIsClear(String text, int boundaryStart, String boundary) {
    return !boundary.trim().toUpperCase(Locale.ROOT).startsWith("AND")
        || !BETWEEN.matcher(text.substring(0, boundaryStart)).find();
  }

  /** A comparison to replace: the text from {@code start} to {@code end}, its key column's name. */
  private record Rewrite(int start, int end, String key) {}
}
