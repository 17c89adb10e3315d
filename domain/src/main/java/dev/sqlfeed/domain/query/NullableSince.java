package dev.sqlfeed.domain.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An incremental query rewritten so that rows whose cursor is NULL get past its own {@code
 * ?<since>} comparison: {@code updated_at >= ?<since>} becomes {@code (updated_at >= ?<since> OR
 * updated_at IS NULL)}. A NULL is never {@code >=} anything, so the query as written hides such
 * rows from every look, and only this form lets a check find them. Only the plain shape is
 * rewritten: a column (qualified and quoted as the database allows) compared with {@code >=} or
 * {@code >}, after {@code WHERE}, {@code AND}, {@code OR}, {@code ON}, {@code HAVING} or {@code (},
 * and followed by the end of a condition. Any other use of {@code ?<since>} (inside an expression,
 * in {@code BETWEEN}, on the left) leaves the query without a rewrite, since the meaning of a
 * rewrite there could not be known without parsing SQL, which sqlfeed (like baton-sql) does not do.
 */
public final class NullableSince {
  private static final String IDENT =
      "(?:[A-Za-z_][A-Za-z0-9_$]*|\"[^\"]+\"|`[^`]+`|\\[[^\\]]+\\])";
  private static final Pattern BEFORE =
      Pattern.compile(
          "(?:(?i:\\b(?:WHERE|AND|OR|ON|HAVING))\\s+|\\(\\s*)("
              + IDENT
              + "(?:\\s*\\.\\s*"
              + IDENT
              + ")*)\\s*(>=|>)\\s*$");
  private static final Pattern AFTER =
      Pattern.compile(
          "^\\s*(?:$|\\)|;|--|(?i:AND|OR|ORDER|GROUP|UNION|LIMIT|HAVING|EXCEPT|INTERSECT|FETCH"
              + "|OFFSET|WINDOW)\\b)");

  private NullableSince() {}

  /**
   * The query with every {@code ?<since>} comparison widened to let NULL through, or empty when the
   * query does not use {@code ?<since>} or uses it in a shape this class does not rewrite.
   */
  public static Optional<SqlTemplate> of(SqlTemplate query) {
    String text = query.text();
    List<SqlTemplate.Placeholder> uses =
        query.placeholders().stream().filter(p -> p.name().equals("since") && !p.inline()).toList();
    if (uses.isEmpty()) {
      return Optional.empty();
    }
    List<int[]> spans = new ArrayList<>();
    List<String> replacements = new ArrayList<>();
    for (SqlTemplate.Placeholder use : uses) {
      int end = use.offset() + use.token().length();
      Matcher before = BEFORE.matcher(text).region(0, use.offset());
      if (!before.find() || !AFTER.matcher(text.substring(end)).find()) {
        return Optional.empty();
      }
      String operand = before.group(1);
      spans.add(new int[] {before.start(1), end});
      replacements.add(
          "("
              + operand
              + " "
              + before.group(2)
              + " "
              + use.token()
              + " OR "
              + operand
              + " IS NULL)");
    }
    StringBuilder out = new StringBuilder(text);
    for (int i = spans.size() - 1; i >= 0; i--) {
      out.replace(spans.get(i)[0], spans.get(i)[1], replacements.get(i));
    }
    return Optional.of(SqlTemplate.parse(out.toString()));
  }
}
