package dev.sqlfeed.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.config.tree.Location;
import dev.sqlfeed.domain.config.tree.MappingNode;
import dev.sqlfeed.domain.config.tree.ScalarNode;
import dev.sqlfeed.domain.config.tree.SequenceNode;
import dev.sqlfeed.domain.config.tree.YamlNode;
import dev.sqlfeed.domain.error.ConfigException;
import org.junit.jupiter.api.Test;

class ConfigYamlReaderTest {
  private final YamlTreeReader reader = new YamlTreeReader();

  private MappingNode read(String yaml) {
    return (MappingNode) reader.read("t.yml", yaml);
  }

  @Test
  void keysAndValuesKeepTheirLineAndColumn() {
    MappingNode root = read("app_name: Demo\nconnect:\n  dsn: 'sqlite:x.db'\n  user: \"u\"\n");

    MappingNode connect = (MappingNode) root.get("connect").orElseThrow();
    MappingNode.Entry dsn = connect.entry("dsn").orElseThrow();
    assertThat(root.entry("connect").orElseThrow().keyLocation()).isEqualTo(loc(2, 1));
    assertThat(connect.location()).isEqualTo(loc(3, 3));
    assertThat(dsn.keyLocation()).isEqualTo(loc(3, 3));
    ScalarNode value = (ScalarNode) dsn.value();
    assertThat(value.text()).isEqualTo("sqlite:x.db");
    assertThat(value.style()).isEqualTo(ScalarNode.Style.SINGLE_QUOTED);
    assertThat(value.location()).isEqualTo(loc(3, 8));
    assertThat(value.contentStart()).isEqualTo(loc(3, 9));
  }

  @Test
  void scalarsKeepTheirTextAndWhetherTheyAreNull() {
    MappingNode root = read("a: 5432\nb: true\nc:\nd: ~\ne: 'null'\nf: null\n");

    assertThat(((ScalarNode) root.get("a").orElseThrow()).text()).isEqualTo("5432");
    assertThat(((ScalarNode) root.get("b").orElseThrow()).text()).isEqualTo("true");
    assertThat(((ScalarNode) root.get("c").orElseThrow()).isNull()).isTrue();
    assertThat(((ScalarNode) root.get("d").orElseThrow()).isNull()).isTrue();
    assertThat(((ScalarNode) root.get("e").orElseThrow()).isNull()).isFalse();
    assertThat(((ScalarNode) root.get("f").orElseThrow()).isNull()).isTrue();
  }

  @Test
  void aLiteralBlockScalarMapsInnerPositionsToTheFile() {
    MappingNode root = read("q: |\n  SELECT 1\n    FROM t\n");

    ScalarNode q = (ScalarNode) root.get("q").orElseThrow();
    assertThat(q.text()).isEqualTo("SELECT 1\n  FROM t\n");
    assertThat(q.location()).isEqualTo(loc(1, 4));
    assertThat(q.locate(1, 8)).isEqualTo(loc(2, 10));
    assertThat(q.locate(2, 3)).isEqualTo(loc(3, 5));
  }

  @Test
  void sequencesKeepTheirItemsInOrder() {
    MappingNode root = read("emails:\n  - \".a\"\n  - \".b\"\n");

    SequenceNode emails = (SequenceNode) root.get("emails").orElseThrow();
    assertThat(emails.items()).extracting(i -> ((ScalarNode) i).text()).containsExactly(".a", ".b");
    assertThat(emails.items().get(1).location()).isEqualTo(loc(3, 5));
  }

  @Test
  void anchorsAliasesAndMergeKeysWorkAsInYaml() {
    MappingNode root =
        read(
            "base: &b\n  strategy: offset\n  primary_key: id\nother:\n  <<: *b\n  primary_key: key\n");

    MappingNode other = (MappingNode) root.get("other").orElseThrow();
    assertThat(other.entries())
        .extracting(MappingNode.Entry::key)
        .containsExactly("primary_key", "strategy");
    assertThat(((ScalarNode) other.get("primary_key").orElseThrow()).text()).isEqualTo("key");
    assertThat(((ScalarNode) other.get("strategy").orElseThrow()).text()).isEqualTo("offset");
  }

  @Test
  void anEmptyFileIsANullDocument() {
    YamlNode root = reader.read("t.yml", "");

    assertThat(root).isInstanceOf(ScalarNode.class);
    assertThat(((ScalarNode) root).isNull()).isTrue();
  }

  @Test
  void malformedYamlNamesFileLineAndColumn() {
    assertThatThrownBy(() -> reader.read("t.yml", "app_name: x\n  bad: indent\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("t.yml:2:6: malformed YAML: mapping values are not allowed here");
  }

  @Test
  void anUnclosedFlowSequenceIsMalformed() {
    assertThatThrownBy(() -> reader.read("t.yml", "connect:\n  dsn: [unclosed\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "t.yml:3:1: malformed YAML: while parsing a flow sequence: expected ',' or ']', but"
                + " got <stream end>");
  }

  @Test
  void aTabIndentIsMalformed() {
    assertThatThrownBy(() -> reader.read("t.yml", "connect:\n\tdsn: y\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("t.yml:2:1: malformed YAML: while scanning for the next token:");
  }

  @Test
  void everyDuplicateKeyIsReportedWithBothLines() {
    assertThatThrownBy(() -> reader.read("t.yml", "a: 1\na: 2\nb:\n  c: 1\n  c: 2\n"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "t.yml:2:1: duplicate key 'a' (first defined at line 1)",
                        "t.yml:5:3: b: duplicate key 'c' (first defined at line 4)"));
  }

  @Test
  void anUnknownAliasIsAProblem() {
    assertThatThrownBy(() -> reader.read("t.yml", "a: 1\nref: *nope\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("t.yml:2:6: ref: unknown alias '*nope'");
  }

  private static Location loc(int line, int column) {
    return new Location("t.yml", line, column);
  }
}
