package dev.sqlfeed.worker.cli;

import static dev.sqlfeed.worker.cli.ProvisioningFixture.CONFIG;
import static dev.sqlfeed.worker.cli.ProvisioningFixture.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.jdbc.testing.OnEachDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code sqlfeed grant} and {@code sqlfeed revoke} through the CLI entry point against real
 * PostgreSQL, MariaDB and SQLite databases: the provisioning block's statements change the app's
 * tables, with bound parameters, in one transaction unless {@code no_transaction}. The app is
 * {@link ProvisioningFixture}'s; the failures are a table of cases, each run on every database.
 */
class CliProvisioningIT {
  private static final String GRANT =
      "resource_types.team.static_entitlements[0].provisioning.grant";

  @RegisterExtension final ProvisioningFixture app = new ProvisioningFixture();

  private String config(String yaml) throws IOException {
    return app.config(yaml);
  }

  private List<String> rows(String sql) throws SQLException {
    return app.rows(sql);
  }

  private List<String> members() throws SQLException {
    return app.members();
  }

  /**
   * {@code sqlfeed grant} of {@code team:ops:member} to {@code user:3}, with the long options, then
   * {@code more}.
   */
  private static CliRun grantOpsToUser3(Map<String, String> env, String config, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "grant",
                "--config",
                config,
                "--entitlement",
                "team:ops:member",
                "--principal",
                "user:3"));
    args.addAll(List.of(more));
    return CliRun.run(env, args.toArray(String[]::new));
  }

  @OnEachDatabase
  void grant_insertsTheMembership_andRevokeRemovesIt(TestDatabase.Kind kind) throws Exception {
    Map<String, String> env = app.app(kind);
    String config = config(CONFIG);

    CliRun grant = grantOpsToUser3(env, config).exits(ExitCode.OK);

    assertThat(grant.out())
        .isEqualTo(
            "granted team:ops:member to user:3: 2 statements run, 2 rows changed, committed\n");
    assertThat(members()).containsExactly("ops,1", "ops,3");
    assertThat(rows("SELECT team_slug, user_id, action FROM membership_audit"))
        .containsExactly("ops,3,grant");

    CliRun revoke =
        CliRun.run(env, "revoke", "-c", config, "-e", "team:ops:member", "-p", "user:3")
            .exits(ExitCode.OK);

    assertThat(revoke.out())
        .isEqualTo(
            "revoked team:ops:member from user:3: 1 statement run, 1 row changed, committed\n");
    assertThat(members()).containsExactly("ops,1");
    assertThat(grant.all() + revoke.all()).doesNotContain(SECRET);
  }

  @OnEachDatabase
  void dryRun_printsEachStatementWithItsParameters_andWritesNothing(TestDatabase.Kind kind)
      throws Exception {
    Map<String, String> env = app.app(kind);
    String config = config(CONFIG);

    CliRun dry = grantOpsToUser3(env, config, "--dry-run").exits(ExitCode.OK);

    String block = "resource_types.team.static_entitlements[0].provisioning.grant";
    assertThat(dry.out())
        .isEqualTo(
            "dry run: grant team:ops:member to user:3 runs 2 statements of "
                + block
                + " in one transaction; nothing is written\n"
                + "1. "
                + block
                + ".queries[0]\n"
                + "   INSERT INTO team_members (team_slug, user_id) VALUES (?, ?)\n"
                + "   [1] ?<team> = 'ops' (string)\n"
                + "   [2] ?<user> = '3' (string)\n"
                + "2. "
                + block
                + ".queries[1]\n"
                + "   INSERT INTO membership_audit (team_slug, user_id, action) VALUES (?, ?,"
                + " 'grant')\n"
                + "   [1] ?<team> = 'ops' (string)\n"
                + "   [2] ?<user> = '3' (string)\n");
    assertThat(members()).containsExactly("ops,1");
    assertThat(rows("SELECT action FROM membership_audit")).isEmpty();
    assertThat(dry.all()).doesNotContain(SECRET);
  }

  @OnEachDatabase
  void aValidationQueryWithARow_letsTheGrantRun(TestDatabase.Kind kind) throws Exception {
    Map<String, String> env = app.app(kind);
    String config = config(CONFIG.replace(NO_TRANSACTION, NO_TRANSACTION + VALIDATION));

    CliRun knownUser =
        CliRun.run(env, "grant", "-c", config, "-e", "team:ops:member", "-p", "user:3")
            .exits(ExitCode.OK);

    assertThat(knownUser.out())
        .isEqualTo(
            "granted team:ops:member to user:3: 1 check passed, 2 statements run, 2 rows changed,"
                + " committed\n");
    assertThat(members()).containsExactly("ops,1", "ops,3");
  }

  private static final String NO_TRANSACTION = "            no_transaction: false\n";
  private static final String VALIDATION =
      "            validation_queries:\n"
          + "              - SELECT id FROM users WHERE id = ?<user>\n";

  /**
   * A grant or revoke that fails.
   *
   * @param name what the case shows
   * @param setup statements run on the app first
   * @param edit the change to the fixture's config
   * @param command {@code grant} or {@code revoke}
   * @param principal the principal
   * @param says stderr: its start and its end
   * @param members the memberships afterwards
   */
  record Failure(
      String name,
      List<String> setup,
      UnaryOperator<String> edit,
      String command,
      String principal,
      List<String> says,
      List<String> members) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Failure> failures() {
    return Stream.of(
        new Failure(
            "a failing second query rolls back the first and names its path",
            List.of(),
            c -> c.replace("membership_audit", "no_such_table"),
            "grant",
            "user:3",
            List.of("sqlfeed: " + GRANT + ".queries[1]: ", "; rolled back: nothing was changed\n"),
            List.of("ops,1")),
        new Failure(
            "with no_transaction, a failing second query leaves the first applied",
            List.of(),
            c ->
                c.replace("membership_audit", "no_such_table")
                    .replace("no_transaction: false", "no_transaction: true"),
            "grant",
            "user:3",
            List.of(
                "sqlfeed: " + GRANT + ".queries[1]: ",
                "; no_transaction: the statements before it stay applied: "
                    + GRANT
                    + ".queries[0]\n"),
            List.of("ops,1", "ops,3")),
        new Failure(
            "a validation query without a row runs nothing",
            List.of(),
            c -> c.replace(NO_TRANSACTION, NO_TRANSACTION + VALIDATION),
            "grant",
            "user:9",
            List.of(
                "sqlfeed: " + GRANT + ".validation_queries[0]: returned no row;",
                " rolled back: nothing was changed\n"),
            List.of("ops,1")),
        new Failure(
            "a statement that changes more than one row fails and rolls back",
            List.of("INSERT INTO team_members (team_slug, user_id) VALUES ('ops', 2)"),
            c ->
                c.replace(
                    "DELETE FROM team_members WHERE team_slug = ?<team> AND user_id = ?<user>",
                    "DELETE FROM team_members WHERE team_slug = ?<team> OR user_id = ?<user>"),
            "revoke",
            "user:3",
            List.of(
                "sqlfeed: resource_types.team.static_entitlements[0].provisioning.revoke"
                    + ".queries[0]: changed 2 rows, more than the 1 allowed;",
                " rolled back: nothing was changed\n"),
            List.of("ops,1", "ops,2")));
  }

  static Stream<Arguments> failuresOnEveryDatabase() {
    return Stream.of(
            TestDatabase.Kind.POSTGRES, TestDatabase.Kind.MARIADB, TestDatabase.Kind.SQLITE)
        .flatMap(kind -> failures().map(f -> Arguments.of(kind, f)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("failuresOnEveryDatabase")
  void fails_exit1_namingThePath_andChangesOnlyWhatItSays(TestDatabase.Kind kind, Failure f)
      throws Exception {
    Map<String, String> env = app.app(kind);
    f.setup().forEach(sql -> app.db().execute(sql));
    String config = config(f.edit().apply(CONFIG));

    CliRun run =
        CliRun.run(env, f.command(), "-c", config, "-e", "team:ops:member", "-p", f.principal())
            .exits(ExitCode.FAILURE);

    assertThat(run.err())
        .startsWith(f.says().get(0))
        .endsWith(f.says().get(1))
        .doesNotContain(SECRET);
    assertThat(run.out()).isEmpty();
    assertThat(members()).containsExactlyElementsOf(f.members());
  }
}
