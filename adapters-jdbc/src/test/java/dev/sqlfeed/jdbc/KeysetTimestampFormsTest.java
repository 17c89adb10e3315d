package dev.sqlfeed.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How instants are bound per product, and the SQLite forms a cursor column can take. */
class KeysetTimestampFormsTest {
  private static final Instant T = Instant.parse("2026-03-04T05:06:07.120000Z");

  @Test
  void postgresGetsAZonedValueOthersTheUtcWallClock() {
    assertThat(TimestampForm.typed(Product.POSTGRES).atOrAfter(T))
        .isEqualTo(OffsetDateTime.of(2026, 3, 4, 5, 6, 7, 120_000_000, ZoneOffset.UTC));
    for (Product p : new Product[] {Product.MYSQL, Product.H2, Product.SQLSERVER, Product.ORACLE}) {
      assertThat(TimestampForm.typed(p).atOrBefore(T))
          .isEqualTo(LocalDateTime.of(2026, 3, 4, 5, 6, 7, 120_000_000));
    }
  }

  @Test
  void aLowerBoundRoundsUpToMicrosecondsAnUpperBoundDown() {
    TimestampForm form = TimestampForm.typed(Product.MYSQL);
    Instant t = T.plusNanos(1);

    assertThat(form.atOrAfter(t)).isEqualTo(LocalDateTime.of(2026, 3, 4, 5, 6, 7, 120_001_000));
    assertThat(form.atOrBefore(t)).isEqualTo(LocalDateTime.of(2026, 3, 4, 5, 6, 7, 120_000_000));
    assertThat(form.exact(t)).isFalse();
    assertThat(form.exact(T)).isTrue();
  }

  @Test
  void sqliteTextIsBoundTrimmedAsTheLeastFormAndPaddedAsTheGreatest() {
    TimestampForm form = SqliteTimestamps.DEFAULT;

    assertThat(form.atOrAfter(T)).isEqualTo("2026-03-04 05:06:07.12");
    assertThat(form.atOrBefore(T)).isEqualTo("2026-03-04 05:06:07.120000000");
    assertThat(form.atOrAfter(Instant.parse("2026-03-04T05:06:07Z")))
        .isEqualTo("2026-03-04 05:06:07");
    // What SQLite's strftime('%f') writes sorts between the two, so it counts as the same instant.
    assertThat("2026-03-04 05:06:07.120")
        .isBetween("2026-03-04 05:06:07.12", "2026-03-04 05:06:07.120000000");
  }

  @ParameterizedTest
  @CsvSource({
    "2026-03-04 05:06:07, 2026-03-04 05:06:07.12, 2026-03-04 05:06:07.120000000",
    "2026-03-04 05:06:07.000, 2026-03-04 05:06:07.12, 2026-03-04 05:06:07.120000000",
    "2026-03-04T05:06:07.5, 2026-03-04T05:06:07.12, 2026-03-04T05:06:07.120000000",
    "2026-03-04T05:06:07.123Z, 2026-03-04T05:06:07.120Z, 2026-03-04T05:06:07.120Z",
    "2026-03-04T05:06:07Z, 2026-03-04T05:06:08Z, 2026-03-04T05:06:07Z",
    "2026-03-04 05:06:07.000000+00:00, 2026-03-04 05:06:07.120000+00:00,"
        + " 2026-03-04 05:06:07.120000+00:00",
  })
  void aSqliteTextColumnIsBoundInTheFormOfItsValues(String sample, String least, String greatest) {
    TimestampForm form = SqliteTimestamps.of(sample);

    assertThat(form.atOrAfter(T)).isEqualTo(least);
    assertThat(form.atOrBefore(T)).isEqualTo(greatest);
  }

  @Test
  void aSqliteIntegerColumnIsEpochSecondsOrMilliseconds() {
    TimestampForm seconds = SqliteTimestamps.of(1_700_000_000);
    TimestampForm millis = SqliteTimestamps.of(1_700_000_000_000L);

    assertThat(seconds.atOrAfter(T)).isEqualTo(T.getEpochSecond() + 1);
    assertThat(seconds.atOrBefore(T)).isEqualTo(T.getEpochSecond());
    assertThat(millis.atOrAfter(T)).isEqualTo(T.toEpochMilli());
    assertThat(millis.exact(T)).isTrue();
    assertThat(seconds.exact(T)).isFalse();
  }

  @Test
  void sqliteValuesThatTextOrderCannotCompareAreRefusedWithTheReason() {
    assertThatThrownBy(() -> SqliteTimestamps.of("2026-03-04 05:06:07+02:00"))
        .hasMessageContaining("UTC");
    assertThatThrownBy(() -> SqliteTimestamps.of("2026-03-04"))
        .hasMessageContaining("not a timestamp in the form");
    assertThatThrownBy(() -> SqliteTimestamps.of(2460000.5)).hasMessageContaining("Double");
  }
}
