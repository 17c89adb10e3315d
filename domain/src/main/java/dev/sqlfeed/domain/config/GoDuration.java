package dev.sqlfeed.domain.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * Durations in Go's {@code time.ParseDuration} form, which baton-sql uses: a sequence of decimal
 * numbers, each with a unit, such as {@code 3h}, {@code 90s}, {@code 500ms}, {@code 1h30m} or
 * {@code 1.5h}. Units: {@code ns}, {@code us} (or {@code µs}), {@code ms}, {@code s}, {@code m},
 * {@code h}. A bare {@code 0} is allowed; every other number needs a unit.
 */
public final class GoDuration {
  private static final Map<String, Long> NANOS_PER_UNIT =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "µs", 1_000L,
          "μs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private GoDuration() {}

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException with a message that says what is wrong and shows the form
   */
  public static Duration parse(String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      throw invalid(text, "it is empty");
    }
    boolean negative = false;
    int i = 0;
    if (s.charAt(0) == '-' || s.charAt(0) == '+') {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    if (s.substring(i).equals("0")) {
      return Duration.ZERO;
    }
    if (i == s.length()) {
      throw invalid(text, "it has no number");
    }
    BigDecimal nanos = BigDecimal.ZERO;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      String number = s.substring(start, i);
      if (number.isEmpty()
          || number.equals(".")
          || number.indexOf('.') != number.lastIndexOf('.')) {
        throw invalid(text, "expected a number at '" + s.substring(start) + "'");
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      String unit = s.substring(unitStart, i);
      if (unit.isEmpty()) {
        throw invalid(text, "'" + number + "' has no unit");
      }
      Long factor = NANOS_PER_UNIT.get(unit);
      if (factor == null) {
        throw invalid(text, "unknown unit '" + unit + "'");
      }
      nanos = nanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(factor)));
    }
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw invalid(text, "it is too long");
    }
    Duration d = Duration.ofNanos(nanos.longValue());
    return negative ? d.negated() : d;
  }

  /** Formats a duration the way Go prints it, for example {@code 1h30m0s} or {@code 500ms}. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    String sign = d.isNegative() ? "-" : "";
    Duration a = d.abs();
    if (a.compareTo(Duration.ofSeconds(1)) < 0) {
      long n = a.toNanos();
      if (n % 1_000_000 == 0) {
        return sign + n / 1_000_000 + "ms";
      }
      if (n % 1_000 == 0) {
        return sign + n / 1_000 + "µs";
      }
      return sign + n + "ns";
    }
    StringBuilder b = new StringBuilder(sign);
    long hours = a.toHours();
    if (hours > 0) {
      b.append(hours).append('h');
    }
    long minutes = a.toMinutesPart();
    if (hours > 0 || minutes > 0) {
      b.append(minutes).append('m');
    }
    BigDecimal seconds =
        BigDecimal.valueOf(a.toSecondsPart())
            .add(BigDecimal.valueOf(a.toNanosPart(), 9))
            .stripTrailingZeros();
    b.append(seconds.toPlainString()).append('s');
    return b.toString();
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException(
        "invalid duration '"
            + text
            + "': "
            + why
            + " (use Go's form, such as 3h, 90s, 500ms or 1h30m)");
  }
}
