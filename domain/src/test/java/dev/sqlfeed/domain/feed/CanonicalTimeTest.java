package dev.sqlfeed.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalTimeTest {
  @ParameterizedTest
  @CsvSource({
    "2026-11-25T10:00:00Z,            2026-11-25T10:00:00Z",
    "2026-11-25T10:00:00.100Z,        2026-11-25T10:00:00.1Z",
    "2026-11-25T10:00:00.123456Z,     2026-11-25T10:00:00.123456Z",
    "2026-11-25T10:00:00.123456789Z,  2026-11-25T10:00:00.123456789Z",
    "2026-11-25T10:00:00.000000001Z,  2026-11-25T10:00:00.000000001Z",
    "2026-11-25T10:00:00.120Z,        2026-11-25T10:00:00.12Z",
    "1970-01-01T00:00:00Z,            1970-01-01T00:00:00Z",
    "0001-01-01T00:00:00Z,            0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59.999999999Z,  9999-12-31T23:59:59.999999999Z",
  })
  void format_writesGoRfc3339NanoWithTrailingZerosTrimmed(String instant, String expected) {
    assertThat(CanonicalTime.format(Instant.parse(instant))).isEqualTo(expected);
  }

  @Test
  void format_differsFromInstantToStringWhereThatPadsTheFraction() {
    Instant t = Instant.parse("2026-11-25T10:00:00.1Z");

    assertThat(t.toString()).isEqualTo("2026-11-25T10:00:00.100Z");
    assertThat(CanonicalTime.format(t)).isEqualTo("2026-11-25T10:00:00.1Z");
  }

  @Test
  void format_writesTheInstantInUtc() {
    Instant t = Instant.parse("2026-11-25T23:30:00+02:00");

    assertThat(CanonicalTime.format(t)).isEqualTo("2026-11-25T21:30:00Z");
  }

  @Test
  void parse_readsFractionsOfAnyLengthAndOffsets() {
    assertThat(CanonicalTime.parse("2026-11-25T10:00:00.1Z"))
        .isEqualTo(Instant.parse("2026-11-25T10:00:00.100Z"));
    assertThat(CanonicalTime.parse("2026-11-25T12:00:00.5+02:00"))
        .isEqualTo(Instant.parse("2026-11-25T10:00:00.5Z"));
    assertThat(CanonicalTime.parse("2026-11-25T10:00:00-01:30"))
        .isEqualTo(Instant.parse("2026-11-25T11:30:00Z"));
  }

  @Test
  void parse_rejectsWhatGoRejects() {
    for (String bad :
        new String[] {
          "2026-11-25 10:00:00Z",
          "2026-11-25T10:00:00",
          "2026-11-25T10:00Z",
          "2026-11-25T10:00:00.1234567890Z",
          "2026-13-25T10:00:00Z",
          "2026-11-25T10:00:00+0200",
          ""
        }) {
      assertThatThrownBy(() -> CanonicalTime.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not an RFC 3339 timestamp");
    }
  }

  @Test
  void formatThenParse_givesTheSameInstant_forSeededRandomInstants() {
    long seed = 20261125L;
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 10_000; i++) {
      Instant t =
          Instant.ofEpochSecond(
              random.nextLong(-62_135_596_800L, 253_402_300_800L), random.nextInt(1_000_000_000));
      String text = CanonicalTime.format(t);

      assertThat(CanonicalTime.parse(text)).as("seed %d, %s", seed, text).isEqualTo(t);
      assertThat(text).as("seed %d", seed).doesNotMatch(".*\\.\\d*0Z").endsWith("Z");
    }
  }
}
