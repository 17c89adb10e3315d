package dev.sqlfeed.worker.cli;

import static dev.sqlfeed.worker.cli.ProvisioningFixture.CONFIG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.jdbc.testing.OnEachDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The parts of baton-sql's provisioning blocks beyond plain statements, through the CLI entry point
 * against real PostgreSQL, MariaDB and SQLite databases: placeholders that paste their value
 * ({@code ?<x|identifier>}, {@code ?<x|unquoted>}), a grant's {@code reject_if} and {@code
 * grant_replace}, a revoke's principal check, and {@code validation_queries_signal_idempotency}
 * where it has no effect. The app is {@link ProvisioningFixture}'s: users 1 to 3 (ada, bob, cy),
 * ada a member of team ops.
 */
class CliProvisioningPoliciesIT {
  private static final String GRANT =
      "resource_types.team.static_entitlements[0].provisioning.grant";

  /** The grant block's first key: policies go after it. */
  private static final String GRANT_BLOCK = "            no_transaction: false\n";

  private static final String MEMBER_INSERT =
      "INSERT INTO team_members (team_slug, user_id) VALUES (?<team>, ?<user>)";

  /** Granting a team's membership replaces the principal's membership of another team. */
  private static final String REPLACE =
      GRANT_BLOCK
          + "            grant_replace:\n"
          + "              query: >-\n"
          + "                SELECT team_slug, user_id FROM team_members\n"
          + "                WHERE user_id = ?<user> AND team_slug <> ?<team>\n"
          + "              map:\n"
          + "                - principal_id: \".user_id\"\n"
          + "                  principal_type: user\n"
          + "                  entitlement_id: member\n"
          + "                  entitlement_resource_id: \".team_slug\"\n";

  @RegisterExtension final ProvisioningFixture app = new ProvisioningFixture();

  /** Runs {@code command} (grant or revoke) with {@code yaml} as the config. */
  private CliRun run(
      Map<String, String> env,
      String yaml,
      String command,
      String entitlement,
      String principal,
      String... more)
      throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(command, "-c", app.config(yaml), "-e", entitlement, "-p", principal));
    args.addAll(List.of(more));
    return CliRun.run(env, args.toArray(String[]::new));
  }

  @OnEachDatabase
  void pastedPlaceholders_quoteAnIdentifier_andKeepOnlyWordCharacters(TestDatabase.Kind kind)
      throws Exception {
    Map<String, String> env = app.app(kind);
    String yaml =
        CONFIG
            .replace(
                "            team: resource.ID\n",
                "            team: resource.ID\n            table: \"'team_members'\"\n")
            .replace(
                MEMBER_INSERT,
                "INSERT INTO ?<table|identifier> (team_slug, user_id)"
                    + " VALUES (?<team>, ?<user|unquoted>)");

    CliRun dry =
        run(env, yaml, "grant", "team:ops:member", "user:3", "--dry-run").exits(ExitCode.OK);
    String quote = kind == TestDatabase.Kind.MARIADB ? "`" : "\"";
    assertThat(dry.out())
        .contains(
            "1. "
                + GRANT
                + ".queries[0]\n"
                + "   INSERT INTO "
                + quote
                + "team_members"
                + quote
                + " (team_slug, user_id) VALUES (?, 3)\n"
                + "   [1] ?<team> = 'ops' (string)\n"
                + "2. ");
    assertThat(app.members()).containsExactly("ops,1");

    CliRun granted = run(env, yaml, "grant", "team:ops:member", "user:3").exits(ExitCode.OK);

    assertThat(granted.out())
        .isEqualTo(
            "granted team:ops:member to user:3: 2 statements run, 2 rows changed, committed\n");
    assertThat(app.members()).containsExactly("ops,1", "ops,3");
  }

  @OnEachDatabase
  void rejectIf_cancelsTheGrantWithItsReason_whenItsQueryReturnsARow(TestDatabase.Kind kind)
      throws Exception {
    Map<String, String> env = app.app(kind);
    String yaml =
        withGrantLines(
            "            reject_if:\n"
                + "              query: SELECT login FROM users WHERE id = ?<user> AND login = 'cy'\n"
                + "              reason: \"'user ' + .login + ' may not join'\"\n");

    CliRun cancelled = run(env, yaml, "grant", "team:ops:member", "user:3").exits(ExitCode.FAILURE);

    assertThat(cancelled.err())
        .isEqualTo(
            "sqlfeed: grant of team:ops:member to user:3 cancelled by "
                + GRANT
                + ".reject_if: user cy may not join; nothing was changed\n");
    assertThat(cancelled.out()).isEmpty();
    assertThat(app.members()).containsExactly("ops,1");
    assertThat(app.rows("SELECT action FROM membership_audit")).isEmpty();

    run(env, yaml, "grant", "team:ops:member", "user:2").exits(ExitCode.OK);
    assertThat(app.members()).containsExactly("ops,1", "ops,2");
  }

  @OnEachDatabase
  void grantReplace_revokesTheGrantItFindsWithItsOwnRevokeBlock_inTheSameTransaction(
      TestDatabase.Kind kind) throws Exception {
    Map<String, String> env = app.app(kind);
    String yaml = CONFIG.replace(GRANT_BLOCK, REPLACE);

    CliRun moved = run(env, yaml, "grant", "team:dev:member", "user:1").exits(ExitCode.OK);

    assertThat(moved.out())
        .isEqualTo(
            "granted team:dev:member to user:1: 2 statements run, 2 rows changed, committed;"
                + " replaced team:ops:member of user:1 (grant_replace)\n");
    assertThat(app.members()).containsExactly("dev,1");

    // Nothing to replace: a plain grant.
    CliRun plain = run(env, yaml, "grant", "team:ops:member", "user:2").exits(ExitCode.OK);
    assertThat(plain.out()).doesNotContain("replaced");
    assertThat(app.members()).containsExactly("dev,1", "ops,2");

    // Two grants to replace: refused, nothing changed.
    app.db().execute("INSERT INTO team_members (team_slug, user_id) VALUES ('qa', 2)");
    CliRun two = run(env, yaml, "grant", "team:dev:member", "user:2").exits(ExitCode.FAILURE);
    assertThat(two.err())
        .startsWith("sqlfeed: " + GRANT + ".grant_replace.query: found 2 grants to replace (team:")
        .endsWith("), at most 1 allowed; rolled back: nothing was changed\n");
    assertThat(app.members()).containsExactly("dev,1", "ops,2", "qa,2");
  }

  @OnEachDatabase
  void grantReplace_isRolledBack_whenTheNewGrantWasAlreadyHeld(TestDatabase.Kind kind)
      throws Exception {
    Map<String, String> env = app.app(kind);
    app.db().execute("INSERT INTO team_members (team_slug, user_id) VALUES ('dev', 1)");
    String yaml =
        CONFIG
            .replace(GRANT_BLOCK, REPLACE)
            .replace(MEMBER_INSERT, insertIfAbsent(kind))
            .replace("              - " + ProvisioningFixture.AUDIT_INSERT + "\n", "");

    CliRun held = run(env, yaml, "grant", "team:dev:member", "user:1").exits(ExitCode.OK);

    assertThat(held.out())
        .isEqualTo(
            "already granted: team:dev:member to user:1 changed no row, so the replacement of"
                + " team:ops:member of user:1 (grant_replace) was rolled back; nothing was"
                + " changed\n");
    assertThat(app.members()).containsExactly("dev,1", "ops,1");
  }

  /** The membership insert, changing no row when the membership is there: each database's way. */
  private static String insertIfAbsent(TestDatabase.Kind kind) {
    return switch (kind) {
      case POSTGRES -> MEMBER_INSERT + " ON CONFLICT DO NOTHING";
      case MARIADB -> MEMBER_INSERT.replace("INSERT INTO", "INSERT IGNORE INTO");
      default -> MEMBER_INSERT.replace("INSERT INTO", "INSERT OR IGNORE INTO");
    };
  }

  @OnEachDatabase
  void principalCheck_saysWhenTheRevokeDeletedThePrincipal(TestDatabase.Kind kind)
      throws Exception {
    Map<String, String> env = app.app(kind);
    app.db()
        .execute(
            "INSERT INTO team_members (team_slug, user_id) VALUES ('dev', 2)",
            "INSERT INTO team_members (team_slug, user_id) VALUES ('ops', 2)");
    String revokeQueries =
        "          revoke:\n            queries:\n              - DELETE FROM team_members"
            + " WHERE team_slug = ?<team> AND user_id = ?<user>\n";
    String yaml =
        CONFIG.replace(
            revokeQueries,
            revokeQueries
                + "              - DELETE FROM users WHERE id = ?<user> AND NOT EXISTS"
                + " (SELECT 1 FROM team_members WHERE user_id = ?<user>)\n"
                + "            revoke_options:\n"
                + "              principal_exists_check:\n"
                + "                query: SELECT id FROM users WHERE id = ?<user>\n");

    CliRun last = run(env, yaml, "revoke", "team:ops:member", "user:1").exits(ExitCode.OK);
    assertThat(last.out())
        .isEqualTo(
            "revoked team:ops:member from user:1: 2 statements run, 2 rows changed, committed;"
                + " user:1 no longer exists (principal check)\n");
    assertThat(app.rows("SELECT id FROM users ORDER BY id")).containsExactly("2", "3");

    CliRun notLast = run(env, yaml, "revoke", "team:ops:member", "user:2").exits(ExitCode.OK);
    assertThat(notLast.out())
        .isEqualTo(
            "revoked team:ops:member from user:2: 2 statements run, 1 row changed, committed\n");

    // Its earlier name, on the revoke block itself, does the same.
    String older =
        yaml.replace(
            "            revoke_options:\n              principal_exists_check:\n",
            "            principal_deleted_check:\n");
    CliRun gone = run(env, older, "revoke", "team:dev:member", "user:2").exits(ExitCode.OK);
    assertThat(gone.out()).endsWith("; user:2 no longer exists (principal check)\n");
    assertThat(app.rows("SELECT id FROM users ORDER BY id")).containsExactly("3");
    assertThat(app.members()).isEmpty();
  }

  // Alike on purpose to rejectIf_cancelsTheGrantWithItsReason_whenItsQueryReturnsARow: each
  // policy is a test of its own, with the same steps.
  @OnEachDatabase
  void signalIdempotency_hasNoEffectHere_soAValidationQueryWithoutARowFails(TestDatabase.Kind kind)
      throws Exception {
    Map<String, String> env = app.app(kind);
    String yaml =
        withGrantLines(
            "            validation_queries_signal_idempotency: true\n"
                + "            validation_queries:\n"
                + "              - SELECT id FROM users WHERE id = ?<user>\n");

    CliRun run = run(env, yaml, "grant", "team:ops:member", "user:9").exits(ExitCode.FAILURE);

    assertThat(run.err())
        .startsWith(
            "warning: "
                + app.dir().resolve("app.yml")
                + ": "
                + GRANT
                + ".validation_queries_signal_idempotency: has effect on Oracle and Db2 only")
        .contains("sqlfeed: " + GRANT + ".validation_queries[0]: returned no row;");
    assertThat(app.members()).containsExactly("ops,1");
  }

  /** The config with {@code lines} added to the grant block of team's member entitlement. */
  private static String withGrantLines(String lines) {
    return CONFIG.replace(GRANT_BLOCK, GRANT_BLOCK + lines);
  }
}
