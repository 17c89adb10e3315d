package dev.sqlfeed.domain.query;

import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pastes the values of {@code ?<name|unquoted>} and {@code ?<name|identifier>} placeholders into a
 * statement's text, as baton-sql does for statements whose grammar takes no bind parameter ({@code
 * GRANT}, DDL):
 *
 * <ul>
 *   <li>{@code unquoted}: the value's text with every character other than an ASCII letter, digit
 *       or underscore dropped (dropped, never escaped: what is left cannot leave the token's place
 *       in the statement);
 *   <li>{@code identifier}: the value's text as a quoted identifier of the database, its quote
 *       character doubled inside: {@code `name`} on MySQL and MariaDB, {@code "name"} elsewhere.
 * </ul>
 *
 * A value is pasted as its text: a string as it is, a whole number in decimal, a bool as {@code
 * true}/{@code false}. Other values (NULL, bytes, timestamps, lists) cannot be pasted: {@link
 * #check} says why, before anything runs.
 */
public final class PastedValues {
  private static final Pattern INLINE = Pattern.compile("\\?<([A-Za-z0-9_]+)\\|([A-Za-z0-9_]+)>");
  private static final Pattern NOT_WORD = Pattern.compile("[^A-Za-z0-9_]+");

  private PastedValues() {}

  /**
   * {@code jdbcSql} (a {@link SqlTemplate#jdbcSql()}, whose bound placeholders are already {@code
   * ?}) with each inline placeholder replaced by its value's text, for {@code product}.
   *
   * @param values each inline placeholder's value, by lower-case name, each one that {@link #check}
   *     accepts
   * @throws IllegalArgumentException when a placeholder has no value
   */
  public static String render(String jdbcSql, Map<String, Object> values, Product product) {
    Matcher m = INLINE.matcher(jdbcSql);
    StringBuilder sql = new StringBuilder();
    while (m.find()) {
      String name = m.group(1).toLowerCase(Locale.ROOT);
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException("no value for " + m.group());
      }
      String text = text(values.get(name));
      String pasted =
          m.group(2).equalsIgnoreCase("identifier")
              ? quote(text, product)
              : NOT_WORD.matcher(text).replaceAll("");
      m.appendReplacement(sql, Matcher.quoteReplacement(pasted));
    }
    m.appendTail(sql);
    return sql.toString();
  }

  /**
   * Why {@code value} cannot be pasted for {@code placeholder}, or {@code null} when it can.
   *
   * @param placeholder the token as written, for the message
   */
  public static String check(SqlTemplate.Placeholder placeholder, Object value) {
    if (value == null) {
      return placeholder.token() + " pastes its value into the SQL text, and the value is null";
    }
    if (!(value instanceof String
        || value instanceof Long
        || value instanceof Double
        || value instanceof Boolean)) {
      return placeholder.token()
          + " pastes its value into the SQL text, which takes a string, number or bool; its value is of"
          + " type "
          + value.getClass().getSimpleName();
    }
    if (placeholder.option().equals("unquoted")
        && NOT_WORD.matcher(text(value)).replaceAll("").isEmpty()) {
      return placeholder.token()
          + " pastes only the letters, digits and underscores of its value, and its value has none";
    }
    return null;
  }

  /** A pasted value's text. */
  static String text(Object value) {
    if (value instanceof Double d && Double.isFinite(d)) {
      // Whole numbers without ".0", as baton-sql (Go's %v) writes them.
      BigDecimal exact = new BigDecimal(d.toString());
      return d == Math.rint(d) && Math.abs(d) < 1e21
          ? exact.toBigInteger().toString()
          : exact.stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }

  /** {@code name} as a quoted identifier of {@code product}. */
  static String quote(String name, Product product) {
    String q = product == Product.MYSQL ? "`" : "\"";
    return q + name.replace(q, q + q) + q;
  }
}
