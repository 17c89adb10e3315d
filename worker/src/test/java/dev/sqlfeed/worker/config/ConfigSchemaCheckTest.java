package dev.sqlfeed.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cel.common.values.NullValue;
import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.bind.Problem;
import dev.sqlfeed.domain.config.tree.YamlNode;
import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.ports.CursorPrecision;
import dev.sqlfeed.ports.catalog.SchemaCheck;
import dev.sqlfeed.ports.catalog.SchemaReport;
import dev.sqlfeed.ports.catalog.ScriptedSourceCatalog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code validate --connect}'s checks, from a real config file to positioned findings, against a
 * scripted catalog (the JDBC catalog has its own tests on every database).
 */
class ConfigSchemaCheckTest {
  private static final String YAML =
      """
      app_name: demo
      connect:
        dsn: "sqlite:demo.db"
      resource_types:
        user:
          name: User
          list:
            query: SELECT id, login, full_name FROM users LIMIT ?<Limit> OFFSET ?<Offset>
            pagination: {strategy: offset, primary_key: id}
            map:
              id: ".id"
              display_name: |
                has(cols.nick) ? .nick :
                  .full_name + ' (' + .login + ')'
          get:
            query: SELECT id, login, full_name FROM users WHERE id = ?<id>
          incremental_sync:
            query: SELECT id, changed FROM users_log WHERE changed >= ?<since>
            cursor_column: changed
            pagination: {primary_key: id}
      """;

  private static SchemaReport check(String yaml, ScriptedSourceCatalog catalog) {
    YamlNode tree = new YamlTreeReader().read("c.yml", yaml);
    Config config = TestConfigs.celLoader().load("c.yml", yaml).config();
    return SchemaCheck.run(config, tree, catalog);
  }

  private static ScriptedSourceCatalog schema() {
    return new ScriptedSourceCatalog()
        .on("FROM users ", "users", "id", "login", "full_name")
        .on("FROM users WHERE", "users", "id", "login", "full_name")
        .on("FROM users_log", "users_log", "id", "changed")
        .indexed("users_log.changed", "users_log_changed");
  }

  private static List<String> formatted(List<Problem> problems) {
    return problems.stream().map(Problem::format).toList();
  }

  @Test
  void aSchemaThatHasEverything_passes_andEveryQueryIsChecked() {
    SchemaReport report = check(YAML, schema());

    assertThat(report.queries()).isEqualTo(3);
    assertThat(report.errors()).isEmpty();
    assertThat(report.warnings()).isEmpty();
    assertThat(report.notes()).isEmpty();
  }

  @Test
  void aMisspeltColumn_isAnErrorAtItsPlaceInsideTheExpression_withAHint() {
    ScriptedSourceCatalog catalog =
        schema()
            .on("FROM users ", "users", "id", "login", "fullname")
            .on("FROM users WHERE", "users", "id", "login", "fullname");

    SchemaReport report = check(YAML, catalog);

    assertThat(formatted(report.errors()))
        .containsExactly(
            "c.yml:14:13: resource_types.user.list.map.display_name: column 'full_name' is not"
                + " among the columns of resource_types.user.list.query (id, login, fullname);"
                + " did you mean 'fullname'?",
            "c.yml:14:13: resource_types.user.list.map.display_name: column 'full_name' is not"
                + " among the columns of resource_types.user.get.query (id, login, fullname);"
                + " did you mean 'fullname'?");
  }

  @Test
  void aColumnGuardedByHas_mayBeMissing() {
    assertThat(check(YAML, schema()).errors()).noneMatch(p -> p.message().contains("'nick'"));
  }

  @Test
  void aPagedQueryWithoutItsPrimaryKey_andAnIncrementalQueryWithoutItsCursor_areErrorsAtTheKeys() {
    ScriptedSourceCatalog catalog =
        schema()
            .on("FROM users ", "users", "user_id=users.id", "login", "full_name")
            .on("FROM users_log", "users_log", "id", "changed_at");

    List<String> errors = formatted(check(YAML, catalog).errors());

    assertThat(errors)
        .anyMatch(e -> e.startsWith("c.yml:9:51: resource_types.user.list.pagination.primary_key:"))
        .anyMatch(
            e ->
                e.startsWith(
                    "c.yml:19:22: resource_types.user.incremental_sync.cursor_column: column"
                        + " 'changed' is not among the columns of"
                        + " resource_types.user.incremental_sync.query (id, changed_at);"
                        + " did you mean 'changed_at'?"));
  }

  @Test
  void aCursorColumnWithoutALeadingIndex_isAWarningAtCursorColumn() {
    ScriptedSourceCatalog catalog =
        new ScriptedSourceCatalog()
            .on("FROM users ", "users", "id", "login", "full_name")
            .on("FROM users WHERE", "users", "id", "login", "full_name")
            .on("FROM users_log", "users_log", "id", "changed");

    SchemaReport report = check(YAML, catalog);

    assertThat(report.errors()).isEmpty();
    assertThat(formatted(report.warnings()))
        .containsExactly(
            "c.yml:19:22: resource_types.user.incremental_sync.cursor_column: no index of table"
                + " users_log leads with changed, so every poll of"
                + " resource_types.user.incremental_sync.query reads the whole table; add one on"
                + " (changed) or (changed, <primary key>)");
  }

  @Test
  void aDateCursorColumn_isAWarningAtCursorColumn_namingWhatItCosts() {
    SchemaReport report = check(YAML, schema().precision("changed", CursorPrecision.DAY));

    assertThat(report.errors()).isEmpty();
    assertThat(formatted(report.warnings()))
        .containsExactly(
            "c.yml:19:22: resource_types.user.incremental_sync.cursor_column: 'changed' is a DATE:"
                + " two changes of one row on the same day carry the same cursor value, and every"
                + " cycle re-reads the rows of the latest day; see docs/incremental.md, \"Cursor and key"
                + " forms\"");
  }

  @Test
  void aCursorColumnOfWholeSecondsOrFiner_isNoWarning() {
    assertThat(check(YAML, schema().precision("changed", CursorPrecision.SECOND)).warnings())
        .isEmpty();
    assertThat(check(YAML, schema().precision("changed", CursorPrecision.FRACTION)).warnings())
        .isEmpty();
  }

  @Test
  void aComputedCursorColumn_isANote_notAWarning() {
    ScriptedSourceCatalog catalog = schema().on("FROM users_log", "users_log", "id", "changed=");

    SchemaReport report = check(YAML, catalog);

    assertThat(report.warnings()).isEmpty();
    assertThat(formatted(report.notes()))
        .containsExactly(
            "c.yml:19:22: resource_types.user.incremental_sync.cursor_column: could not determine"
                + " the table of changed: index not checked");
  }

  @Test
  void aQueryTheDatabaseRefuses_isAnErrorAtTheQuery_andTheOthersAreStillChecked() {
    ScriptedSourceCatalog catalog =
        schema()
            .failing(
                "FROM users_log",
                new SourceException(
                    SourceException.Kind.QUERY_FAILED,
                    false,
                    "resource_types.user.incremental_sync.query: ERROR: relation \"users_log\" does"
                        + " not exist",
                    null));

    SchemaReport report = check(YAML, catalog);

    assertThat(formatted(report.errors()))
        .containsExactly(
            "c.yml:18:14: resource_types.user.incremental_sync.query: ERROR: relation"
                + " \"users_log\" does not exist");
    assertThat(report.queries()).isEqualTo(3);
  }

  @Test
  void anUnreachableDatabase_stopsTheCheck() {
    ScriptedSourceCatalog catalog =
        schema()
            .failing(
                "FROM users",
                new SourceException(
                    SourceException.Kind.UNAVAILABLE, true, "connection lost", null));

    assertThatThrownBy(() -> check(YAML, catalog))
        .isInstanceOf(SourceException.class)
        .hasMessage("connection lost");
  }

  @Test
  void everyPlaceholder_isBoundToAHarmlessValue() {
    ScriptedSourceCatalog catalog = schema();

    check(YAML, catalog);

    assertThat(catalog.calls())
        .extracting(ScriptedSourceCatalog.Call::bindings)
        .containsExactly(
            Map.of("limit", 1L, "offset", 0L),
            Map.of("id", NullValue.NULL_VALUE),
            Map.of("since", Instant.EPOCH));
  }
}
