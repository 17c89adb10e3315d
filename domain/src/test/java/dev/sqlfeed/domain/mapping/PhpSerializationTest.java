package dev.sqlfeed.domain.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhpSerializationTest {
  // baton-sql's php_deserialize_test.go.
  @Test
  void stringKeys_batonSqlCases() {
    assertThat(PhpSerialization.stringKeys("a:1:{s:13:\"administrator\";b:1;}"))
        .containsExactly("administrator");
    assertThat(PhpSerialization.stringKeys("a:1:{s:6:\"editor\";b:1;}")).containsExactly("editor");
    assertThat(PhpSerialization.stringKeys("a:1:{s:10:\"subscriber\";b:1;}"))
        .containsExactly("subscriber");
    assertThat(PhpSerialization.stringKeys("a:1:{s:11:\"contributor\";b:1;}"))
        .containsExactly("contributor");
    assertThat(PhpSerialization.stringKeys("a:0:{}")).isEmpty();
    assertThatThrownBy(() -> PhpSerialization.stringKeys("foobar"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stringKeys_keepOrderOfAppearanceAndSkipIntegerKeysAndValues() {
    String text =
        "a:4:{s:5:\"zebra\";b:0;i:0;s:7:\"ignored\";s:5:\"apple\";a:1:{s:1:\"x\";N;}"
            + "s:4:\"pear\";d:1.5;}";

    assertThat(PhpSerialization.stringKeys(text)).containsExactly("zebra", "apple", "pear");
  }

  @Test
  void stringKeys_lengthsCountUtf8Bytes() {
    assertThat(PhpSerialization.stringKeys("a:1:{s:6:\"rédac\";b:1;}")).containsExactly("rédac");
  }

  @Test
  void stringKeys_objectNotation_readsItsProperties() {
    assertThat(PhpSerialization.stringKeys("O:8:\"stdClass\":1:{s:5:\"admin\";b:1;}"))
        .containsExactly("admin");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "s:3:\"foo\";", "a:1:{s:13:\"admin\";b:1;}", "a:2:{s:1:\"a\";b:1;}"})
  void stringKeys_malformed_throws(String text) {
    assertThatThrownBy(() -> PhpSerialization.stringKeys(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a serialized PHP array");
  }

  @Test
  void serializeSet_sortsRemovesDuplicatesAndCountsBytes() {
    assertThat(PhpSerialization.serializeSet(List.of("subscriber", "administrator", "subscriber")))
        .isEqualTo("a:2:{s:13:\"administrator\";b:1;s:10:\"subscriber\";b:1;}");
    assertThat(PhpSerialization.serializeSet(List.of("rédac")))
        .isEqualTo("a:1:{s:6:\"rédac\";b:1;}");
    assertThat(PhpSerialization.serializeSet(List.of())).isEqualTo("a:0:{}");
  }
}
