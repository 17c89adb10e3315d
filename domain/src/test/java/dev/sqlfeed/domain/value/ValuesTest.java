package dev.sqlfeed.domain.value;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.values.NullValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValuesTest {
  @Test
  void sqlNull_becomesCelNull() {
    assertThat(Values.normalise(null)).isSameAs(NullValue.NULL_VALUE);
  }

  @Test
  void smallIntegers_becomeLong() {
    assertThat(Values.normalise(7)).isEqualTo(7L);
    assertThat(Values.normalise((short) -3)).isEqualTo(-3L);
    assertThat(Values.normalise((byte) 1)).isEqualTo(1L);
    assertThat(Values.normalise(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void integerAboveTwoToThe53_staysExact() {
    long value = (1L << 53) + 1;

    assertThat(Values.normalise(value)).isEqualTo(9007199254740993L);
    assertThat(Values.normalise(BigInteger.valueOf(value))).isEqualTo(9007199254740993L);
    assertThat(Values.normalise(new BigDecimal("9007199254740993"))).isEqualTo(9007199254740993L);
  }

  @Test
  void bigIntegerBeyondLong_becomesItsExactDigits() {
    assertThat(Values.normalise(new BigInteger("18446744073709551616")))
        .isEqualTo("18446744073709551616");
    assertThat(Values.normalise(new BigInteger("-9223372036854775809")))
        .isEqualTo("-9223372036854775809");
    assertThat(Values.normalise(BigInteger.valueOf(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "42, 42",
    "42.000, 42",
    "4.2E+1, 42",
    "0.00, 0",
    "-17, -17",
    "9223372036854775807, 9223372036854775807",
  })
  void integralBigDecimal_becomesLong(String decimal, long expected) {
    assertThat(Values.normalise(new BigDecimal(decimal))).isEqualTo(expected);
  }

  @Test
  void integralBigDecimalBeyondLong_becomesItsExactDigits() {
    assertThat(Values.normalise(new BigDecimal("1E+30")))
        .isEqualTo("1000000000000000000000000000000");
    assertThat(Values.normalise(new BigDecimal("9223372036854775808.00")))
        .isEqualTo("9223372036854775808");
  }

  @Test
  void fractionalNumbers_becomeDouble() {
    assertThat(Values.normalise(new BigDecimal("12.50"))).isEqualTo(12.5);
    assertThat(Values.normalise(0.1f)).isEqualTo(0.1);
    assertThat(Values.normalise(2.5)).isEqualTo(2.5);
    assertThat(Values.normalise(Double.NaN)).isEqualTo(Double.NaN);
  }

  @Test
  void timestampWithoutZone_isTakenAsUtcWhateverTheJvmZone() {
    TimeZone original = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
      LocalDateTime wallClock = LocalDateTime.of(2026, 1, 31, 13, 45, 0, 123_456_789);

      assertThat(Values.normalise(wallClock))
          .isEqualTo(Instant.parse("2026-01-31T13:45:00.123456789Z"));
    } finally {
      TimeZone.setDefault(original);
    }
  }

  @Test
  void zonedTimes_becomeTheInstantTheyDenote() {
    Instant instant = Instant.parse("2026-01-31T11:45:00Z");

    assertThat(
            Values.normalise(OffsetDateTime.of(2026, 1, 31, 13, 45, 0, 0, ZoneOffset.ofHours(2))))
        .isEqualTo(instant);
    assertThat(
            Values.normalise(
                ZonedDateTime.of(2026, 1, 31, 12, 45, 0, 0, ZoneId.of("Europe/Paris"))))
        .isEqualTo(instant);
    assertThat(Values.normalise(Date.from(instant))).isEqualTo(instant);
    assertThat(Values.normalise(instant)).isSameAs(instant);
  }

  @Test
  void datesAndTimes_becomeIsoStrings() {
    assertThat(Values.normalise(LocalDate.of(2026, 1, 31))).isEqualTo("2026-01-31");
    assertThat(Values.normalise(LocalTime.of(13, 45))).isEqualTo("13:45:00");
    assertThat(Values.normalise(LocalTime.of(13, 45, 0, 500_000_000))).isEqualTo("13:45:00.5");
    assertThat(Values.normalise(OffsetTime.of(13, 45, 0, 0, ZoneOffset.ofHours(1))))
        .isEqualTo("13:45:00+01:00");
  }

  @Test
  void otherScalars() {
    UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    byte[] bytes = {1, 2, 3};

    assertThat(Values.normalise(uuid)).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
    assertThat(Values.normalise(bytes)).isSameAs(bytes);
    assertThat(Values.normalise(true)).isEqualTo(true);
    assertThat(Values.normalise("text")).isEqualTo("text");
    assertThat(Values.normalise('x')).isEqualTo("x");
    assertThat(Values.normalise(new StringBuilder("built"))).isEqualTo("built");
  }

  @Test
  void listsAndArrays_areNormalisedElementWise() {
    assertThat(Values.normalise(Arrays.asList(1, null, "a", new BigDecimal("2.50"))))
        .isEqualTo(List.of(1L, NullValue.NULL_VALUE, "a", 2.5));
    assertThat(Values.normalise(new int[] {1, 2})).isEqualTo(List.of(1L, 2L));
    assertThat(Values.normalise(new String[] {"x", null}))
        .isEqualTo(List.of("x", NullValue.NULL_VALUE));
  }

  @Test
  void maps_getStringKeysAndNormalisedValues() {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put(1, (short) 2);
    map.put("k", null);

    assertThat(Values.normalise(map)).isEqualTo(Map.of("1", 2L, "k", NullValue.NULL_VALUE));
  }

  @Test
  void normalisingTwice_changesNothing() {
    Object[] samples = {
      null,
      5,
      new BigInteger("123456789012345678901234567890"),
      new BigDecimal("1.25"),
      LocalDateTime.of(2026, 1, 31, 0, 0),
      LocalDate.of(2026, 1, 31),
      Arrays.asList(1, "a"),
      Map.of("a", 1)
    };
    for (Object sample : samples) {
      Object once = Values.normalise(sample);
      assertThat(Values.normalise(once)).as("%s", sample).isEqualTo(once);
    }
  }

  @Test
  void integers_ofAnySize_stayExact() {
    long seed = 20260131L;
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 5_000; i++) {
      BigInteger value =
          new BigInteger(1 + random.nextInt(100), new java.util.Random(random.nextLong()));
      if (random.nextBoolean()) {
        value = value.negate();
      }
      Object fromInteger = Values.normalise(value);
      Object fromDecimal = Values.normalise(new BigDecimal(value).setScale(random.nextInt(4)));
      String expected = value.toString();
      assertThat(String.valueOf(fromInteger))
          .as("seed %d, value %s", seed, value)
          .isEqualTo(expected);
      assertThat(fromDecimal).as("seed %d, value %s", seed, value).isEqualTo(fromInteger);
      assertThat(fromInteger)
          .as("seed %d, value %s", seed, value)
          .isInstanceOf(value.bitLength() < 64 ? Long.class : String.class);
    }
  }
}
