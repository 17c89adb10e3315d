package dev.sqlfeed.domain.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cel.common.values.NullValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
  @Test
  void topLevelKeepsItsOrder_nestedMapsAreSorted_whateverTheirType() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("z", 1L);
    nested.put("a", List.of(Map.of("y", true, "b", "x")));
    Map<String, Object> top = new LinkedHashMap<>();
    top.put("second", nested);
    top.put("first", NullValue.NULL_VALUE);

    assertThat(CanonicalJson.write(top))
        .isEqualTo("{\"second\":{\"a\":[{\"b\":\"x\",\"y\":true}],\"z\":1},\"first\":null}");
  }

  @Test
  void aMapWithAComparatorOrKeysThatAreNotStrings_isSortedByTheKeysText() {
    Map<String, Object> reversed = new TreeMap<>(java.util.Comparator.reverseOrder());
    reversed.put("a", 1L);
    reversed.put("b", 2L);
    Map<Object, Object> numbers = new TreeMap<>();
    numbers.put(10L, "ten");
    numbers.put(9L, "nine");

    assertThat(CanonicalJson.write(List.of(reversed, numbers)))
        .isEqualTo("[{\"a\":1,\"b\":2},{\"10\":\"ten\",\"9\":\"nine\"}]");
  }

  @Test
  void strings_escapeQuotesBackslashesControlsAndLineSeparators_andCopyTheRest() {
    assertThat(CanonicalJson.write("plain é")).isEqualTo("\"plain é\"");
    assertThat(CanonicalJson.write("a\"b\\c\nd\u0001e\u2028"))
        .isEqualTo("\"a\\\"b\\\\c\\nd\\u0001e\\u2028\"");
  }

  @Test
  void freeze_sortsEveryLevel_dropsCelNull_andCannotBeChanged() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("b", NullValue.NULL_VALUE);
    inner.put("a", "x");
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("z", inner);
    outer.put("y", List.of(inner));

    Map<String, Object> frozen = CanonicalJson.freeze(outer);

    assertThat(frozen.keySet()).containsExactly("y", "z");
    assertThat(CanonicalJson.write(frozen))
        .isEqualTo("{\"y\":[{\"a\":\"x\",\"b\":null}],\"z\":{\"a\":\"x\",\"b\":null}}");
    assertThatThrownBy(() -> frozen.put("x", 1L)).isInstanceOf(UnsupportedOperationException.class);
  }
}
