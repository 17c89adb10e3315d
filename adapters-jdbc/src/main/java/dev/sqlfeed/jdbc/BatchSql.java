package dev.sqlfeed.jdbc;

import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import java.util.Locale;
import java.util.Optional;

/**
 * Combines copies of one query into one statement, each copy tagged with its number:
 *
 * <pre>
 * SELECT 0 AS sqlfeed_call, sqlfeed_q.* FROM (
 * &lt;query&gt;
 * ) sqlfeed_q UNION ALL SELECT 1 AS sqlfeed_call, sqlfeed_q.* FROM (
 * &lt;query&gt;
 * ) sqlfeed_q ...
 * </pre>
 *
 * Each copy is the user's statement as a derived table, so it means what it means on its own (its
 * own {@code ORDER BY}, {@code LIMIT}, {@code DISTINCT}, {@code UNION}, a {@code WITH} where the
 * database takes one in a derived table), and its markers are bound per copy: nothing is pasted
 * into the text but the copy numbers. The tag is read by position, so a user column of the same
 * name does no harm. The text is not parsed, only scanned for what would break the wrapping: a
 * query that is not a single {@code SELECT} or {@code WITH}, a second statement after a {@code ;},
 * an unterminated string or comment, and backslashes or dollar quotes, whose meaning depends on the
 * database's settings. Such a query is not combined; the reader runs it once per call. A database
 * that refuses the combined form, or answers it with other columns than the query alone, is caught
 * by the reader ({@link BatchedReads}) at run time.
 */
final class BatchSql {
  /**
   * Copies per statement. 250 keeps a page of 1,000 changes at four statements for its {@code get}
   * and four for its entitlements queries (the whole page within 20 round trips, the page's own
   * read and clock included), while the statement stays small enough to plan quickly: 250 copies of
   * a 200-character query are 50 kB of SQL and, with one marker each, 250 bind values.
   */
  static final int MAX_COPIES = 250;

  private BatchSql() {}

  /**
   * How many copies of a query with {@code markers} bind markers fit in one statement on {@code
   * product}: at most {@link #MAX_COPIES}, and within the driver's limit on bind values (PostgreSQL
   * 32,767; MariaDB 65,535; SQLite 32,766 since 3.32, the bundled driver is newer; H2 has no small
   * limit). 0 where the combined form has not been checked (SQL Server, Oracle, others).
   */
  static int copiesPerStatement(Product product, int markers) {
    int limit =
        switch (product) {
          case POSTGRES, H2 -> 32_767;
          case MYSQL -> 65_535;
          case SQLITE -> 32_766;
          default -> 0;
        };
    if (limit == 0) {
      return 0;
    }
    return markers == 0 ? MAX_COPIES : Math.min(MAX_COPIES, limit / markers);
  }

  /**
   * The query as it can stand inside a derived table: without a trailing {@code ;} (and what
   * follows it, if only blanks and comments); empty when it cannot be wrapped safely.
   */
  static Optional<String> body(String jdbcSql) {
    if (jdbcSql.indexOf('\\') >= 0 || jdbcSql.indexOf('$') >= 0) {
      return Optional.empty();
    }
    int end = jdbcSql.length();
    int semicolon = -1;
    int i = 0;
    int n = jdbcSql.length();
    StringBuilder firstWord = new StringBuilder();
    boolean wordDone = false;
    while (i < n) {
      char c = jdbcSql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        int close = jdbcSql.indexOf(c, i + 1);
        if (close < 0 || semicolon >= 0) {
          return Optional.empty();
        }
        // A doubled quote inside is an escaped quote: the scan simply continues after it.
        i = close + 1;
        wordDone = true;
      } else if (c == '-' && i + 1 < n && jdbcSql.charAt(i + 1) == '-') {
        int close = jdbcSql.indexOf('\n', i);
        i = close < 0 ? n : close + 1;
        wordDone |= firstWord.length() > 0;
      } else if (c == '/' && i + 1 < n && jdbcSql.charAt(i + 1) == '*') {
        int close = jdbcSql.indexOf("*/", i + 2);
        if (close < 0) {
          return Optional.empty();
        }
        i = close + 2;
        wordDone |= firstWord.length() > 0;
      } else if (c == ';') {
        if (semicolon < 0) {
          semicolon = i;
        }
        i++;
      } else if (Character.isWhitespace(c)) {
        wordDone |= firstWord.length() > 0;
        i++;
      } else {
        if (semicolon >= 0) {
          return Optional.empty();
        }
        if (!wordDone) {
          if (Character.isLetter(c)) {
            firstWord.append(c);
          } else {
            wordDone = true;
          }
        }
        i++;
      }
    }
    String word = firstWord.toString().toUpperCase(Locale.ROOT);
    if (!word.equals("SELECT") && !word.equals("WITH")) {
      return Optional.empty();
    }
    if (semicolon >= 0) {
      end = semicolon;
    }
    return Optional.of(jdbcSql.substring(0, end));
  }

  /**
   * {@code copies} copies of {@code body} in one statement; the first column is the copy's number,
   * from 0. The line breaks around each copy keep a trailing {@code --} comment inside it.
   */
  static String combined(String body, int copies) {
    StringBuilder sql = new StringBuilder((body.length() + 80) * copies);
    for (int copy = 0; copy < copies; copy++) {
      if (copy > 0) {
        sql.append("\nUNION ALL ");
      }
      sql.append("SELECT ")
          .append(copy)
          .append(" AS sqlfeed_call, sqlfeed_q.* FROM (\n")
          .append(body)
          .append("\n) sqlfeed_q");
    }
    return sql.toString();
  }
}
