package dev.sqlfeed.jdbc;

import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import dev.sqlfeed.domain.sync.FirstCursor;
import dev.sqlfeed.domain.value.SqlNull;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds values through plain JDBC, each with the setter that keeps its type. jOOQ's plain SQL API
 * sends an {@code OffsetDateTime} to PostgreSQL as {@code varchar}, which no timestamp column
 * compares with; binding here decides the type for every driver alike.
 */
final class JdbcValues {
  private JdbcValues() {}

  /**
   * The JDBC value for a binding or a key: CEL's {@code null} becomes SQL NULL, an instant the
   * least value of its moment in {@code form} (a user's {@code ?<since>} is a lower bound), a big
   * integer a decimal.
   */
  static Object of(Object value, TimestampForm form) {
    if (SqlNull.isNull(value)) {
      return null;
    }
    if (value instanceof Instant instant) {
      return form.atOrAfter(instant);
    }
    if (value instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    return value;
  }

  /**
   * Binds {@code values} to the markers 1 to n. A first page's cursor ({@link FirstCursor}) is the
   * empty string, except on PostgreSQL, where it is the lowest value of the type the server infers
   * for its marker ({@link FirstCursorValues}); asking costs one round trip, on first pages only.
   */
  static void bind(PreparedStatement ps, List<Object> values, Product product) throws SQLException {
    List<Integer> firstCursors = List.of();
    for (int i = 0; i < values.size(); i++) {
      int index = i + 1;
      Object value = values.get(i);
      if (value instanceof FirstCursor) {
        // Untyped on PostgreSQL (stringtype=unspecified), so that the server infers the type.
        ps.setString(index, "");
        if (firstCursors.isEmpty()) {
          firstCursors = new ArrayList<>();
        }
        firstCursors.add(index);
      } else if (value == null) {
        // SQL Server and Oracle want a type; elsewhere an untyped NULL fits any context.
        boolean typed = product == Product.SQLSERVER || product == Product.ORACLE;
        ps.setNull(index, typed ? Types.VARCHAR : Types.NULL);
      } else if (value instanceof Long l) {
        ps.setLong(index, l);
      } else if (value instanceof Integer n) {
        ps.setInt(index, n);
      } else if (value instanceof String s) {
        ps.setString(index, s);
      } else if (value instanceof Boolean b) {
        ps.setBoolean(index, b);
      } else if (value instanceof Double d) {
        ps.setDouble(index, d);
      } else if (value instanceof BigDecimal d) {
        ps.setBigDecimal(index, d);
      } else if (value instanceof byte[] bytes) {
        ps.setBytes(index, bytes);
      } else {
        ps.setObject(index, value);
      }
    }
    if (product == Product.POSTGRES && !firstCursors.isEmpty()) {
      ParameterMetaData types = ps.getParameterMetaData();
      for (int index : firstCursors) {
        Optional<String> lowest = FirstCursorValues.lowest(types.getParameterTypeName(index));
        if (lowest.isPresent()) {
          ps.setObject(index, lowest.get(), Types.OTHER);
        }
      }
    }
  }
}
