package dev.sqlfeed.domain.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.config.tree.Location;
import dev.sqlfeed.domain.config.tree.MappingNode;
import dev.sqlfeed.domain.config.tree.ScalarNode;
import dev.sqlfeed.domain.config.tree.SequenceNode;
import dev.sqlfeed.domain.config.tree.YamlNode;
import dev.sqlfeed.domain.config.tree.YamlPaths;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigYamlPathsTest {
  private static Location loc(int line, int column) {
    return new Location("c.yml", line, column);
  }

  private static MappingNode.Entry entry(String key, int line, int column, YamlNode value) {
    return new MappingNode.Entry(key, loc(line, column), value);
  }

  private static MappingNode map(int line, int column, MappingNode.Entry... entries) {
    return new MappingNode(List.of(entries), loc(line, column));
  }

  private static SequenceNode seq(int line, int column, YamlNode... items) {
    return new SequenceNode(List.of(items), loc(line, column));
  }

  /**
   *
   *
   * <pre>
   * resource_types:                                  # line 1
   *   team:                                          # 2
   *     grants:                                      # 3
   *       - map:                                     # 4
   *           - principal_id: ".user_id"             # 5
   *   a.b:                                           # 6
   *     id: ".x"                                     # 7
   * </pre>
   */
  private static final YamlNode TREE = tree();

  private static YamlNode tree() {
    MappingNode grant = map(5, 13, entry("principal_id", 5, 13, quoted(".user_id", 5, 27)));
    MappingNode grants = map(4, 9, entry("map", 4, 9, seq(5, 11, grant)));
    MappingNode team = map(3, 5, entry("grants", 3, 5, seq(4, 7, grants)));
    MappingNode dotted = map(7, 5, entry("id", 7, 5, quoted(".x", 7, 9)));
    MappingNode types = map(2, 3, entry("team", 2, 3, team), entry("a.b", 6, 3, dotted));
    return map(1, 1, entry("resource_types", 1, 1, types));
  }

  private static ScalarNode quoted(String text, int line, int column) {
    return new ScalarNode(
        text, ScalarNode.Style.DOUBLE_QUOTED, loc(line, column), loc(line, column + 1), 0);
  }

  @Test
  void aPathWithListIndexes_findsTheScalar_andLocatesInsideIt() {
    String path = "resource_types.team.grants[0].map[0].principal_id";

    assertThat(YamlPaths.nearest(TREE, path)).isInstanceOf(ScalarNode.class);
    assertThat(YamlPaths.locate(TREE, path)).isEqualTo(loc(5, 27));
    assertThat(YamlPaths.locate(TREE, path, 1, 2)).isEqualTo(loc(5, 29));
  }

  @Test
  void aKeyWithADot_isFoundWhole() {
    assertThat(YamlPaths.locate(TREE, "resource_types.a.b.id", 1, 1)).isEqualTo(loc(7, 10));
  }

  @Test
  void aPathThatLeadsNowhere_pointsAtTheDeepestNodeOnTheWay() {
    assertThat(YamlPaths.locate(TREE, "resource_types.team.incremental_sync.cursor_column", 1, 5))
        .isEqualTo(loc(3, 5));
    assertThat(YamlPaths.locate(TREE, "resource_types.team.grants[3].map")).isEqualTo(loc(4, 7));
  }

  @Test
  void theEmptyPath_isTheRoot() {
    assertThat(YamlPaths.nearest(TREE, "")).isSameAs(TREE);
  }
}
