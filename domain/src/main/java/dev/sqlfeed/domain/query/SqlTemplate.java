package dev.sqlfeed.domain.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query from the config with its {@code ?<name>} placeholders turned into JDBC bind markers. The
 * placeholders' values are always bound, never pasted into the SQL text.
 *
 * @param text the query as written in the config
 * @param jdbcSql the query with every placeholder replaced by {@code ?}
 * @param parameters the placeholder names in the order of the {@code ?} markers (a name used twice
 *     appears twice)
 */
public record SqlTemplate(String text, String jdbcSql, List<String> parameters) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\?<([A-Za-z_][A-Za-z0-9_]*)>");

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
      names.add(m.group(1));
      m.appendReplacement(sql, "?");
    }
    m.appendTail(sql);
    return new SqlTemplate(text, sql.toString(), names);
  }

  /** Whether the query uses the named placeholder at least once. */
  public boolean uses(String name) {
    return parameters.contains(name);
  }
}
