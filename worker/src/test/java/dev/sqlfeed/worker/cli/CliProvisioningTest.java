package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code grant} and {@code revoke} decide without a database: entitlements they cannot find or
 * that have nothing to run, and parts of a block sqlfeed does not run (exit 2, naming the config
 * path), a var that fails (exit 1), dry runs, and a database that cannot be reached (exit 3). The
 * default DSN names a file that does not exist, so a test that got as far as connecting would fail.
 */
class CliProvisioningTest {
  private static final Map<String, String> ENV = Map.of("APP_DSN", "sqlite:/nonexistent/app.db");

  @TempDir Path dir;

  private String config(String yaml) throws IOException {
    return Files.writeString(dir.resolve("app.yml"), yaml).toString();
  }

  private CliRun grant(String config, String entitlement, String principal) {
    return CliRun.run(
        ENV, "grant", "--config", config, "--entitlement", entitlement, "--principal", principal);
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
            CliProvisioningIT.CONFIG.replace(
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
  void twoDynamicEntitlementsWithProvisioning_areAmbiguous_exit2() throws IOException {
    String second =
        String.join(
            "\n",
            "        - id: \"'owner_' + .name\"",
            "          display_name: \".name\"",
            "          grantable_to: [user]",
            "          provisioning:",
            "            revoke:",
            "              queries: [DELETE FROM grants WHERE role = 'x']",
            "");
    String config = config(DYNAMIC + second);

    CliRun r = grant(config, "group:7:admin", "user:42").exits(ExitCode.INVALID_INPUT);

    assertThat(r.err())
        .startsWith(
            config
                + ": resource_types.group.entitlements.map: 2 dynamic entitlements have a"
                + " provisioning block, and which of them 'admin' is cannot be told");
  }

  @Test
  void anUnknownEntitlement_exits2_andListsTheOnesWithProvisioning() throws IOException {
    String config = config(CliProvisioningIT.CONFIG);

    CliRun r = grant(config, "team:ops:owner", "user:3").exits(ExitCode.INVALID_INPUT);

    assertThat(r.err())
        .isEqualTo(
            config
                + ": resource_types.team.static_entitlements: no entitlement with id 'owner'"
                + " (team:ops:owner); entitlements with a provisioning block: team:*:member"
                + " (resource_types.team.static_entitlements[0])\n");
  }

  @Test
  void anUnknownResourceType_exits2() throws IOException {
    String config = config(CliProvisioningIT.CONFIG);

    CliRun r = grant(config, "group:ops:member", "user:3").exits(ExitCode.INVALID_INPUT);

    assertThat(r.err())
        .startsWith(
            config + ": resource_types: no resource type 'group' (group:ops:member); entitlements");
  }

  @Test
  void anEntitlementWithoutProvisioning_exits2_namingItsPath() throws IOException {
    String config = config(CliProvisioningIT.CONFIG);

    CliRun r = grant(config, "team:ops:admin", "user:3").exits(ExitCode.INVALID_INPUT);

    assertThat(r.err())
        .startsWith(
            config
                + ": resource_types.team.static_entitlements[1]: no provisioning block"
                + " (team:ops:admin); entitlements with a provisioning block: team:*:member");
  }

  @Test
  void revoke_ofABlockWithoutRevoke_exits2() throws IOException {
    String yaml = CliProvisioningIT.CONFIG;
    String config =
        config(
            yaml.substring(0, yaml.indexOf("          revoke:"))
                + yaml.substring(yaml.indexOf("      - id: admin")));

    CliRun r =
        CliRun.run(ENV, "revoke", "-c", config, "-e", "team:ops:member", "-p", "user:3")
            .exits(ExitCode.INVALID_INPUT);

    assertThat(r.err())
        .isEqualTo(
            config
                + ": resource_types.team.static_entitlements[0].provisioning: no revoke block, so"
                + " 'sqlfeed revoke' has nothing to run\n");
  }

  @Test
  void idempotencySignalsAndInlinePlaceholders_areRefused_notSkipped() throws IOException {
    String config =
        config(
            CliProvisioningIT.CONFIG
                .replace(
                    "            no_transaction: false\n",
                    "            no_transaction: false\n"
                        + "            validation_queries_signal_idempotency: true\n"
                        + "            validation_queries:\n"
                        + "              - SELECT 1 FROM users WHERE id = ?<user|identifier>\n")
                .replace("VALUES (?<team>, ?<user>)", "VALUES (?<team>, ?<user|unquoted>)"));

    CliRun r = grant(config, "team:ops:member", "user:3").exits(ExitCode.INVALID_INPUT);

    String block = "resource_types.team.static_entitlements[0].provisioning.grant";
    assertThat(r.err())
        .contains(
            config
                + ": "
                + block
                + ".validation_queries_signal_idempotency: not supported by 'sqlfeed grant' yet")
        .contains(
            config
                + ": "
                + block
                + ".validation_queries[0]: ?<user|identifier> pastes its value into the SQL text")
        .contains(
            config
                + ": "
                + block
                + ".queries[0]: ?<user|unquoted> pastes its value into the SQL text");
  }

  @Test
  void aVarThatFails_exits1_namingTheVar() throws IOException {
    String failing =
        config(CliProvisioningIT.CONFIG.replace("user: principal.ID", "user: input.login"));

    CliRun fails = grant(failing, "team:ops:member", "user:3").exits(ExitCode.FAILURE);

    assertThat(fails.err())
        .startsWith("sqlfeed: resource_types.team.static_entitlements[0].provisioning.vars.user: ");
  }

  @Test
  void aMalformedEntitlement_isAUsageError() throws IOException {
    String config = config(CliProvisioningIT.CONFIG);

    CliRun r = grant(config, "team:member", "user:3").exits(ExitCode.INVALID_INPUT);

    assertThat(r.err()).contains("'team:member' is not TYPE:ID:ENTITLEMENT");
  }

  @Test
  void aMissingSqliteDatabase_exits3_andIsNotCreated() throws IOException {
    String config = config(CliProvisioningIT.CONFIG);
    Path app = dir.resolve("app.db");

    CliRun r =
        CliRun.run(
                Map.of("APP_DSN", "sqlite:" + app),
                "grant",
                "-c",
                config,
                "-e",
                "team:ops:member",
                "-p",
                "user:3")
            .exits(ExitCode.UNAVAILABLE);

    assertThat(r.err()).startsWith("sqlfeed: connect: cannot connect to ");
    assertThat(app).doesNotExist();
  }

  @Test
  void anUnreachableDatabase_exits3_withoutThePassword() throws IOException {
    String config = config(CliProvisioningIT.CONFIG);

    CliRun r =
        CliRun.run(
                Map.of(
                    "APP_DSN", "postgres://app:" + CliProvisioningIT.SECRET + "@127.0.0.1:1/app"),
                "grant",
                "-c",
                config,
                "-e",
                "team:ops:member",
                "-p",
                "user:3")
            .exits(ExitCode.UNAVAILABLE);

    assertThat(r.err()).startsWith("sqlfeed: connect: cannot connect to ");
    assertThat(r.all()).doesNotContain(CliProvisioningIT.SECRET);
  }
}
