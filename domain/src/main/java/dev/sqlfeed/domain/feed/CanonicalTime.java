package dev.sqlfeed.domain.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one text form of an instant that sqlfeed writes into event ids and into every cursor that
 * crosses the workflow boundary: Go's {@code time.RFC3339Nano} of the instant in UTC, as baton-sql
 * writes it ({@code t.UTC().Format(time.RFC3339Nano)}).
 *
 * <p>That is {@code 2026-11-25T10:00:00.123456Z}: the fraction of a second with its trailing zeros
 * removed, no fraction at all when it is zero, and {@code Z} for the zone. {@link Instant#toString}
 * differs (it pads the fraction to groups of three digits, {@code .100Z}), so it must not be used
 * where an id or a cursor is compared as text.
 */
public final class CanonicalTime {
  private static final Pattern RFC3339 =
      Pattern.compile(
          "(-?\\d{4,})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?"
              + "(Z|[+-]\\d{2}:\\d{2})");

  private CanonicalTime() {}

  /** Formats an instant as Go's RFC3339Nano in UTC. */
  public static String format(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    StringBuilder out = new StringBuilder(30);
    // Go writes a negative year as '-' and at least four digits, a larger one with all its digits.
    int year = t.getYear();
    if (year < 0) {
      out.append('-');
    }
    pad(out, Math.abs(year), 4);
    out.append('-');
    pad(out, t.getMonthValue(), 2);
    out.append('-');
    pad(out, t.getDayOfMonth(), 2);
    out.append('T');
    pad(out, t.getHour(), 2);
    out.append(':');
    pad(out, t.getMinute(), 2);
    out.append(':');
    pad(out, t.getSecond(), 2);
    int nanos = instant.getNano();
    if (nanos != 0) {
      StringBuilder fraction = new StringBuilder(9);
      pad(fraction, nanos, 9);
      int end = fraction.length();
      while (fraction.charAt(end - 1) == '0') {
        end--;
      }
      out.append('.').append(fraction, 0, end);
    }
    return out.append('Z').toString();
  }

  /**
   * Parses RFC 3339 text with an optional fraction of one to nine digits and a zone of {@code Z} or
   * {@code ±hh:mm}, as Go's {@code time.Parse(time.RFC3339Nano, ...)} does. Every text {@link
   * #format} writes parses back to the same instant.
   *
   * @throws IllegalArgumentException naming the text when it is not of that form
   */
  public static Instant parse(String text) {
    Objects.requireNonNull(text, "text");
    Matcher m = RFC3339.matcher(text);
    if (!m.matches()) {
      throw invalid(text, null);
    }
    try {
      LocalDateTime t =
          LocalDateTime.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              Integer.parseInt(m.group(6)),
              nanos(m.group(7)));
      String zone = m.group(8);
      ZoneOffset offset = zone.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(zone);
      return t.toInstant(offset);
    } catch (DateTimeException | NumberFormatException e) {
      throw invalid(text, e.getMessage());
    }
  }

  /** Parses {@code text}, or gives null for null: for the nullable fields of wire records. */
  static Instant parseNullable(String text) {
    return text == null ? null : parse(text);
  }

  /** Formats {@code instant}, or gives null for null: for the nullable fields of wire records. */
  static String formatNullable(Instant instant) {
    return instant == null ? null : format(instant);
  }

  private static void pad(StringBuilder out, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    out.append(digits);
  }

  private static int nanos(String fraction) {
    if (fraction == null) {
      return 0;
    }
    int value = Integer.parseInt(fraction);
    for (int i = fraction.length(); i < 9; i++) {
      value *= 10;
    }
    return value;
  }

  private static IllegalArgumentException invalid(String text, String detail) {
    return new IllegalArgumentException(
        "not an RFC 3339 timestamp: '"
            + text
            + "'"
            + (detail == null ? "" : " (" + detail + ")")
            + "; expected a form such as 2026-11-25T10:00:00.123456Z");
  }
}
