package dev.sqlfeed.domain.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.config.bind.KeyHints;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigKeyHintsTest {
  private static final List<String> KEYS =
      List.of("query", "vars", "pagination", "map", "scope", "primary_key", "display_name");

  @ParameterizedTest
  @CsvSource({
    "querry, query",
    "qeury, query",
    "paginaton, pagination",
    "Map, map",
    "primarykey, primary_key",
    "display-name, display_name",
    "var, vars"
  })
  void aLikelyTypoGetsTheIntendedKey(String typo, String intended) {
    assertThat(KeyHints.closest(typo, KEYS)).contains(intended);
  }

  @Test
  void aWordFarFromEveryKeyGetsNoHint() {
    assertThat(KeyHints.closest("colour", KEYS)).isEmpty();
    assertThat(KeyHints.closest("sql", KEYS)).isEmpty();
  }

  @Test
  void swappingTwoNeighbouringLettersCostsOne() {
    assertThat(KeyHints.distance("qeury", "query")).isEqualTo(1);
    assertThat(KeyHints.distance("query", "query")).isZero();
    assertThat(KeyHints.distance("", "map")).isEqualTo(3);
  }
}
