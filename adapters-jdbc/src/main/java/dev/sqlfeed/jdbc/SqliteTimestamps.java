package dev.sqlfeed.jdbc;

import dev.sqlfeed.ports.CursorPrecision;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms a SQLite cursor column can take, and how an instant is bound to compare with each.
 * SQLite has no timestamp type: a column holds text or numbers and compares them as such, so a
 * bound must be written in the column's own form. The form is learnt from one value of the column
 * ({@link #of}); without one (no rows yet) it is SQLite's own {@code datetime()} form.
 *
 * <ul>
 *   <li>{@code YYYY-MM-DD HH:MM:SS[.fff...]} ({@code CURRENT_TIMESTAMP}, {@code datetime()}, {@code
 *       strftime('%Y-%m-%d %H:%M:%f')}, Python's {@code str(datetime)}), or the same with {@code T}
 *       between date and time (Python's {@code isoformat()}): text in UTC without a zone. Any
 *       number of fraction digits, even differing from row to row: a bound is written with its
 *       trailing zeros trimmed as the least text of its instant ({@code 10:00:00}, not {@code
 *       10:00:00.000}), and up to nine zeros as the greatest, so that {@code 10:00:00.000} counts
 *       as equal to {@code 10:00:00} wherever that matters.
 *   <li>The same with a UTC suffix ({@code Z}, {@code +00:00}, {@code +0000}, {@code +00}), as
 *       JavaScript's {@code toISOString()} writes: text order is time order only when every value
 *       has the same number of fraction digits, so the column is taken to have as many as the value
 *       it was learnt from.
 *   <li>Integers: epoch seconds, or epoch milliseconds from 10^12 on (baton-sql's rule).
 * </ul>
 *
 * <p>Other forms (another zone offset, a date alone, Julian day numbers) fail the page with a
 * message saying why, rather than compare wrongly.
 *
 * <p>A keyset page does not trust one sample to speak for a text column: applications write {@code
 * datetime('now')} next to {@code strftime('%Y-%m-%dT%H:%M:%S','now')}, or Go's {@code RFC3339Nano}
 * with two, three or one fraction digits, and in text order {@code 10:25:47.9Z} sorts after {@code
 * 10:25:47.81Z} but {@code 10:25:47Z} after {@code 10:25:47.5Z}. Its bounds and order compare every
 * accepted spelling in one normalised form instead ({@link #NORMALISED}).
 */
final class SqliteTimestamps {
  /** What SQLite's {@code datetime()} writes; the form assumed before a value was seen. */
  static final TimestampForm DEFAULT = new VariableText(' ');

  /** Text in any accepted spelling, compared through {@link Normalised#expression}. */
  static final Normalised NORMALISED = new Normalised();

  private static final Pattern TEXT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}([ T])\\d{2}:\\d{2}:\\d{2}(?:\\.(\\d{1,9}))?(.*)");
  private static final Set<String> UTC_SUFFIXES = Set.of("Z", "+00:00", "+0000", "+00");
  private static final long EPOCH_MILLIS_FROM = 1_000_000_000_000L;

  private SqliteTimestamps() {}

  /**
   * The form of the column that {@code sample} was read from.
   *
   * @throws IllegalArgumentException saying why the value's form cannot be compared with
   */
  static TimestampForm of(Object sample) {
    if (sample instanceof Integer || sample instanceof Long) {
      long value = ((Number) sample).longValue();
      return new Epoch(
          Math.abs(value) >= EPOCH_MILLIS_FROM ? ChronoUnit.MILLIS : ChronoUnit.SECONDS);
    }
    if (sample instanceof String text) {
      Matcher m = TEXT.matcher(text);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "holds '"
                + text
                + "', which is not a timestamp in the form YYYY-MM-DD HH:MM:SS[.fff] (space or T)");
      }
      char separator = m.group(1).charAt(0);
      String suffix = m.group(3);
      if (suffix.isEmpty()) {
        return new VariableText(separator);
      }
      if (!UTC_SUFFIXES.contains(suffix)) {
        throw new IllegalArgumentException(
            "holds '"
                + text
                + "'; SQLite compares text, so the cursor must be written in UTC (no offset, or"
                + " Z or +00:00)");
      }
      int digits = m.group(2) == null ? 0 : m.group(2).length();
      return new FixedText(separator, digits, suffix);
    }
    throw new IllegalArgumentException(
        "holds "
            + (sample == null ? "null" : sample.getClass().getSimpleName() + " " + sample)
            + "; keyset pages need text timestamps or integer epoch seconds or milliseconds");
  }

  /** {@code date + separator + time [+ '.' + digits]}, digits as given; ASCII digits always. */
  private static String text(Instant t, char separator, int digits) {
    LocalDateTime utc = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    String date =
        String.format(
            Locale.ROOT, "%04d-%02d-%02d", utc.getYear(), utc.getMonthValue(), utc.getDayOfMonth());
    String time =
        String.format(
            Locale.ROOT, "%02d:%02d:%02d", utc.getHour(), utc.getMinute(), utc.getSecond());
    if (digits == 0) {
      return date + separator + time;
    }
    String nanos = String.format(Locale.ROOT, "%09d", utc.getNano());
    return date + separator + time + '.' + nanos.substring(0, digits);
  }

  /** Text without a zone, any number of fraction digits. */
  record VariableText(char separator) implements TimestampForm {
    @Override
    public Object atOrAfter(Instant t) {
      String full = text(t, separator, 9);
      int end = full.length();
      while (full.charAt(end - 1) == '0') {
        end--;
      }
      return full.charAt(end - 1) == '.' ? full.substring(0, end - 1) : full.substring(0, end);
    }

    @Override
    public Object atOrBefore(Instant t) {
      return text(t, separator, 9);
    }

    @Override
    public boolean exact(Instant t) {
      return true;
    }
  }

  /** Text with a fixed number of fraction digits and a UTC suffix. */
  record FixedText(char separator, int digits, String suffix) implements TimestampForm {
    @Override
    public Object atOrAfter(Instant t) {
      return text(ceil(t), separator, digits) + suffix;
    }

    @Override
    public Object atOrBefore(Instant t) {
      return text(floor(t), separator, digits) + suffix;
    }

    @Override
    public boolean exact(Instant t) {
      return floor(t).equals(t);
    }

    private Instant floor(Instant t) {
      long unit = (long) Math.pow(10, 9 - digits);
      return t.minusNanos(t.getNano() % unit);
    }

    private Instant ceil(Instant t) {
      Instant down = floor(t);
      return down.equals(t) ? t : down.plusNanos((long) Math.pow(10, 9 - digits));
    }
  }

  /**
   * Text cursors compared in one spelling: {@code YYYY-MM-DD HH:MM:SS.fffffffff}, the separator a
   * space, nine fraction digits, no UTC suffix, so that text order is time order for every spelling
   * {@link #of} accepts. The page compares {@link #expression} of the column, which SQLite cannot
   * look up in an index on the column; {@link #day} gives the raw column a range by date that an
   * index serves, since every accepted spelling begins with its date.
   */
  static final class Normalised implements TimestampForm {
    private Normalised() {}

    @Override
    public Object atOrAfter(Instant t) {
      return text(t, ' ', 9);
    }

    @Override
    public Object atOrBefore(Instant t) {
      return text(t, ' ', 9);
    }

    @Override
    public boolean exact(Instant t) {
      return true;
    }

    /**
     * {@code column} in the normalised spelling: the date, a space, the time, then the fraction
     * (after the UTC suffix is cut off) padded with zeros to nine digits.
     */
    String expression(String column) {
      String c = column;
      String fraction =
          "CASE WHEN "
              + c
              + " LIKE '%Z' THEN substr("
              + c
              + ", 20, length("
              + c
              + ") - 20) WHEN "
              + c
              + " LIKE '%+00:00' THEN substr("
              + c
              + ", 20, length("
              + c
              + ") - 25) WHEN "
              + c
              + " LIKE '%+0000' THEN substr("
              + c
              + ", 20, length("
              + c
              + ") - 24) WHEN "
              + c
              + " LIKE '%+00' THEN substr("
              + c
              + ", 20, length("
              + c
              + ") - 22) ELSE substr("
              + c
              + ", 20) END";
      return "(substr("
          + c
          + ", 1, 10) || ' ' || substr("
          + c
          + ", 12, 8) || '.' || substr(substr("
          + fraction
          + ", 2) || '000000000', 1, 9))";
    }

    /** {@code YYYY-MM-DD} of {@code t} in UTC, plus {@code days}. */
    String day(Instant t, int days) {
      return text(t.plus(days, ChronoUnit.DAYS), ' ', 0).substring(0, 10);
    }

    /**
     * Why a value read from a page's cursor column cannot be compared in the normalised spelling,
     * or empty.
     */
    Optional<String> refusal(Object stored) {
      if (!(stored instanceof String)) {
        return Optional.of(
            "holds "
                + (stored == null ? "null" : stored.getClass().getSimpleName() + " " + stored)
                + " in a column of text timestamps");
      }
      try {
        of(stored);
        return Optional.empty();
      } catch (IllegalArgumentException e) {
        return Optional.of(e.getMessage());
      }
    }

    @Override
    public String toString() {
      return "NORMALISED";
    }
  }

  /** Integer epoch seconds or milliseconds. */
  record Epoch(ChronoUnit unit) implements TimestampForm {
    /** Seconds are whole seconds; milliseconds count as fine. */
    CursorPrecision precision() {
      return unit == ChronoUnit.SECONDS ? CursorPrecision.SECOND : CursorPrecision.FRACTION;
    }

    @Override
    public Object atOrAfter(Instant t) {
      long down = floor(t);
      return exact(t) ? down : down + 1;
    }

    @Override
    public Object atOrBefore(Instant t) {
      return floor(t);
    }

    @Override
    public boolean exact(Instant t) {
      return t.truncatedTo(unit).equals(t);
    }

    private long floor(Instant t) {
      return unit == ChronoUnit.MILLIS ? t.toEpochMilli() : t.getEpochSecond();
    }
  }
}
