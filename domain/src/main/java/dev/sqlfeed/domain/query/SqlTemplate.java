package dev.sqlfeed.domain.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query from the config with its {@code ?<name>} placeholders turned into JDBC bind markers. The
 * placeholders' values are always bound, never pasted into the SQL text, except for the two options
 * baton-sql offers for statements whose grammar allows no bind parameter (GRANT, DDL): {@code
 * ?<name|unquoted>} and {@code ?<name|identifier>}, which stay in {@link #jdbcSql()} as written and
 * are listed by {@link #inlinePlaceholders()}.
 *
 * <p>As in baton-sql, names are matched case-insensitively ({@code ?<Limit>} and {@code ?<limit>}
 * are the same placeholder) and are recorded in lower case, and a placeholder is recognised
 * anywhere in the text, inside SQL string literals too: baton-sql does not parse SQL, so neither do
 * we, and a config behaves the same in both.
 *
 * @param text the query as written in the config
 * @param jdbcSql the query with every bound placeholder replaced by {@code ?}
 * @param parameters the bound placeholders' names, lower case, in the order of the {@code ?}
 *     markers (a name used twice appears twice)
 */
public record SqlTemplate(String text, String jdbcSql, List<String> parameters) {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\?<([A-Za-z0-9_]+)(?:\\|([A-Za-z0-9_]+))?>");

  /**
   * One {@code ?<name>} token.
   *
   * @param name the name, lower case
   * @param option the text after {@code |} as written, lower case, or empty
   * @param offset the 0-based offset of the token's {@code ?} in {@link #text()}
   * @param token the token as written
   */
  public record Placeholder(String name, String option, int offset, String token) {
    /** Whether the value is pasted into the SQL text rather than bound. */
    public boolean inline() {
      return !option.isEmpty();
    }
  }

  public SqlTemplate {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(jdbcSql, "jdbcSql");
    parameters = List.copyOf(parameters);
  }

  /** Parses a query's placeholders. */
  public static SqlTemplate parse(String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder sql = new StringBuilder();
    List<String> names = new ArrayList<>();
    while (m.find()) {
      if (m.group(2) != null) {
        m.appendReplacement(sql, Matcher.quoteReplacement(m.group()));
        continue;
      }
      names.add(m.group(1).toLowerCase(Locale.ROOT));
      m.appendReplacement(sql, "?");
    }
    m.appendTail(sql);
    return new SqlTemplate(text, sql.toString(), names);
  }

  /** Every placeholder in the text, bound or inline, in order. */
  public List<Placeholder> placeholders() {
    List<Placeholder> all = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      String option = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
      all.add(new Placeholder(m.group(1).toLowerCase(Locale.ROOT), option, m.start(), m.group()));
    }
    return all;
  }

  /**
   * The placeholders whose value is pasted into the text ({@code |unquoted}, {@code |identifier}).
   */
  public List<Placeholder> inlinePlaceholders() {
    return placeholders().stream().filter(Placeholder::inline).toList();
  }

  /** Whether the query uses the named placeholder at least once (case-insensitive). */
  public boolean uses(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    return placeholders().stream().anyMatch(p -> p.name().equals(key));
  }
}
