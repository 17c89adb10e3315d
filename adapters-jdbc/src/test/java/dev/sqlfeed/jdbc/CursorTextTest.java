package dev.sqlfeed.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The store's cursor text, written by hand, is the text its formatter writes. */
class CursorTextTest {
  private static final DateTimeFormatter FORMATTER =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  @Test
  void cursorText_isTheFormattersText_forRandomInstants_andTheEdges() {
    long seed = 20261204L;
    SplittableRandom random = new SplittableRandom(seed);
    long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 100_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(random.nextLong(min, max + 1), random.nextInt(1_000_000_000));
      assertThat(EventLogSchema.cursorText(instant))
          .as("seed %d: %s", seed, instant)
          .isEqualTo(FORMATTER.format(instant));
    }
    for (String edge :
        new String[] {
          "0001-01-01T00:00:00Z",
          "9999-12-31T23:59:59.999999999Z",
          "1970-01-01T00:00:00Z",
          "1969-12-31T23:59:59.000000001Z",
          "2026-12-04T17:41:41.835095Z",
          "+10000-01-01T00:00:00Z",
          "-0001-06-01T12:00:00Z"
        }) {
      Instant instant = Instant.parse(edge);
      assertThat(EventLogSchema.cursorText(instant)).isEqualTo(FORMATTER.format(instant));
    }
  }
}
