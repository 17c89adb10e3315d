package dev.sqlfeed.jdbc;

import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import dev.sqlfeed.ports.KeysetPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The statements that read around a user's query, with their bind values: the user's query becomes
 * a derived table {@code q}, and the bounds, the keyset predicate, the order and the limit go
 * outside it, so that the user writes the query as in baton-sql and the database still merges it
 * and ranges over an index on {@code (cursor, key)}. Column names are quoted for the product; the
 * user's values come first, in the order of their markers, then the page's.
 *
 * <p>A page, where the database has row values (PostgreSQL, MariaDB, SQLite, H2):
 *
 * <pre>{@code
 * SELECT * FROM (
 * <query>
 * ) "q" WHERE "q"."c" >= ? AND "q"."c" <= ? AND ("q"."c", "q"."k") > (?, ?)
 * ORDER BY "q"."c", "q"."k" LIMIT n
 * }</pre>
 *
 * <p>SQL Server and Oracle spell the keyset predicate {@code c >= ? AND (c > ? OR (c = ? AND k >
 * ?))} and end with {@code OFFSET 0 ROWS FETCH NEXT n ROWS ONLY}. A SQLite text cursor is compared
 * and ordered as {@link SqliteTimestamps.Normalised#expression} of the column, within a range of
 * dates on the column itself. Where one instant has several stored forms (SQLite text with
 * differing fraction digits, see {@link SqliteTimestamps}), rows of that instant are told apart by
 * key alone: {@code (c, k) > (least, ?) AND (c > greatest OR k > ?)}.
 */
record KeysetSql(String sql, List<Object> values) {
  static final String ALIAS = "q";

  KeysetSql {
    // A user's value may be SQL NULL, which List.copyOf refuses.
    values = Collections.unmodifiableList(new ArrayList<>(values));
  }

  /**
   * One page.
   *
   * @param userValues the JDBC values of the user's query, timestamps already in {@code form}
   * @param cursor the cursor column's label as the query reports it
   * @param key the key column's label
   * @param afterKey the JDBC value of the position's key
   */
  static KeysetSql page(
      Product product,
      String userSql,
      List<Object> userValues,
      String cursor,
      String key,
      KeysetPage page,
      TimestampForm form,
      Object afterKey) {
    String raw = column(product, cursor);
    String c = raw;
    String k = column(product, key);
    List<Object> values = new ArrayList<>(userValues);
    StringBuilder sql = new StringBuilder(around(product, userSql));
    sql.append(" WHERE ");
    if (form instanceof SqliteTimestamps.Normalised normalised) {
      // Every accepted spelling begins with its date: a range of dates on the raw column keeps an
      // index on it in use, and the normalised text decides within it.
      c = normalised.expression(raw);
      sql.append(raw).append(" >= ? AND ").append(raw).append(" < ? AND ");
      values.add(normalised.day(page.since(), 0));
      values.add(normalised.day(page.upTo(), 1));
    }
    sql.append(c).append(" >= ? AND ").append(c).append(" <= ?");
    values.add(form.atOrAfter(page.since()));
    values.add(form.atOrBefore(page.upTo()));
    if (page.afterCursor().isPresent()) {
      Instant after = page.afterCursor().get();
      Object least = form.atOrAfter(after);
      Object greatest = form.atOrBefore(after);
      if (!form.exact(after)) {
        // No row can sit at the position itself: every row after it is later.
        sql.append(" AND ").append(c).append(" > ?");
        values.add(greatest);
      } else if (SourceDialect.rowValues(product)) {
        sql.append(" AND (").append(c).append(", ").append(k).append(") > (?, ?)");
        values.add(least);
        values.add(afterKey);
        if (!least.equals(greatest)) {
          sql.append(" AND (").append(c).append(" > ? OR ").append(k).append(" > ?)");
          values.add(greatest);
          values.add(afterKey);
        }
      } else if (least.equals(greatest)) {
        sql.append(" AND ").append(c).append(" >= ? AND (").append(c).append(" > ? OR (");
        sql.append(c).append(" = ? AND ").append(k).append(" > ?))");
        values.add(least);
        values.add(least);
        values.add(least);
        values.add(afterKey);
      } else {
        sql.append(" AND ").append(c).append(" >= ? AND (").append(c).append(" > ? OR (");
        sql.append(c).append(" <= ? AND ").append(k).append(" > ?))");
        values.add(least);
        values.add(greatest);
        values.add(greatest);
        values.add(afterKey);
      }
    }
    sql.append(" ORDER BY ").append(c).append(", ").append(k).append(' ');
    sql.append(SourceDialect.limit(product, page.limit()));
    return new KeysetSql(sql.toString(), values);
  }

  /** No rows, only the columns the query reports: to find the cursor and key columns. */
  static KeysetSql describe(Product product, String userSql, List<Object> userValues) {
    return new KeysetSql(around(product, userSql) + " WHERE 1 = 0", userValues);
  }

  /** One non-null value of the cursor column, as stored: to learn its form on SQLite. */
  static KeysetSql sample(Product product, String userSql, List<Object> userValues, String cursor) {
    String c = column(product, cursor);
    String sql =
        "SELECT "
            + c
            + " FROM"
            + around(product, userSql).substring("SELECT * FROM".length())
            + " WHERE "
            + c
            + " IS NOT NULL "
            + SourceDialect.limit(product, 1);
    return new KeysetSql(sql, userValues);
  }

  /**
   * {@code SELECT * FROM (query) q}. The query goes on lines of its own, so that a trailing {@code
   * --} comment ends before the parenthesis; a trailing semicolon is dropped. Oracle takes no
   * {@code AS} before a table alias, so none is written.
   */
  static String around(Product product, String userSql) {
    String body = userSql.strip();
    while (body.endsWith(";")) {
      body = body.substring(0, body.length() - 1).strip();
    }
    return "SELECT * FROM (\n" + body + "\n) " + SourceDialect.quote(product, ALIAS);
  }

  private static String column(Product product, String label) {
    return SourceDialect.quote(product, ALIAS) + "." + SourceDialect.quote(product, label);
  }
}
