package dev.sqlfeed.domain.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.config.bind.Problem;
import dev.sqlfeed.domain.config.tree.Location;
import dev.sqlfeed.domain.config.tree.ScalarNode;
import org.junit.jupiter.api.Test;

class ConfigTreeTest {
  private static Location loc(int line, int column) {
    return new Location("c.yml", line, column);
  }

  @Test
  void aQuotedScalarLocatesInsideItsQuotes() {
    ScalarNode s =
        new ScalarNode(".id +", ScalarNode.Style.DOUBLE_QUOTED, loc(9, 13), loc(9, 14), 0);

    assertThat(s.locate(1, 6)).isEqualTo(loc(9, 19));
  }

  @Test
  void aBlockScalarLocatesLaterLinesAtItsIndentation() {
    ScalarNode s =
        new ScalarNode("a +\n  b +)\n", ScalarNode.Style.LITERAL, loc(3, 16), loc(4, 11), 11);

    assertThat(s.locate(1, 3)).isEqualTo(loc(4, 13));
    assertThat(s.locate(2, 7)).isEqualTo(loc(5, 17));
  }

  @Test
  void onlyUnquotedNullWordsAreNull() {
    assertThat(ScalarNode.plain("~", loc(1, 1)).isNull()).isTrue();
    assertThat(ScalarNode.plain("", loc(1, 1)).isNull()).isTrue();
    assertThat(
            new ScalarNode("null", ScalarNode.Style.SINGLE_QUOTED, loc(1, 1), loc(1, 2), 0)
                .isNull())
        .isFalse();
  }

  @Test
  void locationsAreOneBasedAndPrintAsFileLineColumn() {
    assertThat(loc(42, 9)).hasToString("c.yml:42:9");
    assertThatThrownBy(() -> new Location("c.yml", 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aProblemPrintsFileLineColumnPathAndMessage() {
    Problem p =
        new Problem(
            loc(42, 9),
            "resource_types.user.list.query",
            "uses ?<since>, which a list query may not use");

    assertThat(p.format())
        .isEqualTo(
            "c.yml:42:9: resource_types.user.list.query: uses ?<since>, which a list query may not use");
    assertThat(new Problem(loc(1, 1), "", "the config is empty").format())
        .isEqualTo("c.yml:1:1: the config is empty");
  }
}
