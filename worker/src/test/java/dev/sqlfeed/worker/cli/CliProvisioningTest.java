package dev.sqlfeed.worker.cli;

import static dev.sqlfeed.worker.cli.ProvisioningFixture.CONFIG;
import static dev.sqlfeed.worker.cli.ProvisioningFixture.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code grant} and {@code revoke} decide without a database: entitlements they cannot find or
 * that have nothing to run (exit 2, naming the config path), a var or a pasted value that fails
 * (exit 1), dry runs, and a database that cannot be reached (exit 3). The default DSN names a file
 * that does not exist, so a test that got as far as connecting would fail.
 */
class CliProvisioningTest {
  private static final Map<String, String> ENV = ProvisioningFixture.NO_DATABASE;
  private static final String GRANT =
      "resource_types.team.static_entitlements[0].provisioning.grant";

  @RegisterExtension final ProvisioningFixture app = new ProvisioningFixture();

  private String config(String yaml) throws IOException {
    return app.config(yaml);
  }

  private static final String DYNAMIC =
      """
      app_name: acme
      connect:
        dsn: "${APP_DSN}"
      resource_types:
        user:
          name: User
          list:
            query: SELECT id, login FROM users
            map: {id: ".id", display_name: ".login"}
        group:
          name: Group
          list:
            query: SELECT id, name FROM groups
            map: {id: ".id", display_name: ".name"}
          entitlements:
            query: SELECT name FROM group_roles WHERE group_id = ?<group>
            vars: {group: resource.ID}
            map:
              - id: ".name"
                display_name: ".name"
                grantable_to: [user]
                provisioning:
                  vars:
                    role: entitlement.ID
                    group: resource.ID
                    group_type: resource.Type
                    who: "principal.Type + '/' + principal.ID"
                    user_id: int(principal.ID)
                  grant:
                    queries:
                      - |-
                        INSERT INTO grants (role, group_id, group_type, who, user_id)
                        VALUES (?<role>, ?<group>, ?<group_type>, ?<who>, ?<user_id>)
      """;

  @Test
  void aDynamicEntitlement_dryRun_bindsEveryProvisioningVariable() throws IOException {
    String config = config(DYNAMIC);

    CliRun r =
        CliRun.run(
                ENV, "grant", "-c", config, "-e", "group:7:db:admin", "-p", "user:42", "--dry-run")
            .exits(ExitCode.OK);

    String block = "resource_types.group.entitlements.map[0].provisioning.grant";
    assertThat(r.out())
        .isEqualTo(
            "dry run: grant group:7:db:admin to user:42 runs 1 statement of "
                + block
                + " in one transaction; nothing is written\n"
                + "1. "
                + block
                + ".queries[0]\n"
                + "   INSERT INTO grants (role, group_id, group_type, who, user_id)\n"
                + "   VALUES (?, ?, ?, ?, ?)\n"
                + "   [1] ?<role> = 'db:admin' (string)\n"
                + "   [2] ?<group> = '7' (string)\n"
                + "   [3] ?<group_type> = 'group' (string)\n"
                + "   [4] ?<who> = 'user/42' (string)\n"
                + "   [5] ?<user_id> = 42 (number)\n");
  }

  @Test
  void dryRun_printsTheValidationQueriesFirst_asChecks() throws IOException {
    String config =
        config(
            CONFIG.replace(
                "            no_transaction: false\n",
                "            no_transaction: true\n"
                    + "            validation_queries:\n"
                    + "              - SELECT id FROM users WHERE id = ?<user>\n"));

    CliRun r =
        CliRun.run(ENV, "grant", "-c", config, "-e", "team:ops:member", "-p", "user:3", "--dry-run")
            .exits(ExitCode.OK);

    String block = "resource_types.team.static_entitlements[0].provisioning.grant";
    assertThat(r.out())
        .startsWith(
            "dry run: grant team:ops:member to user:3 runs 1 check and 2 statements of "
                + block
                + " without a transaction; nothing is written\n"
                + "check 1. "
                + block
                + ".validation_queries[0] (must return a row)\n"
                + "   SELECT id FROM users WHERE id = ?\n"
                + "   [1] ?<user> = '3' (string)\n"
                + "1. "
                + block
                + ".queries[0]\n");
  }

  @Test
  void dryRun_printsTheGrantsPoliciesBeforeItsStatements_andTheRevokesPrincipalCheckAfter()
      throws IOException {
    String config =
        config(
            CONFIG
                .replace(
                    "            no_transaction: false\n",
                    "            no_transaction: false\n"
                        + "            reject_if:\n"
                        + "              query: SELECT 1 FROM users WHERE id = ?<user> AND 0 = 1\n"
                        + "            grant_replace:\n"
                        + "              query: SELECT team_slug, user_id FROM team_members"
                        + " WHERE user_id = ?<user>\n"
                        + "              map:\n"
                        + "                - principal_id: .user_id\n"
                        + "                  principal_type: user\n"
                        + "                  entitlement_id: member\n"
                        + "                  entitlement_resource_id: .team_slug\n")
                .replace(
                    "          revoke:\n",
                    "          revoke:\n"
                        + "            principal_deleted_check:\n"
                        + "              query: SELECT id FROM users WHERE id = ?<user>\n"));

    CliRun grant =
        CliRun.run(ENV, "grant", "-c", config, "-e", "team:ops:member", "-p", "user:3", "--dry-run")
            .exits(ExitCode.OK);
    CliRun revoke =
        CliRun.run(
                ENV, "revoke", "-c", config, "-e", "team:ops:member", "-p", "user:3", "--dry-run")
            .exits(ExitCode.OK);

    String block = "resource_types.team.static_entitlements[0].provisioning";
    assertThat(grant.out())
        .contains(
            " in one transaction; nothing is written\n"
                + "first, "
                + block
                + ".grant.reject_if.query (a row cancels the grant)\n"
                + "   SELECT 1 FROM users WHERE id = ? AND 0 = 1\n"
                + "   [1] ?<user> = '3' (string)\n"
                + "then, "
                + block
                + ".grant.grant_replace.query (the grant it finds is revoked first, with its own"
                + " revoke block)\n"
                + "   SELECT team_slug, user_id FROM team_members WHERE user_id = ?\n"
                + "   [1] ?<user> = '3' (string)\n"
                + "1. "
                + block
                + ".grant.queries[0]\n");
    assertThat(revoke.out())
        .endsWith(
            "after the commit, "
                + block
                + ".revoke.principal_deleted_check.query (no row: the principal was deleted)\n"
                + "   SELECT id FROM users WHERE id = ?\n"
                + "   [1] ?<user> = '3' (string)\n");
    assertThat(grant.err() + revoke.err()).isEmpty();
  }

  /**
   * One refusal.
   *
   * @param name what the case shows
   * @param config the config
   * @param args the arguments after {@code --config FILE}
   * @param exit the exit code
   * @param says texts of stderr, {@code FILE} standing for the config file
   */
  record Refusal(String name, String config, List<String> args, int exit, List<String> says) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static List<String> grant(String entitlement, String principal) {
    return List.of("grant", "--entitlement", entitlement, "--principal", principal);
  }

  static Stream<Refusal> refusals() {
    String secondDynamic =
        String.join(
            "\n",
            "        - id: \"'owner_' + .name\"",
            "          display_name: \".name\"",
            "          grantable_to: [user]",
            "          provisioning:",
            "            revoke:",
            "              queries: [DELETE FROM grants WHERE role = 'x']",
            "");
    return Stream.of(
        new Refusal(
            "two dynamic entitlements with provisioning are ambiguous",
            DYNAMIC + secondDynamic,
            grant("group:7:admin", "user:42"),
            ExitCode.INVALID_INPUT,
            List.of(
                "FILE: resource_types.group.entitlements.map: 2 dynamic entitlements have a"
                    + " provisioning block, and which of them 'admin' is cannot be told")),
        new Refusal(
            "an unknown entitlement, listing the ones with provisioning",
            CONFIG,
            grant("team:ops:owner", "user:3"),
            ExitCode.INVALID_INPUT,
            List.of(
                "FILE: resource_types.team.static_entitlements: no entitlement with id 'owner'"
                    + " (team:ops:owner); entitlements with a provisioning block: team:*:member"
                    + " (resource_types.team.static_entitlements[0])\n")),
        new Refusal(
            "an unknown resource type",
            CONFIG,
            grant("group:ops:member", "user:3"),
            ExitCode.INVALID_INPUT,
            List.of(
                "FILE: resource_types: no resource type 'group' (group:ops:member); entitlements")),
        new Refusal(
            "an entitlement without provisioning, naming its path",
            CONFIG,
            grant("team:ops:admin", "user:3"),
            ExitCode.INVALID_INPUT,
            List.of(
                "FILE: resource_types.team.static_entitlements[1]: no provisioning block"
                    + " (team:ops:admin); entitlements with a provisioning block: team:*:member")),
        new Refusal(
            "a revoke of a block without revoke",
            CONFIG.substring(0, CONFIG.indexOf("          revoke:"))
                + CONFIG.substring(CONFIG.indexOf("      - id: admin")),
            List.of("revoke", "-e", "team:ops:member", "-p", "user:3"),
            ExitCode.INVALID_INPUT,
            List.of(
                "FILE: resource_types.team.static_entitlements[0].provisioning: no revoke block,"
                    + " so 'sqlfeed revoke' has nothing to run\n")),
        new Refusal(
            "a pasted value with nothing left to paste exits 1, naming the statement",
            CONFIG.replace("VALUES (?<team>, ?<user>)", "VALUES (?<team>, ?<user|unquoted>)"),
            grant("team:ops:member", "user:--"),
            ExitCode.FAILURE,
            List.of(
                "sqlfeed: FILE: "
                    + GRANT
                    + ".queries[0]: ?<user|unquoted> pastes only the letters, digits and"
                    + " underscores of its value, and its value has none\n")),
        new Refusal(
            "a var that fails exits 1, naming the var",
            CONFIG.replace("user: principal.ID", "user: input.login"),
            grant("team:ops:member", "user:3"),
            ExitCode.FAILURE,
            List.of(
                "sqlfeed: resource_types.team.static_entitlements[0].provisioning.vars.user: ")),
        new Refusal(
            "a malformed entitlement is a usage error",
            CONFIG,
            grant("team:member", "user:3"),
            ExitCode.INVALID_INPUT,
            List.of("'team:member' is not TYPE:ID:ENTITLEMENT")));
  }

  @ParameterizedTest
  @MethodSource("refusals")
  void isRefused(Refusal r) throws IOException {
    String config = config(r.config());
    List<String> args = new ArrayList<>(r.args());
    args.addAll(1, List.of("--config", config));

    CliRun run = CliRun.run(ENV, args.toArray(String[]::new)).exits(r.exit());

    for (String text : r.says()) {
      assertThat(run.err()).contains(text.replace("FILE", config));
    }
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aMissingSqliteDatabase_exits3_andIsNotCreated() throws IOException {
    String config = config(CONFIG);
    Path file = app.dir().resolve("app.db");

    CliRun r =
        CliRun.run(
                Map.of("APP_DSN", "sqlite:" + file),
                "grant",
                "-c",
                config,
                "-e",
                "team:ops:member",
                "-p",
                "user:3")
            .exits(ExitCode.UNAVAILABLE);

    assertThat(r.err()).startsWith("sqlfeed: connect: cannot connect to ");
    assertThat(file).doesNotExist();
  }

  @Test
  void anUnreachableDatabase_exits3_withoutThePassword() throws IOException {
    String config = config(CONFIG);

    CliRun r =
        CliRun.run(
                Map.of("APP_DSN", "postgres://app:" + SECRET + "@127.0.0.1:1/app"),
                "grant",
                "-c",
                config,
                "-e",
                "team:ops:member",
                "-p",
                "user:3")
            .exits(ExitCode.UNAVAILABLE);

    assertThat(r.err()).startsWith("sqlfeed: connect: cannot connect to ");
    assertThat(r.all()).doesNotContain(SECRET);
  }
}
