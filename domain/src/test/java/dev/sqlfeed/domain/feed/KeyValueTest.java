package dev.sqlfeed.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cel.common.values.NullValue;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyValueTest {
  @Test
  void longs_roundTripExactly_atTheEdgesOfDoublePrecisionAndLong() {
    for (long value : new long[] {0, 9_007_199_254_740_993L, Long.MAX_VALUE, Long.MIN_VALUE}) {
      KeyValue key = KeyValue.of(value);

      assertThat(key.type()).isEqualTo(KeyValue.Type.LONG);
      assertThat(key.text()).isEqualTo(Long.toString(value));
      assertThat(key.value()).isEqualTo(value);
      assertThat(KeyValue.fromWire(key.type().tag(), key.text())).isEqualTo(key);
    }
  }

  @Test
  void stringsStayStrings_evenWhenTheyAreDigits() {
    KeyValue digits = KeyValue.of("18446744073709551617");
    KeyValue empty = KeyValue.of("");

    assertThat(digits.type()).isEqualTo(KeyValue.Type.STRING);
    assertThat(digits.value()).isEqualTo("18446744073709551617");
    assertThat(KeyValue.fromWire("string", "007").value()).isEqualTo("007");
    assertThat(empty.value()).isEqualTo("");
  }

  @Test
  void otherTypes_roundTripToTheirNormalisedValue() {
    Instant t = Instant.parse("2026-11-25T10:00:00.000001Z");

    assertThat(KeyValue.of(0.1).value()).isEqualTo(0.1);
    assertThat(KeyValue.of(Double.NaN).value()).isEqualTo(Double.NaN);
    assertThat(KeyValue.of(true).value()).isEqualTo(true);
    assertThat((byte[]) KeyValue.of(new byte[] {0, -1, 7}).value()).containsExactly(0, -1, 7);
    assertThat(KeyValue.of(t).text()).isEqualTo("2026-11-25T10:00:00.000001Z");
    assertThat(KeyValue.of(t).value()).isEqualTo(t);
  }

  @Test
  void nullAndCompositeValues_areNotKeys() {
    assertThatThrownBy(() -> KeyValue.of(NullValue.NULL_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NULL");
    assertThatThrownBy(() -> KeyValue.of(List.of(1L))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void malformedWireText_isRejected() {
    assertThatThrownBy(() -> KeyValue.fromWire("long", "12.5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a long key");
    assertThatThrownBy(() -> KeyValue.fromWire("uuid", "x"))
        .hasMessageContaining("unknown key type tag");
    assertThatThrownBy(() -> KeyValue.fromWire("long", null)).hasMessageContaining("both");
    assertThat(KeyValue.fromWire(null, null)).isNull();
  }
}
