package dev.sqlfeed.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.value.Values;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * JDBC's date and time classes reach the domain as {@code java.time} values, with the meaning the
 * domain gives those: a timestamp without a zone is its wall clock taken as UTC, whatever the JVM's
 * zone; a date and a time become ISO strings.
 */
class JavaTimeTest {
  @Test
  void aTimestamp_isItsWallClock_takenAsUtcWhateverTheJvmZone() {
    TimeZone original = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
      LocalDateTime wallClock = LocalDateTime.of(2026, 1, 31, 13, 45, 0, 123_456_789);

      assertThat(JavaTime.of(Timestamp.valueOf(wallClock))).isEqualTo(wallClock);
      assertThat(Values.normalise(JavaTime.of(Timestamp.valueOf(wallClock))))
          .isEqualTo(Instant.parse("2026-01-31T13:45:00.123456789Z"));
    } finally {
      TimeZone.setDefault(original);
    }
  }

  @Test
  void aDateAndATime_becomeIsoStrings() {
    assertThat(JavaTime.of(java.sql.Date.valueOf("2026-01-31")))
        .isEqualTo(LocalDate.of(2026, 1, 31));
    assertThat(Values.normalise(JavaTime.of(java.sql.Date.valueOf("2026-01-31"))))
        .isEqualTo("2026-01-31");
    assertThat(JavaTime.of(Time.valueOf("13:45:00"))).isEqualTo(LocalTime.of(13, 45));
    assertThat(Values.normalise(JavaTime.of(Time.valueOf("13:45:00")))).isEqualTo("13:45:00");
  }

  @Test
  void everythingElse_staysAsItIs() {
    Object text = "2026-01-31";
    assertThat(JavaTime.of(text)).isSameAs(text);
    assertThat(JavaTime.of(null)).isNull();
  }
}
