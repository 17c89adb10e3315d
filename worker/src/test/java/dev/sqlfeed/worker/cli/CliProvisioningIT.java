package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code sqlfeed grant} and {@code sqlfeed revoke} through the CLI entry point against real
 * PostgreSQL, MariaDB and SQLite databases: the provisioning block's statements change the app's
 * tables, with bound parameters, in one transaction unless {@code no_transaction}.
 */
class CliProvisioningIT {
  /** The grant block's first statement; the tests replace the second one to make it fail. */
  static final String AUDIT_INSERT =
      "INSERT INTO membership_audit (team_slug, user_id, action) VALUES (?<team>, ?<user>, 'grant')";

  static final String CONFIG =
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
        team:
          name: Team
          list:
            query: SELECT slug, name FROM teams
            map: {id: ".slug", display_name: ".name"}
          static_entitlements:
            - id: member
              display_name: "'member'"
              purpose: assignment
              grantable_to: [user]
              provisioning:
                vars:
                  team: resource.ID
                  user: principal.ID
                grant:
                  no_transaction: false
                  queries:
                    - INSERT INTO team_members (team_slug, user_id) VALUES (?<team>, ?<user>)
                    - AUDIT_INSERT
                revoke:
                  queries:
                    - DELETE FROM team_members WHERE team_slug = ?<team> AND user_id = ?<user>
            - id: admin
              display_name: "'admin'"
              purpose: permission
              grantable_to: [user]
          grants:
            - query: SELECT user_id FROM team_members WHERE team_slug = ?<team>
              vars: {team: "resource.ID"}
              map:
                - principal_id: ".user_id"
                  principal_type: user
                  entitlement_id: member
      """
          .replace("AUDIT_INSERT", AUDIT_INSERT);

  @TempDir Path dir;
  private TestDatabase db;

  @AfterEach
  void drop() {
    if (db != null) {
      db.close();
    }
  }

  private Map<String, String> app(TestDatabase.Kind kind) {
    db = TestDatabases.create(kind);
    db.execute(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, login VARCHAR(40) NOT NULL)",
        "CREATE TABLE teams (slug VARCHAR(40) PRIMARY KEY, name VARCHAR(40) NOT NULL)",
        "CREATE TABLE team_members (team_slug VARCHAR(40) NOT NULL, user_id INTEGER NOT NULL,"
            + " PRIMARY KEY (team_slug, user_id))",
        "CREATE TABLE membership_audit (team_slug VARCHAR(40), user_id INTEGER,"
            + " action VARCHAR(10))",
        "INSERT INTO users (id, login) VALUES (1, 'ada'), (2, 'bob'), (3, 'cy')",
        "INSERT INTO teams (slug, name) VALUES ('ops', 'Operations')",
        "INSERT INTO team_members (team_slug, user_id) VALUES ('ops', 1)");
    return Map.of("APP_DSN", dsn(db));
  }

  /** The DSN of the test database, PostgreSQL's with a password the server does not ask for. */
  static String dsn(TestDatabase db) {
    return switch (db.kind()) {
      case SQLITE -> "sqlite:" + db.jdbcUrl().substring("jdbc:sqlite:".length());
      case POSTGRES ->
          AcmeExample.batonDsn(db).replaceFirst("://([^:@]+)@", "://$1:" + SECRET + "@");
      default -> AcmeExample.batonDsn(db);
    };
  }

  /** In PostgreSQL's DSN; the local server trusts the user, so it never checks it. */
  static final String SECRET = "Pr0v1s10n-s3cret";

  private String config(String yaml) throws IOException {
    return Files.writeString(dir.resolve("app.yml"), yaml).toString();
  }

  private List<String> rows(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(r.getString(i));
        }
        rows.add(String.join(",", row));
      }
    }
    return rows;
  }

  private List<String> members() throws SQLException {
    return rows("SELECT team_slug, user_id FROM team_members ORDER BY team_slug, user_id");
  }

  @ParameterizedTest
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"POSTGRES", "MARIADB", "SQLITE"})
  void grant_insertsTheMembership_andRevokeRemovesIt(TestDatabase.Kind kind) throws Exception {
    Map<String, String> env = app(kind);
    String config = config(CONFIG);

    CliRun grant =
        CliRun.run(
                env,
                "grant",
                "--config",
                config,
                "--entitlement",
                "team:ops:member",
                "--principal",
                "user:3")
            .exits(ExitCode.OK);

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

  @ParameterizedTest
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"POSTGRES", "MARIADB", "SQLITE"})
  void dryRun_printsEachStatementWithItsParameters_andWritesNothing(TestDatabase.Kind kind)
      throws Exception {
    Map<String, String> env = app(kind);
    String config = config(CONFIG);

    CliRun dry =
        CliRun.run(
                env,
                "grant",
                "--config",
                config,
                "--entitlement",
                "team:ops:member",
                "--principal",
                "user:3",
                "--dry-run")
            .exits(ExitCode.OK);

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

  @ParameterizedTest
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"POSTGRES", "MARIADB", "SQLITE"})
  void aFailingSecondQuery_rollsBackTheFirst_andNamesItsPath(TestDatabase.Kind kind)
      throws Exception {
    Map<String, String> env = app(kind);
    String config = config(CONFIG.replace("membership_audit", "no_such_table"));

    CliRun grant =
        CliRun.run(env, "grant", "-c", config, "-e", "team:ops:member", "-p", "user:3")
            .exits(ExitCode.FAILURE);

    assertThat(grant.err())
        .startsWith(
            "sqlfeed: resource_types.team.static_entitlements[0].provisioning.grant.queries[1]: ")
        .contains("no_such_table")
        .endsWith("; rolled back: nothing was changed\n")
        .doesNotContain(SECRET);
    assertThat(grant.out()).isEmpty();
    assertThat(members()).containsExactly("ops,1");
  }

  @ParameterizedTest
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"POSTGRES", "MARIADB", "SQLITE"})
  void withNoTransaction_aFailingSecondQuery_leavesTheFirstApplied(TestDatabase.Kind kind)
      throws Exception {
    Map<String, String> env = app(kind);
    String config =
        config(
            CONFIG
                .replace("membership_audit", "no_such_table")
                .replace("no_transaction: false", "no_transaction: true"));

    CliRun grant =
        CliRun.run(env, "grant", "-c", config, "-e", "team:ops:member", "-p", "user:3")
            .exits(ExitCode.FAILURE);

    String block = "resource_types.team.static_entitlements[0].provisioning.grant";
    assertThat(grant.err())
        .startsWith("sqlfeed: " + block + ".queries[1]: ")
        .endsWith(
            "; no_transaction: the statements before it stay applied: " + block + ".queries[0]\n");
    assertThat(members()).containsExactly("ops,1", "ops,3");
  }

  @ParameterizedTest
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"POSTGRES", "MARIADB", "SQLITE"})
  void aValidationQueryWithoutARow_runsNothing_andWithOneTheGrantRuns(TestDatabase.Kind kind)
      throws Exception {
    Map<String, String> env = app(kind);
    String config =
        config(
            CONFIG.replace(
                "            no_transaction: false\n",
                "            no_transaction: false\n"
                    + "            validation_queries:\n"
                    + "              - SELECT id FROM users WHERE id = ?<user>\n"));

    CliRun unknownUser =
        CliRun.run(env, "grant", "-c", config, "-e", "team:ops:member", "-p", "user:9")
            .exits(ExitCode.FAILURE);

    assertThat(unknownUser.err())
        .isEqualTo(
            "sqlfeed: resource_types.team.static_entitlements[0].provisioning.grant"
                + ".validation_queries[0]: returned no row; rolled back: nothing was changed\n");
    assertThat(members()).containsExactly("ops,1");
    assertThat(rows("SELECT action FROM membership_audit")).isEmpty();

    CliRun knownUser =
        CliRun.run(env, "grant", "-c", config, "-e", "team:ops:member", "-p", "user:3")
            .exits(ExitCode.OK);

    assertThat(knownUser.out())
        .isEqualTo(
            "granted team:ops:member to user:3: 1 check passed, 2 statements run, 2 rows changed,"
                + " committed\n");
    assertThat(members()).containsExactly("ops,1", "ops,3");
  }

  @ParameterizedTest
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"POSTGRES", "MARIADB", "SQLITE"})
  void aStatementThatChangesMoreThanOneRow_failsAndRollsBack(TestDatabase.Kind kind)
      throws Exception {
    Map<String, String> env = app(kind);
    db.execute("INSERT INTO team_members (team_slug, user_id) VALUES ('ops', 2)");
    String config =
        config(
            CONFIG.replace(
                "DELETE FROM team_members WHERE team_slug = ?<team> AND user_id = ?<user>",
                "DELETE FROM team_members WHERE team_slug = ?<team> OR user_id = ?<user>"));

    CliRun revoke =
        CliRun.run(env, "revoke", "-c", config, "-e", "team:ops:member", "-p", "user:3")
            .exits(ExitCode.FAILURE);

    assertThat(revoke.err())
        .isEqualTo(
            "sqlfeed: resource_types.team.static_entitlements[0].provisioning.revoke.queries[0]:"
                + " changed 2 rows, more than the 1 allowed; rolled back: nothing was changed\n");
    assertThat(members()).containsExactly("ops,1", "ops,2");
  }
}
