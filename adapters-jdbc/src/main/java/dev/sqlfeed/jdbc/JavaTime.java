package dev.sqlfeed.jdbc;

/**
 * JDBC's date and time classes turned into {@code java.time}, so that the domain sees only the
 * latter: a {@link java.sql.Timestamp} becomes its wall-clock {@link java.time.LocalDateTime}, a
 * {@link java.sql.Date} its {@link java.time.LocalDate}, a {@link java.sql.Time} its {@link
 * java.time.LocalTime}. For the values a driver returns from plain {@code getObject}, which {@link
 * ColumnReader} uses where it cannot ask for a {@code java.time} type.
 */
final class JavaTime {
  private JavaTime() {}

  static Object of(Object value) {
    // Timestamp, Date and Time all extend java.util.Date: test them before anything else would.
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toLocalDateTime();
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    if (value instanceof java.sql.Time time) {
      return time.toLocalTime();
    }
    return value;
  }
}
