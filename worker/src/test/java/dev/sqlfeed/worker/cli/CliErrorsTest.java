package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invalid input through the CLI, where no database is involved: every config problem exits 2 with
 * {@code FILE:LINE:COL: yaml.path: message}, a bad command line exits 2, a missing store exits 3.
 */
class CliErrorsTest {
  @TempDir Path tmp;

  @Test
  void malformedYaml_exits2_withTheFileLineAndColumn() throws IOException {
    Path config =
        write(
            """
            app_name: acme
            connect:
              dsn: "sqlite:acme.db"
            resource_types:
              user: [unclosed
            """);

    CliRun run = validate(config).exits(2);

    assertThat(run.err()).contains(config + ":6:1: malformed YAML: ");
    assertThat(run.err()).endsWith(config + ": 1 error.\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void unknownKey_exits2_withADidYouMeanHint() throws IOException {
    Path config =
        write(
            """
            app_name: acme
            connect:
              dsn: "sqlite:acme.db"
            resource_types:
              user:
                name: User
                list:
                  query: SELECT id FROM users
                  map:
                    id: ".id"
                    dispaly_name: ".id"
            """);

    CliRun run = validate(config).exits(2);

    assertThat(run.err())
        .contains(
            config
                + ":11:9: resource_types.user.list.map.dispaly_name: unknown key 'dispaly_name'"
                + " (did you mean 'display_name'?)");
  }

  @Test
  void wrongType_exits2_namingWhatWasExpected() throws IOException {
    Path config =
        write(
            """
            app_name: acme
            connect:
              dsn: "sqlite:acme.db"
            resource_types:
              user:
                name: User
                skip_entitlements_and_grants: maybe
                list:
                  query: SELECT id FROM users
                  map:
                    id: ".id"
                    display_name: ".id"
            """);

    CliRun run = validate(config).exits(2);

    assertThat(run.err())
        .isEqualTo(
            config
                + ":7:35: resource_types.user.skip_entitlements_and_grants: expected true or"
                + " false, found 'maybe'\n"
                + config
                + ": 1 error.\n");
  }

  @Test
  void wrongTypeOfPageSize_exits2_atThePageSize() throws IOException {
    Path config =
        write(
            """
            app_name: acme
            connect:
              dsn: "sqlite:acme.db"
            resource_types:
              user:
                name: User
                list:
                  query: SELECT id FROM users ORDER BY id LIMIT ?<Limit> OFFSET ?<Offset>
                  pagination:
                    strategy: offset
                    primary_key: id
                    page_size: lots
                  map:
                    id: ".id"
                    display_name: ".id"
            """);

    CliRun run = validate(config).exits(2);

    assertThat(run.err())
        .contains(
            config
                + ":12:20: resource_types.user.list.pagination.page_size: expected an integer,"
                + " found 'lots'");
  }

  @Test
  void missingRequiredKey_exits2_namingTheKeyAndWhereItBelongs() throws IOException {
    Path config =
        write(
            """
            app_name: acme
            connect:
              dsn: "sqlite:acme.db"
            resource_types:
              user:
                name: User
                list:
                  map:
                    id: ".id"
                    display_name: ".id"
            """);

    CliRun run = validate(config).exits(2);

    assertThat(run.err())
        .contains(config + ":7:5: resource_types.user.list: missing required key 'query'");
  }

  @Test
  void celErrors_exit2_everyOneReported_atItsFileLineAndColumn() throws IOException {
    Path config =
        write(
            """
            app_name: acme
            connect:
              dsn: "sqlite:acme.db"
            resource_types:
              team:
                name: Team
                list:
                  query: SELECT slug, name FROM teams
                  map:
                    id: "toUpper(.slug))"
                    display_name: ".name"
                static_entitlements:
                  - id: member
                    display_name: "resource.DisplayName + ' member'"
                    purpose: assignment
                grants:
                  - query: SELECT user_id, is_admin FROM team_members WHERE team_slug = ?<team>
                    vars:
                      team: "resource.ID"
                    map:
                      - skip_if: "shout(.is_admin)"
                        principal_id: ".user_id"
                        principal_type: team
                        entitlement_id: member
            """);

    CliRun run = validate(config).exits(2);

    assertThat(run.err())
        .contains(
            config
                + ":10:28: resource_types.team.list.map.id: invalid CEL expression: extraneous"
                + " input ')'")
        .contains(
            config
                + ":21:23: resource_types.team.grants[0].map[0].skip_if: invalid CEL expression:"
                + " undeclared reference to 'shout'")
        .endsWith(config + ": 2 errors.\n");
  }

  @Test
  void unsetVariable_exits2_namingIt_inValidateAndInSync() throws IOException {
    Path config =
        write(
            """
            app_name: acme
            connect:
              dsn: "${ACME_NOT_SET_DSN}"
            resource_types:
              user:
                name: User
                list:
                  query: SELECT id FROM users
                  map:
                    id: ".id"
                    display_name: ".id"
            """);
    String message = config + ":3:9: connect.dsn: environment variable ACME_NOT_SET_DSN is not set";

    assertThat(validate(config).exits(2).err()).contains(message);
    CliRun sync =
        CliRun.run(
                Map.of("OTHER", "x"),
                "sync",
                "--config",
                config.toString(),
                "--store",
                "jdbc:sqlite:" + tmp.resolve("store.db"))
            .exits(2);
    assertThat(sync.err()).contains(message);
    assertThat(tmp.resolve("store.db"))
        .as("a config error stops sync before the store")
        .doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"?<since>", "?<id>", "?<Cursor>"})
  void aPlaceholderTheQueryMayNotUse_exits2(String placeholder) throws IOException {
    Path config =
        write(
            """
            app_name: acme
            connect:
              dsn: "sqlite:acme.db"
            resource_types:
              user:
                name: User
                list:
                  query: SELECT id FROM users WHERE id > %s
                  map:
                    id: ".id"
                    display_name: ".id"
            """
                .formatted(placeholder));

    CliRun run = validate(config).exits(2);

    assertThat(run.err())
        .contains(config + ":8:46: resource_types.user.list.query: uses " + placeholder);
  }

  @Test
  void aPlaceholderWithoutAVar_exits2() throws IOException {
    Path config =
        write(
            """
            app_name: acme
            connect:
              dsn: "sqlite:acme.db"
            resource_types:
              user:
                name: User
                list:
                  query: SELECT id FROM users WHERE org = ?<org>
                  map:
                    id: ".id"
                    display_name: ".id"
            """);

    assertThat(validate(config).exits(2).err())
        .contains(
            config
                + ":8:47: resource_types.user.list.query: uses ?<org>, which is not defined in vars");
  }

  @Test
  void aConfigFileThatDoesNotExist_exits2() {
    Path config = tmp.resolve("missing.yml");

    assertThat(validate(config).exits(2).err())
        .contains(config + ": cannot read the config: no such file");
  }

  @Test
  void exportOfAStoreFileThatDoesNotExist_exits3_andCreatesNothing() {
    Path file = tmp.resolve("nowhere.db");

    CliRun run = CliRun.run("export", "--store", "jdbc:sqlite:" + file).exits(3);

    assertThat(run.err()).startsWith("sqlfeed: no store at " + file);
    assertThat(run.out()).isEmpty();
    assertThat(file).doesNotExist();
  }

  @Test
  void anUnsupportedStoreUrl_exits2() {
    CliRun run = CliRun.run("export", "--store", "jdbc:foo:bar").exits(2);

    assertThat(run.err()).contains("unsupported sync store URL jdbc:foo:bar");
  }

  @Test
  void anUnknownSubcommand_exits2_withSuggestions() {
    CliRun run = CliRun.run("synk").exits(2);

    assertThat(run.err())
        .contains("sqlfeed: Unmatched argument at index 0: 'synk'")
        .contains("Did you mean: sqlfeed sync")
        .contains("Try 'sqlfeed --help'.");
  }

  @Test
  void anUnknownOption_exits2() {
    CliRun run = CliRun.run("export", "--frob").exits(2);

    assertThat(run.err())
        .contains("sqlfeed: Unknown option: '--frob'")
        .contains("Try 'sqlfeed export --help'.");
  }

  @Test
  void aMissingRequiredOption_exits2() {
    CliRun run = CliRun.run("sync").exits(2);

    assertThat(run.err()).contains("Missing required option: '--config=FILE'");
  }

  @Test
  void help_exits0_andListsTheExitCodes() {
    CliRun run = CliRun.run("--help").exits(0);

    assertThat(run.out()).contains("validate", "sync", "export", "init-example", "Exit codes:");
  }

  private CliRun validate(Path config) {
    return CliRun.run("validate", "--config", config.toString());
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(Files.createTempFile(tmp, "config", ".yml"), yaml);
  }
}
