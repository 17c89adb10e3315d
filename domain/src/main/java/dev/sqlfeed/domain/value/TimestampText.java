package dev.sqlfeed.domain.value;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The textual timestamp forms that {@link Values#parseTimestamp} accepts. */
final class TimestampText {
  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})"
              + "(?:[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
              + " ?(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?)?");
  private static final Pattern DB2 =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})-(\\d{2})\\.(\\d{2})\\.(\\d{2})(?:\\.(\\d{1,9}))?");
  private static final Pattern EPOCH = Pattern.compile("-?\\d{1,19}");

  // baton-sql's bounds (pkg/bsql/helpers.go): seconds up to 2100-01-01, milliseconds above 10^12.
  private static final long MAX_EPOCH_SECONDS = 4_102_444_800L;
  private static final long MIN_EPOCH_MILLIS = 1_000_000_000_000L;
  private static final long MAX_EPOCH_MILLIS = 4_102_444_800_000L;

  private TimestampText() {}

  static Instant parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("not a timestamp: null");
    }
    String trimmed = text.strip();
    try {
      Instant parsed = parseOrNull(trimmed);
      if (parsed != null) {
        return parsed;
      }
    } catch (DateTimeException | NumberFormatException e) {
      throw invalid(text, e.getMessage());
    }
    throw invalid(text, null);
  }

  private static Instant parseOrNull(String text) {
    Matcher iso = ISO.matcher(text);
    if (iso.matches()) {
      return iso(iso);
    }
    Matcher db2 = DB2.matcher(text);
    if (db2.matches()) {
      return LocalDateTime.of(
              LocalDate.of(number(db2, 1), number(db2, 2), number(db2, 3)),
              LocalTime.of(number(db2, 4), number(db2, 5), number(db2, 6), nanos(db2.group(7))))
          .toInstant(ZoneOffset.UTC);
    }
    if (EPOCH.matcher(text).matches()) {
      return epoch(Long.parseLong(text));
    }
    return null;
  }

  private static Instant iso(Matcher m) {
    LocalDate date = LocalDate.of(number(m, 1), number(m, 2), number(m, 3));
    if (m.group(4) == null) {
      return date.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    int second = m.group(6) == null ? 0 : number(m, 6);
    LocalDateTime dateTime = date.atTime(number(m, 4), number(m, 5), second, nanos(m.group(7)));
    return dateTime.toInstant(offset(m.group(8)));
  }

  private static ZoneOffset offset(String zone) {
    if (zone == null || zone.equalsIgnoreCase("Z") || zone.equals("UTC") || zone.equals("GMT")) {
      return ZoneOffset.UTC;
    }
    int sign = zone.charAt(0) == '-' ? -1 : 1;
    String digits = zone.substring(1).replace(":", "");
    int hours = Integer.parseInt(digits.substring(0, 2));
    int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }

  private static Instant epoch(long value) {
    if (value > 0 && value < MAX_EPOCH_SECONDS) {
      return Instant.ofEpochSecond(value);
    }
    if (value > MIN_EPOCH_MILLIS && value < MAX_EPOCH_MILLIS) {
      return Instant.ofEpochMilli(value);
    }
    throw new DateTimeException(
        "a number is read as epoch seconds (1 to 4102444799) or epoch milliseconds"
            + " (10^12 to 4102444799999)");
  }

  private static int number(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static int nanos(String fraction) {
    if (fraction == null) {
      return 0;
    }
    StringBuilder digits = new StringBuilder(fraction);
    while (digits.length() < 9) {
      digits.append('0');
    }
    return Integer.parseInt(digits.toString());
  }

  private static IllegalArgumentException invalid(String text, String detail) {
    return new IllegalArgumentException(
        "not a timestamp: '"
            + text
            + "'"
            + (detail == null ? "" : " (" + detail + ")")
            + "; expected ISO-8601 such as 2026-01-31T13:45:00Z or 2026-01-31 13:45:00.123456,"
            + " a date, or epoch seconds or milliseconds");
  }
}
