package dev.sqlfeed.jdbc;

import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import dev.sqlfeed.ports.CursorPrecision;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The precision of a typed column as the driver describes it: a date alone counts in days (Oracle's
 * {@code DATE} has seconds), a timestamp whose type keeps no fraction ({@code DATETIME(0)}, {@code
 * TIMESTAMP(0)}, MariaDB's {@code TIMESTAMP}) in seconds. SQLite declares types without keeping to
 * them, so its columns are never taken as coarse here; the reader learns SQLite's from the values.
 */
final class CursorPrecisions {
  private static final int MICROSECOND_DIGITS = 6;

  private CursorPrecisions() {}

  static CursorPrecision of(ResultSetMetaData md, int column, Product product) throws SQLException {
    if (product == Product.SQLITE) {
      return CursorPrecision.FRACTION;
    }
    int type = md.getColumnType(column);
    if (type == Types.DATE) {
      return product == Product.ORACLE ? CursorPrecision.SECOND : CursorPrecision.DAY;
    }
    boolean timestamp = type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE;
    return timestamp && md.getScale(column) == 0
        ? CursorPrecision.SECOND
        : CursorPrecision.FRACTION;
  }

  /**
   * Whether a typed timestamp column keeps microseconds or finer: its scale says so. Never on
   * SQLite, whose declared types say nothing about the values a column holds.
   */
  static boolean keepsMicroseconds(ResultSetMetaData md, int column, Product product)
      throws SQLException {
    if (product == Product.SQLITE) {
      return false;
    }
    int type = md.getColumnType(column);
    boolean timestamp = type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE;
    return timestamp && md.getScale(column) >= MICROSECOND_DIGITS;
  }
}
