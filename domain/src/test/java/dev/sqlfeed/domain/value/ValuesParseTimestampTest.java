package dev.sqlfeed.domain.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesParseTimestampTest {
  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        // ISO-8601 / RFC 3339
        "2026-01-31T13:45:00Z|2026-01-31T13:45:00Z",
        "2026-01-31t13:45:00z|2026-01-31T13:45:00Z",
        "2026-01-31T13:45:00.123456789Z|2026-01-31T13:45:00.123456789Z",
        "2026-01-31T13:45:00+02:00|2026-01-31T11:45:00Z",
        "2026-01-31T13:45:00.5-05:30|2026-01-31T19:15:00.5Z",
        "2026-01-31T13:45:00+0530|2026-01-31T08:15:00Z",
        "2026-01-31T13:45|2026-01-31T13:45:00Z",
        // SQL style with a space, as SQLite, MySQL and PostgreSQL write them
        "2026-01-31 13:45:00|2026-01-31T13:45:00Z",
        "2026-01-31 13:45:00.123|2026-01-31T13:45:00.123Z",
        "2026-01-31 13:45:00.123456|2026-01-31T13:45:00.123456Z",
        "2026-01-31 13:45:00.123456+00|2026-01-31T13:45:00.123456Z",
        "2026-01-31 13:45:00+01|2026-01-31T12:45:00Z",
        "2026-01-31 13:45:00 UTC|2026-01-31T13:45:00Z",
        "2026-01-31 13:45:00,5|2026-01-31T13:45:00.5Z",
        "`  2026-01-31 13:45:00  `|2026-01-31T13:45:00Z",
        // date only, DB2
        "2026-01-31|2026-01-31T00:00:00Z",
        "2026-01-31-13.45.00.000001|2026-01-31T13:45:00.000001Z",
        // epoch seconds and milliseconds, within baton-sql's bounds
        "1769867100|2026-01-31T13:45:00Z",
        "1769867100123|2026-01-31T13:45:00.123Z",
        "1|1970-01-01T00:00:01Z",
      })
  void parseTimestamp_acceptedForms(String text, String expected) {
    assertThat(Values.parseTimestamp(text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "yesterday",
        "2026-13-01",
        "2026-02-30 10:00:00",
        "2026-01-31T25:00:00Z",
        "2026-01-31T13:45:00.1234567891Z",
        "2026-01-31T13:45:00+25:00",
        "31/01/2026",
        "0",
        "-5",
        "5000000000",
        "99999999999999999999",
        "1769867100.5",
      })
  void parseTimestamp_badText_namesTheText(String text) {
    assertThatThrownBy(() -> Values.parseTimestamp(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a timestamp: '" + text + "'");
  }
}
