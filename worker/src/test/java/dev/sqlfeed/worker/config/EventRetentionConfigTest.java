package dev.sqlfeed.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.config.EventRetention;
import dev.sqlfeed.domain.error.ConfigException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Binding the top-level {@code events.retention}: how long a worker keeps the app's events. */
class EventRetentionConfigTest {
  private static EventRetention load(String events) {
    return TestConfigs.celLoader()
        .load("c.yml", TestConfigs.MINIMAL + events)
        .config()
        .eventRetention();
  }

  @Test
  void withoutTheSection_everyEventIsKept() {
    assertThat(load("")).isEqualTo(EventRetention.KEEP_ALL);
    assertThat(load("").prunes()).isFalse();
  }

  @Test
  void anAgeACountOrBoth() {
    assertThat(load("events:\n  retention:\n    max_age: 720h\n"))
        .isEqualTo(new EventRetention(Optional.of(Duration.ofDays(30)), OptionalLong.empty()));
    assertThat(load("events:\n  retention:\n    max_events: 100000\n"))
        .isEqualTo(new EventRetention(Optional.empty(), OptionalLong.of(100_000)));
    assertThat(load("events:\n  retention: {max_age: 24h, max_events: 5}\n"))
        .isEqualTo(new EventRetention(Optional.of(Duration.ofHours(24)), OptionalLong.of(5)));
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of(
            "events:\n  retention:\n    max_age: 0s\n",
            "events.retention.max_age: must be greater than zero"),
        Arguments.of(
            "events:\n  retention:\n    max_age: -1h\n",
            "events.retention.max_age: must not be negative"),
        Arguments.of(
            "events:\n  retention:\n    max_age: monthly\n",
            "events.retention.max_age: invalid duration 'monthly'"),
        Arguments.of(
            "events:\n  retention:\n    max_events: 0\n",
            "events.retention.max_events: must be at least 1, found 0"),
        Arguments.of(
            "events:\n  retention:\n    max_events: many\n",
            "events.retention.max_events: expected an integer"),
        Arguments.of(
            "events:\n  retention: {}\n", "events.retention: needs max_age, max_events or both"),
        Arguments.of(
            "events:\n  retention:\n    max_count: 5\n",
            "events.retention.max_count: unknown key 'max_count'"),
        Arguments.of("events:\n  keep: 5\n", "events.keep: unknown key 'keep'"));
  }

  @ParameterizedTest
  @MethodSource("mistakes")
  void aMistake_isAnErrorThatNamesItsPath(String events, String message) {
    assertThatThrownBy(() -> load(events))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .asString()
                    .startsWith("c.yml:")
                    .contains(message));
  }
}
