package dev.sqlfeed.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.mirror.CanonicalJson;
import dev.sqlfeed.domain.mirror.MirrorRecord;
import dev.sqlfeed.domain.mirror.Resource;
import dev.sqlfeed.ports.SampleMirror;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalJsonParserTest {
  private static final long SEED = 0x5EEDL;

  @Test
  void theSampleTraitsComeBackByteForByte() {
    for (MirrorRecord record : SampleMirror.withEveryValue()) {
      if (record instanceof Resource r) {
        String json = CanonicalJson.write(r.traits());
        assertThat(CanonicalJson.write(CanonicalJsonParser.parse(json))).isEqualTo(json);
      }
    }
  }

  static LongStream seeds() {
    return new SplittableRandom(SEED).longs(200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomValuesComeBackByteForByte(long seed) {
    Object value = randomValue(new SplittableRandom(seed), 0);
    String json = CanonicalJson.write(value);

    assertThat(CanonicalJson.write(CanonicalJsonParser.parse(json)))
        .as("seed %d", seed)
        .isEqualTo(json);
  }

  @Test
  void numbersKeepTheirExactValue() {
    assertThat(CanonicalJsonParser.parse("[9007199254740993,-9223372036854775808]"))
        .isEqualTo(List.of(9_007_199_254_740_993L, Long.MIN_VALUE));
    assertThat(CanonicalJsonParser.parse("18446744073709551617"))
        .isEqualTo(new BigInteger("18446744073709551617"));
    assertThat(CanonicalJsonParser.parse("0.00000025")).isEqualTo(new BigDecimal("0.00000025"));
    assertThat(CanonicalJsonParser.parse("1.50")).isEqualTo(new BigDecimal("1.50"));
  }

  @Test
  void anyValidJsonIsRead() {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("b", List.of(true, false));
    expected.put("a", null);
    expected.put("s", "é\u2028/\"");

    assertThat(
            CanonicalJsonParser.parse(
                " { \"b\" : [ true , false ] ,\n\"a\":null,"
                    + "\"s\":\"\\u00e9\\u2028\\/\\\"\" } "))
        .isEqualTo(expected);
    assertThat(CanonicalJsonParser.parse("{}")).isEqualTo(Map.of());
    assertThat(CanonicalJsonParser.parse("[]")).isEqualTo(List.of());
    assertThat(CanonicalJsonParser.parse("\"\\ud83d\\ude00\"")).isEqualTo("😀");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "{",
        "[1,]",
        "\"abc",
        "tru",
        "1 2",
        "{\"a\" 1}",
        "-",
        "\"\\x\"",
        "[1",
        "{1:2}"
      })
  void textThatIsNotJsonIsRefused(String text) {
    assertThatThrownBy(() -> CanonicalJsonParser.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not JSON at offset");
  }

  private static Object randomValue(SplittableRandom random, int depth) {
    int kind = random.nextInt(depth > 3 ? 7 : 9);
    return switch (kind) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> random.nextLong();
      case 3 -> new BigInteger(130, new java.util.Random(random.nextLong())).negate();
      case 4 -> Double.longBitsToDouble(random.nextLong());
      case 5 -> random.nextInt(-1000, 1000) / 8.0;
      case 6 -> randomString(random);
      case 7 -> {
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          list.add(randomValue(random, depth + 1));
        }
        yield list;
      }
      default -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          map.put(randomString(random), randomValue(random, depth + 1));
        }
        yield map;
      }
    };
  }

  private static String randomString(SplittableRandom random) {
    StringBuilder s = new StringBuilder();
    for (int i = random.nextInt(8); i > 0; i--) {
      int range = random.nextInt(4);
      int codePoint =
          switch (range) {
            case 0 -> random.nextInt(0x80);
            case 1 -> random.nextInt(0x80, 0xD800);
            case 2 -> random.nextInt(0xE000, 0x10000);
            default -> random.nextInt(0x10000, 0x110000);
          };
      s.appendCodePoint(codePoint);
    }
    return s.toString();
  }
}
