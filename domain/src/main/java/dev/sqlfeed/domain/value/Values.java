package dev.sqlfeed.domain.value;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns what JDBC drivers return into the few types CEL can take as they are, so that a row can be
 * handed to a mapping expression and its values written into event ids in one canonical form.
 *
 * <p>The result of {@link #normalise} is always one of: {@link Long}, {@link Double}, {@link
 * String}, {@link Boolean}, {@code byte[]}, {@link Instant}, {@link SqlNull#VALUE}, or an
 * unmodifiable {@link List} or {@link Map} (string keys) of those. Normalising twice changes
 * nothing.
 */
public final class Values {
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private Values() {}

  /**
   * Normalises one value read from a source.
   *
   * <ul>
   *   <li>SQL {@code NULL} (Java {@code null}) becomes {@link SqlNull#VALUE}: a raw {@code null}
   *       inside a CEL map breaks evaluation.
   *   <li>{@link Byte}, {@link Short}, {@link Integer}, {@link Long}, {@link BigInteger}, and a
   *       {@link BigDecimal} whose value is integral ({@code 42}, {@code 42.00}, {@code 4.2E+1})
   *       become a {@link Long} when they fit; an integral value outside the range of {@code long}
   *       becomes its exact decimal digits as a {@link String} ({@code "18446744073709551616"}),
   *       never a rounded double.
   *   <li>A {@link BigDecimal} with a fraction becomes a {@link Double}; a {@link Float} becomes
   *       the {@link Double} with the same shortest decimal form ({@code 0.1f} becomes {@code 0.1},
   *       not {@code 0.10000000149011612}).
   *   <li>{@link LocalDateTime} carries no zone: its wall-clock value is taken as UTC (independent
   *       of the JVM's default zone, so every worker computes the same instant). {@link
   *       OffsetDateTime}, {@link ZonedDateTime}, {@link java.util.Date} and {@link Instant} become
   *       the {@link Instant} they denote.
   *   <li>{@link LocalDate} becomes an ISO date string ({@code "2026-01-31"}); {@link LocalTime}
   *       and {@link OffsetTime} an ISO time string ({@code "13:45:00"}, {@code
   *       "13:45:00.5+01:00"}).
   *   <li>{@link UUID} and {@link Character} become strings; {@code byte[]} and {@link Boolean}
   *       stay as they are.
   *   <li>A {@link List} or a Java array (other than {@code byte[]}) becomes a list normalised
   *       element by element (the JDBC adapter turns an SQL array into a list, and JDBC's date and
   *       time classes into {@code java.time} ones, first: the domain knows no JDBC class). A
   *       {@link Map} becomes a map with string keys and normalised values.
   *   <li>Anything else becomes its {@code toString()}.
   * </ul>
   */
  public static Object normalise(Object value) {
    if (value == null) {
      return SqlNull.VALUE;
    }
    if (value instanceof String
        || value instanceof Long
        || value instanceof Double
        || value instanceof Boolean
        || value instanceof Instant
        || value instanceof byte[]
        || SqlNull.is(value)) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger integer) {
      return integral(integer);
    }
    if (value instanceof BigDecimal decimal) {
      return decimal(decimal);
    }
    if (value instanceof Float f) {
      return Double.parseDouble(Float.toString(f));
    }
    Object time = temporal(value);
    if (time != null) {
      return time;
    }
    if (value instanceof UUID || value instanceof Character) {
      return value.toString();
    }
    if (value instanceof List<?> list) {
      return list(list);
    }
    if (value.getClass().isArray()) {
      return array(value);
    }
    if (value instanceof Map<?, ?> map) {
      return map(map);
    }
    return value.toString();
  }

  /**
   * Parses a timestamp that a database returned as text: ISO-8601 with {@code 'T'} or a space
   * between date and time, optional seconds, a fraction of up to nine digits, an optional zone
   * ({@code Z}, {@code UTC}, {@code +01:00}, {@code +0100}, {@code +01}); a date alone (midnight
   * UTC); DB2's {@code 2026-01-31-13.45.00.000000}; or, as baton-sql accepts them, epoch seconds (1
   * to 4102444799) and epoch milliseconds (above 10^12, before 2100). Text without a zone is taken
   * as UTC.
   *
   * @throws IllegalArgumentException naming the text when it is none of these
   */
  public static Instant parseTimestamp(String text) {
    return TimestampText.parse(text);
  }

  private static Object integral(BigInteger value) {
    if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
      return value.longValue();
    }
    return value.toString();
  }

  private static Object decimal(BigDecimal value) {
    if (value.scale() <= 0 || value.signum() == 0 || value.stripTrailingZeros().scale() <= 0) {
      return integral(value.toBigIntegerExact());
    }
    return value.doubleValue();
  }

  private static Object temporal(Object value) {
    if (value instanceof java.util.Date date) {
      return date.toInstant();
    }
    if (value instanceof LocalDateTime dateTime) {
      return dateTime.toInstant(ZoneOffset.UTC);
    }
    if (value instanceof OffsetDateTime dateTime) {
      return dateTime.toInstant();
    }
    if (value instanceof ZonedDateTime dateTime) {
      return dateTime.toInstant();
    }
    if (value instanceof LocalDate date) {
      return date.toString();
    }
    if (value instanceof LocalTime time) {
      return DateTimeFormatter.ISO_LOCAL_TIME.format(time);
    }
    if (value instanceof OffsetTime time) {
      return DateTimeFormatter.ISO_OFFSET_TIME.format(time);
    }
    return null;
  }

  private static List<Object> list(List<?> values) {
    List<Object> out = new ArrayList<>(values.size());
    for (Object element : values) {
      out.add(normalise(element));
    }
    return Collections.unmodifiableList(out);
  }

  private static List<Object> array(Object array) {
    int length = Array.getLength(array);
    List<Object> out = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      out.add(normalise(Array.get(array, i)));
    }
    return Collections.unmodifiableList(out);
  }

  private static Map<String, Object> map(Map<?, ?> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : values.entrySet()) {
      out.put(String.valueOf(entry.getKey()), normalise(entry.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }
}
