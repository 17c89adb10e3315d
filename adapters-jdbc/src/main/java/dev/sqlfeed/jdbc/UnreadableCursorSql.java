package dev.sqlfeed.jdbc;

import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import java.util.List;

/**
 * The statement that looks for rows no page can read: {@code SELECT q.k FROM (<query>) q WHERE
 * <cursor unreadable> LIMIT n}. The query is the user's, its {@code ?<since>} comparison already
 * widened to let NULL through ({@code NullableSince}). Unreadable means NULL everywhere; on SQLite
 * also a value a page does not compare as the instant it names: for a column of text timestamps
 * anything but text in one of the spellings {@link SqliteTimestamps#of} accepts (checked here in
 * SQL, so that the limit counts only rows that are really unreadable), for epoch integers anything
 * but an integer. Only the key (or a constant, without a key) is selected: no row contents.
 */
record UnreadableCursorSql(String sql, List<Object> values) {
  private static final String SUFFIXES = "('', 'Z', '+00:00', '+0000', '+00')";

  static UnreadableCursorSql of(
      Product product,
      String userSql,
      List<Object> userValues,
      String cursor,
      String key,
      TimestampForm form,
      int limit) {
    String c = column(product, cursor);
    String selected = key == null ? "1" : column(product, key);
    String where = c + " IS NULL";
    if (form instanceof SqliteTimestamps.Epoch) {
      where += " OR typeof(" + c + ") <> 'integer'";
    } else if (form instanceof SqliteTimestamps.Normalised) {
      where += " OR typeof(" + c + ") <> 'text' OR NOT " + sqliteSpelling(c);
    }
    String sql =
        "SELECT "
            + selected
            + " FROM"
            + KeysetSql.around(product, userSql).substring("SELECT * FROM".length())
            + " WHERE "
            + where
            + " "
            + SourceDialect.limit(product, limit);
    return new UnreadableCursorSql(sql, userValues);
  }

  /**
   * Whether SQLite text {@code c} is {@code YYYY-MM-DD[ T]HH:MM:SS}, then nothing, a UTC suffix, or
   * {@code .} with one to nine digits and optionally a UTC suffix: the same spellings as {@link
   * SqliteTimestamps#of}.
   */
  private static String sqliteSpelling(String c) {
    String rest = "substr(" + c + ", 21)";
    String tail = "ltrim(" + rest + ", '0123456789')";
    return "("
        + c
        + " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][ T][0-9][0-9]:[0-9][0-9]:[0-9][0-9]*'"
        + " AND (substr("
        + c
        + ", 20) IN "
        + SUFFIXES
        + " OR (substr("
        + c
        + ", 20, 1) = '.' AND length("
        + rest
        + ") - length("
        + tail
        + ") BETWEEN 1 AND 9 AND "
        + tail
        + " IN "
        + SUFFIXES
        + ")))";
  }

  private static String column(Product product, String label) {
    return SourceDialect.quote(product, KeysetSql.ALIAS)
        + "."
        + SourceDialect.quote(product, label);
  }
}
