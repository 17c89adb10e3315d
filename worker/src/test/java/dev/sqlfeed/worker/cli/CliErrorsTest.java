package dev.sqlfeed.worker.cli;

import static dev.sqlfeed.worker.cli.Says.errContains;
import static dev.sqlfeed.worker.cli.Says.errEndsWith;
import static dev.sqlfeed.worker.cli.Says.errIs;
import static dev.sqlfeed.worker.cli.Says.errStartsWith;
import static dev.sqlfeed.worker.cli.Says.outIs;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid input through the CLI, where no database is involved: every config problem exits 2 with
 * {@code FILE:LINE:COL: yaml.path: message}, a bad command line exits 2, a missing store exits 3.
 */
class CliErrorsTest {
  @TempDir Path tmp;

  /**
   * A valid config that reads one resource type, {@code user}; most cases break it in one place.
   */
  private static final String BASE =
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
              display_name: ".id"
      """;

  private static final List<String> VALIDATE = List.of("validate", "--config", "CONFIG");

  /**
   * A command line that is refused, and what it prints. {@code CONFIG} and {@code STORE} in the
   * arguments and in what is said stand for this case's config file and a SQLite store file; the
   * config exists only if the case gives its text, and the store never does.
   *
   * @param name what the case shows
   * @param yaml the config's text, or null for no config file at all
   * @param env the environment
   * @param args the command line
   * @param exits the exit code
   * @param says what the run prints
   */
  record Case(
      String name,
      String yaml,
      Map<String, String> env,
      List<String> args,
      int exits,
      List<Says> says) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> refused() {
    String unsetDsn = base("\"sqlite:acme.db\"", "\"${ACME_NOT_SET_DSN}\"");
    String unset = "CONFIG:3:9: connect.dsn: environment variable ACME_NOT_SET_DSN is not set";
    return Stream.of(
        validate(
            "malformed YAML, at the file's line and column",
            BASE.substring(0, BASE.indexOf("  user:")) + "  user: [unclosed\n",
            errContains("CONFIG:6:1: malformed YAML: "),
            errEndsWith("CONFIG: 1 error.\n"),
            outIs("")),
        validate(
            "an unknown key, with a did-you-mean hint",
            base("display_name:", "dispaly_name:"),
            errContains(
                "CONFIG:11:9: resource_types.user.list.map.dispaly_name: unknown key"
                    + " 'dispaly_name' (did you mean 'display_name'?)")),
        validate(
            "a wrong type, naming what was expected",
            base("    name: User\n", "    name: User\n    skip_entitlements_and_grants: maybe\n"),
            errIs(
                "CONFIG:7:35: resource_types.user.skip_entitlements_and_grants: expected true or"
                    + " false, found 'maybe'\n"
                    + "CONFIG: 1 error.\n")),
        validate(
            "a wrong type of page size, at the page size",
            base(
                "      query: SELECT id FROM users\n",
                """
                      query: SELECT id FROM users ORDER BY id LIMIT ?<Limit> OFFSET ?<Offset>
                      pagination:
                        strategy: offset
                        primary_key: id
                        page_size: lots
                """),
            errContains(
                "CONFIG:12:20: resource_types.user.list.pagination.page_size: expected an integer,"
                    + " found 'lots'")),
        validate(
            "a missing required key, naming the key and where it belongs",
            base("      query: SELECT id FROM users\n", ""),
            errContains("CONFIG:7:5: resource_types.user.list: missing required key 'query'")),
        validate(
            "CEL errors, every one reported at its file, line and column",
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
            """,
            errContains(
                "CONFIG:10:28: resource_types.team.list.map.id: invalid CEL expression: extraneous"
                    + " input ')'"),
            errContains(
                "CONFIG:21:23: resource_types.team.grants[0].map[0].skip_if: invalid CEL"
                    + " expression: undeclared reference to 'shout'"),
            errEndsWith("CONFIG: 2 errors.\n")),
        validate("an unset variable, named by validate", unsetDsn, errContains(unset)),
        new Case(
            "an unset variable, named by sync before it opens the store",
            unsetDsn,
            Map.of("OTHER", "x"),
            List.of("sync", "--config", "CONFIG", "--store", "jdbc:sqlite:STORE"),
            2,
            List.of(errContains(unset))),
        aPlaceholderTheQueryMayNotUse("?<since>"),
        aPlaceholderTheQueryMayNotUse("?<id>"),
        aPlaceholderTheQueryMayNotUse("?<Cursor>"),
        validate(
            "a placeholder without a var",
            base("FROM users\n", "FROM users WHERE org = ?<org>\n"),
            errContains(
                "CONFIG:8:47: resource_types.user.list.query: uses ?<org>, which is not defined in"
                    + " vars")),
        validate(
            "a config file that does not exist",
            null,
            errContains("CONFIG: cannot read the config: no such file")),
        command(
            "export of a store file that does not exist, exit 3",
            3,
            List.of("export", "--store", "jdbc:sqlite:STORE"),
            errStartsWith("sqlfeed: no store at STORE"),
            outIs("")),
        command(
            "an unsupported store URL",
            2,
            List.of("export", "--store", "jdbc:foo:bar"),
            errContains("unsupported sync store URL jdbc:foo:bar")),
        command(
            "an unknown subcommand, with suggestions",
            2,
            List.of("synk"),
            errContains("sqlfeed: Unmatched argument at index 0: 'synk'"),
            errContains("Did you mean: sqlfeed sync"),
            errContains("Try 'sqlfeed --help'.")),
        command(
            "an unknown option",
            2,
            List.of("export", "--frob"),
            errContains("sqlfeed: Unknown option: '--frob'"),
            errContains("Try 'sqlfeed export --help'.")),
        command(
            "a missing required option",
            2,
            List.of("sync"),
            errContains("Missing required option: '--config=FILE'")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void aRefusedCommandLine_exitsWithItsCode_andSaysWhy(Case c) throws IOException {
    Path config = tmp.resolve("config.yml");
    Path store = tmp.resolve("store.db");
    if (c.yaml() != null) {
      Files.writeString(config, c.yaml());
    }
    UnaryOperator<String> fill =
        text -> text.replace("CONFIG", config.toString()).replace("STORE", store.toString());

    CliRun run = CliRun.run(c.env(), c.args().stream().map(fill).toArray(String[]::new));

    run.exits(c.exits());
    c.says().forEach(says -> says.filled(fill).check(run));
    assertThat(store).as("a refused command stops before the store").doesNotExist();
  }

  @Test
  void help_exits0_andListsTheExitCodes() {
    CliRun run = CliRun.run("--help").exits(0);

    assertThat(run.out()).contains("validate", "sync", "export", "init-example", "Exit codes:");
  }

  private static Case aPlaceholderTheQueryMayNotUse(String placeholder) {
    return validate(
        "a placeholder the query may not use: " + placeholder,
        base("FROM users\n", "FROM users WHERE id > " + placeholder + "\n"),
        errContains("CONFIG:8:46: resource_types.user.list.query: uses " + placeholder));
  }

  /** {@code validate} of a config, which must exit 2. */
  private static Case validate(String name, String yaml, Says... says) {
    return new Case(name, yaml, Map.of(), VALIDATE, 2, List.of(says));
  }

  /** A command line that needs no config file, run with an empty environment. */
  private static Case command(String name, int exits, List<String> args, Says... says) {
    return new Case(name, null, Map.of(), args, exits, List.of(says));
  }

  /** {@link #BASE} with its one occurrence of {@code from} replaced by {@code to}. */
  private static String base(String from, String to) {
    if (BASE.indexOf(from) < 0 || BASE.indexOf(from) != BASE.lastIndexOf(from)) {
      throw new IllegalArgumentException("not once in the base config: " + from);
    }
    return BASE.replace(from, to);
  }
}
