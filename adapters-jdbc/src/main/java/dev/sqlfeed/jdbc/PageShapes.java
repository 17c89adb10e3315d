package dev.sqlfeed.jdbc;

import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import dev.sqlfeed.domain.error.DatabaseException.Kind;
import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.ports.CursorPrecision;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a keyset page needs to know about a user's query before it can be wrapped: the labels of its
 * cursor and key columns as the database reports them, whether the key is numeric, and, on SQLite,
 * the form its cursor values are stored in. Learnt once per query with a statement that returns no
 * rows ({@code WHERE 1 = 0}), plus, on SQLite, one that returns one cursor value; kept until a page
 * of that query fails (the schema may have changed).
 *
 * <p>Column names are matched exactly, else without regard to case when that is unambiguous: a
 * config's {@code updated_at} then finds H2's {@code UPDATED_AT}, and the quoted name in the page's
 * SQL is the label itself.
 */
final class PageShapes {
  private static final Set<Integer> NUMERIC =
      Set.of(
          Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT, Types.NUMERIC, Types.DECIMAL);

  /**
   * What was learnt.
   *
   * @param numericKey whether the key column is numeric by its type; never on SQLite, whose type
   *     for a computed column says nothing about the values it holds
   * @param form how the user's instants and the position's key are bound (a lower bound)
   * @param bounds how the page's own bounds and position are bound, and the cursor compared
   * @param precision how finely the cursor column tells moments apart
   * @param microseconds whether the cursor column's type keeps microseconds or finer
   */
  record Shape(
      String cursor,
      String key,
      boolean numericKey,
      TimestampForm form,
      TimestampForm bounds,
      CursorPrecision precision,
      boolean microseconds) {}

  private final Product product;
  private final Map<String, Shape> known = new ConcurrentHashMap<>();

  PageShapes(Product product) {
    this.product = product;
  }

  /**
   * The shape of {@code userSql}, learnt on {@code connection} if not known yet.
   *
   * @param keyColumn the key column, or null for a source without one (its shape has no key)
   * @param userValues the user's bindings, in marker order, as given (instants unconverted)
   * @throws SourceException when a column is missing or, on SQLite, its values cannot be compared
   */
  Shape of(
      Connection connection,
      String origin,
      String userSql,
      List<Object> userValues,
      String cursorColumn,
      String keyColumn)
      throws SQLException {
    String id = id(userSql, cursorColumn, keyColumn);
    Shape shape = known.get(id);
    if (shape != null) {
      return shape;
    }
    TimestampForm typed =
        product == Product.SQLITE ? SqliteTimestamps.DEFAULT : TimestampForm.typed(product);
    KeysetSql describe = KeysetSql.describe(product, userSql, convert(userValues, typed));
    String cursor;
    String key;
    boolean numericKey;
    CursorPrecision precision;
    boolean microseconds;
    try (PreparedStatement ps = connection.prepareStatement(describe.sql())) {
      JdbcValues.bind(ps, describe.values(), product);
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          labels.add(md.getColumnLabel(i));
        }
        cursor = resolve(origin, "cursor", cursorColumn, labels);
        key = keyColumn == null ? null : resolve(origin, "key", keyColumn, labels);
        // SQLite calls an expression such as team_slug || ':' || user_id numeric in a row-less
        // result; its keys are bound as the values read instead.
        numericKey =
            key != null
                && product != Product.SQLITE
                && NUMERIC.contains(md.getColumnType(labels.indexOf(key) + 1));
        precision = CursorPrecisions.of(md, labels.indexOf(cursor) + 1, product);
        microseconds = CursorPrecisions.keepsMicroseconds(md, labels.indexOf(cursor) + 1, product);
      }
    }
    if (product != Product.SQLITE) {
      shape = new Shape(cursor, key, numericKey, typed, typed, precision, microseconds);
      known.put(id, shape);
      return shape;
    }
    Object sample = sqliteSample(connection, userSql, userValues, cursor);
    if (sample == null) {
      // No row yet: text, and another look next time.
      return new Shape(
          cursor,
          key,
          false,
          SqliteTimestamps.DEFAULT,
          SqliteTimestamps.NORMALISED,
          CursorPrecision.FRACTION,
          false);
    }
    try {
      TimestampForm form = SqliteTimestamps.of(sample);
      shape =
          form instanceof SqliteTimestamps.Epoch epoch
              ? new Shape(cursor, key, false, epoch, epoch, epoch.precision(), false)
              : new Shape(
                  cursor,
                  key,
                  false,
                  SqliteTimestamps.DEFAULT,
                  SqliteTimestamps.NORMALISED,
                  CursorPrecision.FRACTION,
                  false);
    } catch (IllegalArgumentException e) {
      throw new SourceException(
          Kind.QUERY_FAILED,
          false,
          origin + ": the cursor column '" + cursor + "' " + e.getMessage(),
          null);
    }
    known.put(id, shape);
    return shape;
  }

  /** Forgets what was learnt about a query whose page failed. */
  void forget(String userSql, String cursorColumn, String keyColumn) {
    known.remove(id(userSql, cursorColumn, keyColumn));
  }

  /**
   * A stored cursor value, with the user's instants bound as the least value of either kind SQLite
   * orders (text sorts after every number), so that the user's own {@code ?<since>} filters nothing
   * out: first as text, then, for a query that filters in numbers, as the least integer.
   */
  private Object sqliteSample(
      Connection connection, String userSql, List<Object> userValues, String cursor)
      throws SQLException {
    for (Object least : new Object[] {"0000-01-01 00:00:00", Long.MIN_VALUE}) {
      List<Object> values = new ArrayList<>(userValues.size());
      for (Object value : userValues) {
        values.add(
            value instanceof Instant ? least : JdbcValues.of(value, SqliteTimestamps.DEFAULT));
      }
      KeysetSql sample = KeysetSql.sample(product, userSql, values, cursor);
      try (PreparedStatement ps = connection.prepareStatement(sample.sql())) {
        JdbcValues.bind(ps, sample.values(), product);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return rs.getObject(1);
          }
        }
      }
    }
    return null;
  }

  static List<Object> convert(List<Object> values, TimestampForm form) {
    List<Object> out = new ArrayList<>(values.size());
    for (Object value : values) {
      out.add(JdbcValues.of(value, form));
    }
    return out;
  }

  /** The shape already learnt for the query, if any: no connection needed. */
  Optional<Shape> known(String userSql, String cursorColumn, String keyColumn) {
    return Optional.ofNullable(known.get(id(userSql, cursorColumn, keyColumn)));
  }

  private static String id(String userSql, String cursorColumn, String keyColumn) {
    return String.join("\u0000", userSql, cursorColumn, keyColumn == null ? "" : keyColumn);
  }

  private static String resolve(String origin, String role, String name, List<String> labels) {
    if (labels.contains(name)) {
      return name;
    }
    List<String> matches =
        labels.stream()
            .filter(l -> l.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
            .distinct()
            .toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    throw new SourceException(
        Kind.QUERY_FAILED,
        false,
        origin
            + ": the "
            + role
            + " column '"
            + name
            + "' is "
            + (matches.isEmpty() ? "not" : "ambiguous")
            + " among the query's columns "
            + labels,
        null);
  }
}
