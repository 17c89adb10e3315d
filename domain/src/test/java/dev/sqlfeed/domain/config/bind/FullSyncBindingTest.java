package dev.sqlfeed.domain.config.bind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.config.FullSyncSettings;
import dev.sqlfeed.domain.config.tree.Location;
import dev.sqlfeed.domain.config.tree.MappingNode;
import dev.sqlfeed.domain.config.tree.ScalarNode;
import dev.sqlfeed.domain.config.tree.YamlNode;
import dev.sqlfeed.domain.mapping.ExpressionCompiler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@code full_sync} section, bound from trees built by hand (the domain reads no YAML). Each
 * tree is a minimal valid config plus the section under test, its keys on lines from 10 on.
 */
class FullSyncBindingTest {
  private static final ExpressionCompiler CEL = ExpressionCompiler.batonSql();

  private int line;

  @Test
  void withoutTheSection_fullSyncsRunOnlyOnDemand() {
    BindResult result = bind(Optional.empty());

    assertThat(result.errors()).isEmpty();
    assertThat(result.config().orElseThrow().fullSync()).isEqualTo(FullSyncSettings.OFF);
  }

  @Test
  void anEmptySectionOrANullIntervalIsOff() {
    assertThat(bind(Optional.of(section(scalar("")))).config().orElseThrow().fullSync())
        .isEqualTo(FullSyncSettings.OFF);
    assertThat(bind(Optional.of(mapping())).config().orElseThrow().fullSync())
        .isEqualTo(FullSyncSettings.OFF);
    assertThat(
            bind(Optional.of(mapping(entry("interval", scalar("~")))))
                .config()
                .orElseThrow()
                .fullSync())
        .isEqualTo(FullSyncSettings.OFF);
  }

  @Test
  void anIntervalInBatonSqlsDurationFormIsTheSchedule() {
    assertThat(interval("24h")).contains(Duration.ofHours(24));
    assertThat(interval("1h30m")).contains(Duration.ofMinutes(90));
    assertThat(interval("90s")).contains(Duration.ofSeconds(90));
    assertThat(interval("1.5h")).contains(Duration.ofMinutes(90));
  }

  @Test
  void anIntervalThatIsNotADurationIsAnErrorAtItsPosition() {
    List<String> errors = errors(mapping(entry("interval", scalar("daily"))));

    assertThat(errors).hasSize(1);
    assertThat(errors.get(0))
        .startsWith("app.yml:11:13: full_sync.interval: invalid duration 'daily'")
        .contains("3h, 90s, 500ms or 1h30m");
    assertThat(errors(mapping(entry("interval", scalar("24")))))
        .singleElement()
        .asString()
        .contains("full_sync.interval: invalid duration '24': '24' has no unit");
  }

  @Test
  void aZeroOrNegativeIntervalIsAnError() {
    assertThat(errors(mapping(entry("interval", scalar("0s")))))
        .singleElement()
        .asString()
        .isEqualTo(
            "app.yml:11:13: full_sync.interval: must be greater than zero, found 0s;"
                + " leave it out to run full syncs only on demand");
    assertThat(errors(mapping(entry("interval", scalar("-1h")))))
        .singleElement()
        .asString()
        .contains("full_sync.interval: must not be negative: '-1h'");
  }

  @Test
  void anUnknownKeyIsAnErrorWithAHint() {
    List<String> errors =
        errors(mapping(entry("interval", scalar("1h")), entry("intervall", scalar("2h"))));

    assertThat(errors)
        .containsExactly(
            "app.yml:12:3: full_sync.intervall: unknown key 'intervall' (did you mean 'interval'?)");
    assertThat(errors(mapping(entry("schedule", scalar("2h")))))
        .singleElement()
        .asString()
        .contains("full_sync.schedule: unknown key 'schedule'");
  }

  @Test
  void aSectionThatIsNotAMappingIsAnError() {
    assertThat(errors(section(scalar("24h"))))
        .singleElement()
        .asString()
        .contains("full_sync: expected a mapping, found");
  }

  private Optional<Duration> interval(String text) {
    BindResult result = bind(Optional.of(mapping(entry("interval", scalar(text)))));
    assertThat(result.errors()).as(text).isEmpty();
    return result.config().orElseThrow().fullSync().interval();
  }

  private List<String> errors(YamlNode section) {
    BindResult result = bind(Optional.of(section));
    assertThat(result.config()).isEmpty();
    return result.errors().stream().map(Problem::format).toList();
  }

  private BindResult bind(Optional<YamlNode> fullSync) {
    List<MappingNode.Entry> top = new ArrayList<>();
    top.add(new MappingNode.Entry("app_name", at(1, 1), ScalarNode.plain("acme", at(1, 11))));
    top.add(
        new MappingNode.Entry(
            "connect",
            at(2, 1),
            new MappingNode(
                List.of(
                    new MappingNode.Entry(
                        "dsn", at(3, 3), ScalarNode.plain("sqlite:app.db", at(3, 8)))),
                at(3, 3))));
    MappingNode map =
        new MappingNode(
            List.of(
                new MappingNode.Entry("id", at(8, 7), ScalarNode.plain(".id", at(8, 11))),
                new MappingNode.Entry(
                    "display_name", at(9, 7), ScalarNode.plain(".id", at(9, 21)))),
            at(8, 7));
    MappingNode list =
        new MappingNode(
            List.of(
                new MappingNode.Entry(
                    "query", at(6, 5), ScalarNode.plain("SELECT id FROM users", at(6, 12))),
                new MappingNode.Entry("map", at(7, 5), map)),
            at(6, 5));
    MappingNode user =
        new MappingNode(
            List.of(
                new MappingNode.Entry("name", at(5, 3), ScalarNode.plain("User", at(5, 9))),
                new MappingNode.Entry("list", at(6, 3), list)),
            at(5, 3));
    top.add(
        new MappingNode.Entry(
            "resource_types",
            at(4, 1),
            new MappingNode(List.of(new MappingNode.Entry("user", at(4, 3), user)), at(4, 3))));
    fullSync.ifPresent(s -> top.add(new MappingNode.Entry("full_sync", at(10, 1), s)));
    return new ConfigBinder(Map.of(), CEL::compile).bind(new MappingNode(top, at(1, 1)));
  }

  /** A mapping whose entries come one per line from line 11 on. */
  private MappingNode mapping(Entry... entries) {
    List<MappingNode.Entry> out = new ArrayList<>();
    int first = 11;
    for (int i = 0; i < entries.length; i++) {
      int line = first + i;
      out.add(
          new MappingNode.Entry(
              entries[i].key(),
              at(line, 3),
              entries[i].value().apply(line, 3 + entries[i].key().length() + 2)));
    }
    return new MappingNode(out, at(first, 3));
  }

  private static Entry entry(String key, NodeAt value) {
    return new Entry(key, value);
  }

  private static NodeAt scalar(String text) {
    return (l, c) -> ScalarNode.plain(text, at(l, c));
  }

  /** A value given right after {@code full_sync:}. */
  private static YamlNode section(NodeAt value) {
    return value.apply(10, 12);
  }

  private static Location at(int line, int column) {
    return new Location("app.yml", line, column);
  }

  /** A value placed at a line and column. */
  private interface NodeAt {
    YamlNode apply(int line, int column);
  }

  private record Entry(String key, NodeAt value) {}
}
