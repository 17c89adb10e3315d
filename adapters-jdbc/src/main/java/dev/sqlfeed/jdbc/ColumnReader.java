package dev.sqlfeed.jdbc;

import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import dev.sqlfeed.domain.value.Values;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one column's value in the Java type that keeps its meaning, chosen once per query from the
 * result set's metadata, before {@link Values#normalise} sees it.
 *
 * <ul>
 *   <li>Timestamps without a zone are read as {@link LocalDateTime} through {@code getObject(i,
 *       LocalDateTime.class)}: a {@code java.sql.Timestamp} would be built in the JVM's zone and
 *       shift wall-clock times that fall into a daylight-saving gap. Timestamps with a zone ({@code
 *       timestamptz}, {@code TIMESTAMP WITH TIME ZONE}, {@code datetimeoffset}) as {@link
 *       OffsetDateTime}, dates as {@link LocalDate}, times as {@link LocalTime} or {@link
 *       OffsetTime}. Oracle's {@code DATE} has a time of day and is read as a timestamp.
 *   <li>Integers through {@code getObject}: every driver then returns a type wide enough (MariaDB's
 *       {@code BIGINT UNSIGNED} a {@code BigInteger}), and {@code NUMERIC(30)} a {@code
 *       BigDecimal}; nothing is squeezed through a {@code double}.
 *   <li>Arrays become lists, their elements read the same way; large objects become {@code byte[]}
 *       or {@code String}.
 *   <li>Whatever a driver still returns as {@code java.sql.Timestamp}, {@code Date} or {@code Time}
 *       (plain {@code getObject}) becomes its {@code java.time} value ({@link JavaTime}): the
 *       domain knows no JDBC class.
 *   <li>SQLite has no column types, only what each value is stored as, and sqlite-jdbc returns that
 *       ({@code Integer} or {@code Long} by magnitude, {@code Double}, {@code String}, {@code
 *       byte[]}). Where the declared type says {@code DATETIME} or {@code TIMESTAMP}, text and
 *       epoch numbers are parsed as {@link Values#parseTimestamp} does; {@code BOOLEAN} 0/1 becomes
 *       a boolean; text that does not parse stays text.
 * </ul>
 */
@FunctionalInterface
interface ColumnReader {
  Object read(ResultSet rs, int column) throws SQLException;

  static ColumnReader of(ResultSetMetaData md, int column, Product product) throws SQLException {
    int type = md.getColumnType(column);
    String name = String.valueOf(md.getColumnTypeName(column)).toLowerCase(Locale.ROOT);
    if (product == Product.SQLITE) {
      return sqlite(name);
    }
    if (type == Types.TIMESTAMP_WITH_TIMEZONE
        || name.equals("timestamptz")
        || name.equals("datetimeoffset")
        || name.contains("with time zone")
        || name.contains("with local time zone")) {
      return typed(OffsetDateTime.class);
    }
    if (type == Types.TIME_WITH_TIMEZONE || name.equals("timetz")) {
      return typed(OffsetTime.class);
    }
    return switch (type) {
      case Types.TIMESTAMP -> typed(LocalDateTime.class);
      case Types.DATE -> typed(product == Product.ORACLE ? LocalDateTime.class : LocalDate.class);
      case Types.TIME -> typed(LocalTime.class);
      case Types.ARRAY -> ColumnReader::array;
      case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> ResultSet::getBytes;
      case Types.CLOB, Types.NCLOB, Types.SQLXML -> ResultSet::getString;
      default -> (rs, c) -> JavaTime.of(rs.getObject(c));
    };
  }

  /**
   * {@code getObject(i, type)}, falling back to plain {@code getObject} for a driver that does not
   * offer that conversion.
   */
  private static ColumnReader typed(Class<?> javaType) {
    return new ColumnReader() {
      private boolean supported = true;

      @Override
      public Object read(ResultSet rs, int column) throws SQLException {
        if (supported) {
          try {
            return rs.getObject(column, javaType);
          } catch (SQLFeatureNotSupportedException e) {
            supported = false;
          }
        }
        return JavaTime.of(rs.getObject(column));
      }
    };
  }

  private static Object array(ResultSet rs, int column) throws SQLException {
    Array array = rs.getArray(column);
    if (array == null) {
      return null;
    }
    try {
      return toList(array.getArray());
    } finally {
      try {
        array.free();
      } catch (SQLFeatureNotSupportedException e) {
        // Nothing to free.
      }
    }
  }

  private static Object toList(Object value) {
    if (value instanceof Object[] elements) {
      List<Object> list = new ArrayList<>(elements.length);
      for (Object element : elements) {
        list.add(toList(JavaTime.of(element)));
      }
      return list;
    }
    return value;
  }

  private static ColumnReader sqlite(String declared) {
    boolean timestamp = declared.contains("datetime") || declared.contains("timestamp");
    boolean bool = declared.contains("bool");
    if (!timestamp && !bool) {
      return ResultSet::getObject;
    }
    return (rs, column) -> {
      Object value = rs.getObject(column);
      if (bool && value instanceof Integer i && (i == 0 || i == 1)) {
        return i == 1;
      }
      if (timestamp
          && (value instanceof String || value instanceof Integer || value instanceof Long)) {
        return sqliteTimestamp(value.toString(), value);
      }
      return value;
    };
  }

  /**
   * An {@link java.time.Instant}. A value in a column declared as a timestamp that is not one is a
   * data error: passing it on as text would hand CEL a string where the config expects a time.
   */
  private static Object sqliteTimestamp(String text, Object original) {
    try {
      return Values.parseTimestamp(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + original + "' is not a timestamp", e);
    }
  }
}
