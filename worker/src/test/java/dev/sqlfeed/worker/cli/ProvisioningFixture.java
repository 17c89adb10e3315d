package dev.sqlfeed.worker.cli;

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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The app, config and database that every provisioning test shares: {@code grant}, {@code revoke}
 * and {@code account create|rotate}, with or without a database. The config's {@code user} type
 * creates accounts and rotates their credential; its {@code team} type's {@code member} entitlement
 * is granted and revoked. A test changes the config with {@code CONFIG.replace(...)}.
 */
final class ProvisioningFixture implements BeforeEachCallback, AfterEachCallback {
  /** The grant block's second statement; tests replace it to make it fail. */
  static final String AUDIT_INSERT =
      "INSERT INTO membership_audit (team_slug, user_id, action) VALUES (?<team>, ?<user>, 'grant')";

  /** The create block's statement: the next id, the given login and mail, the new password. */
  static final String ACCOUNT_INSERT =
      "INSERT INTO users (id, login, mail, secret)"
          + " SELECT COALESCE(MAX(id), 0) + 1, ?<login>, ?<mail>, ?<password> FROM users";

  // Its team is alike on purpose to FullSyncTest's TEAMS_WITH_GRANTS: a team as every config
  // writes one, here with its provisioning blocks.
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
          account_provisioning:
            schema:
              - name: login
                description: Login
                type: string
                required: true
              - name: mail
                description: Mail address
                type: string
            credentials:
              random_password:
                preferred: true
                constraints:
                  - {char_set: "0123456789", min_count: 3}
              no_password:
                preferred: false
            validate:
              vars: {login: login}
              query: SELECT id, login FROM users WHERE login = ?<login>
            create:
              vars:
                login: login
                mail: mail
                password: password
              queries:
                - ACCOUNT_INSERT
          credential_rotation:
            credentials:
              random_password:
                preferred: true
            update:
              vars: {user: resource_id, password: password}
              queries:
                - UPDATE users SET secret = ?<password> WHERE id = ?<user>
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
          .replace("AUDIT_INSERT", AUDIT_INSERT)
          .replace("ACCOUNT_INSERT", ACCOUNT_INSERT);

  /** In PostgreSQL's DSN; the local server trusts the user, so it never checks it. */
  static final String SECRET = "Pr0v1s10n-s3cret";

  /**
   * For the tests that never reach a database: a file that does not exist, so a test that got as
   * far as connecting would fail.
   */
  static final Map<String, String> NO_DATABASE = Map.of("APP_DSN", "sqlite:/nonexistent/app.db");

  private Path dir;
  private TestDatabase db;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("sqlfeed-provisioning-");
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    if (db != null) {
      db.close();
      db = null;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** The test's own directory. */
  Path dir() {
    return dir;
  }

  /**
   * A new database of {@code kind} with users 1 to 3 (ada, bob, cy), team ops, and ada a member of
   * it; returns the environment that points the config at it.
   */
  Map<String, String> app(TestDatabase.Kind kind) {
    db = TestDatabases.create(kind);
    db.execute(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, login VARCHAR(40) NOT NULL,"
            + " mail VARCHAR(80), secret VARCHAR(80))",
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

  /** The database of {@link #app}. */
  TestDatabase db() {
    return db;
  }

  /** Writes {@code yaml} as the config file and returns its path. */
  String config(String yaml) throws IOException {
    return Files.writeString(dir.resolve("app.yml"), yaml).toString();
  }

  /** A JDBC URL of a new SQLite store in the test's directory. */
  String store() {
    return "jdbc:sqlite:" + dir.resolve("store.db");
  }

  /** Each row of {@code sql}, its columns joined by commas. */
  List<String> rows(String sql) throws SQLException {
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

  List<String> members() throws SQLException {
    return rows("SELECT team_slug, user_id FROM team_members ORDER BY team_slug, user_id");
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
}
