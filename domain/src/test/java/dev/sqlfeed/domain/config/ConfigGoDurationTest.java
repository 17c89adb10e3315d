package dev.sqlfeed.domain.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigGoDurationTest {
  @ParameterizedTest
  @CsvSource({
    "3h, PT3H",
    "90s, PT1M30S",
    "500ms, PT0.5S",
    "1h30m, PT1H30M",
    "1.5h, PT1H30M",
    "2h45m30.5s, PT2H45M30.5S",
    "0, PT0S",
    "+10m, PT10M",
    "-3h, PT-3H",
    "250us, PT0.00025S",
    "7ns, PT0.000000007S"
  })
  void parsesGoDurations(String text, Duration expected) {
    assertThat(GoDuration.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "30 | '30' has no unit",
        "3x | unknown unit 'x'",
        "3d | unknown unit 'd'",
        "h | expected a number at 'h'",
        "1..5h | expected a number at '1..5h'",
        "\"\" | it is empty"
      })
  void rejectsWhatGoRejectsAndSaysWhy(String text, String why) {
    assertThatThrownBy(() -> GoDuration.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid duration '"
                + text
                + "': "
                + why
                + " (use Go's form, such as 3h, 90s, 500ms or 1h30m)");
  }

  @ParameterizedTest
  @CsvSource({
    "PT3H, 3h0m0s",
    "PT1M30S, 1m30s",
    "PT0.5S, 500ms",
    "PT0S, 0s",
    "PT1H0.25S, 1h0m0.25s"
  })
  void formatsAsGoPrints(Duration d, String expected) {
    assertThat(GoDuration.format(d)).isEqualTo(expected);
    assertThat(GoDuration.parse(expected)).isEqualTo(d);
  }
}
