package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input catalogue: one row per kind of bad input a user can give sqlfeed (config, CEL, SQL,
 * values, keys, stores, ports and options), each run through the CLI in-process against a copy of
 * one synced SQLite store. Each row asserts the exit code, that the message names where the problem
 * is (the file's line and column and YAML path, or the query and the row), that no stack trace
 * reaches the user, and that the store's mirror, events and checkpoints are exactly as before.
 *
 * <p>The "Bad input" table of docs/operations.md is this catalogue in prose: change both together.
 */
class BadInputCatalogueIT {
  @TempDir static Path shared;

  private static Path baseSource;
  private static Path baseStore;
  private static String baseSnapshot;

  @TempDir Path tmp;

  /** The app: users, teams with a member entitlement and its grants, roles with queried ones. */
  static final String CONFIG =
      """
      app_name: acme
      connect:
        dsn: "sqlite:SOURCE"
      resource_types:
        user:
          name: User
          list:
            query: SELECT id, name FROM users ORDER BY id
            map:
              id: ".id"
              display_name: ".name"
        team:
          name: Team
          list:
            query: SELECT slug FROM teams ORDER BY slug
            map:
              id: ".slug"
              display_name: ".slug"
          static_entitlements:
            - id: member
              display_name: "'member'"
              purpose: assignment
          grants:
            - query: SELECT id, user_id FROM members WHERE team = ?<team> ORDER BY id
              vars:
                team: "resource.ID"
              pagination:
                strategy: cursor
                primary_key: id
              map:
                - principal_id: ".user_id"
                  principal_type: user
                  entitlement_id: member
        role:
          name: Role
          list:
            query: SELECT name FROM roles ORDER BY name
            map:
              id: ".name"
              display_name: ".name"
          entitlements:
            query: SELECT perm, label FROM role_perms WHERE role = ?<role> ORDER BY perm
            vars:
              role: "resource.ID"
            map:
              - id: ".perm"
                display_name: ".label"
                purpose: permission
      """;

  @BeforeAll
  static void syncTheBaseStore() throws Exception {
    baseSource = shared.resolve("source.db");
    sql(
        baseSource,
        "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)",
        "CREATE TABLE teams (slug TEXT PRIMARY KEY)",
        "CREATE TABLE members (id INTEGER PRIMARY KEY, team TEXT, user_id INTEGER)",
        "CREATE TABLE roles (name TEXT PRIMARY KEY)",
        "CREATE TABLE role_perms (role TEXT, perm TEXT, label TEXT)",
        "INSERT INTO users VALUES (1, 'Ada'), (2, 'Bob'), (3, 'Cy')",
        "INSERT INTO teams VALUES ('dev'), ('ops')",
        "INSERT INTO members VALUES (1, 'dev', 1), (2, 'dev', 2), (3, 'ops', 3)",
        "INSERT INTO roles VALUES ('admin')",
        "INSERT INTO role_perms VALUES ('admin', 'read', 'Read'), ('admin', 'write', 'Write')");
    baseStore = shared.resolve("store.db");
    Path config = shared.resolve("app.yml");
    Files.writeString(config, CONFIG.replace("SOURCE", baseSource.toString()));
    CliRun.run("sync", "--in-process", "--config", config.toString(), "--store", url(baseStore))
        .exits(ExitCode.OK);
    baseSnapshot = snapshot(baseStore);
    assertThat(baseSnapshot).contains("grants: acme|team|dev|member|user|2");
  }

  /** One bad input: what to run in a fresh case directory, and what it must answer. */
  record Case(String name, int exit, String message, Setup setup) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Prepares a case in its directory and gives the command line to run. */
  interface Setup {
    String[] args(Fixture f) throws Exception;
  }

  static Stream<Case> catalogue() {
    List<Case> cases = new ArrayList<>();
    cases.addAll(BadConfigs.cases());
    cases.addAll(BadRows.cases());
    cases.addAll(BadStoresAndOptions.cases());
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void badInput_exitsWithItsCode_namesWhereItIs_andChangesNothing(Case c) throws Exception {
    Fixture f = new Fixture(tmp);
    String[] args = c.setup().args(f);

    CliRun run = CliRun.run(args);

    run.exits(c.exit());
    assertThat(run.err())
        .as("the message of %s", run)
        .contains(c.message().replace("FILE", f.config.toString()));
    assertThat(run.all()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception:");
    assertThat(snapshot(f.store)).as("the store after %s", c.name()).isEqualTo(baseSnapshot);
  }

  @Test
  void aStoreWithAnotherApplicationsTables_gainsNoTableOfSqlfeeds() throws Exception {
    Fixture f = new Fixture(tmp);
    f.config(CONFIG);
    List<String> before = tables(f.source);

    CliRun.run("sync", "--in-process", "--config", f.config.toString(), "--store", url(f.source))
        .exits(ExitCode.INVALID_INPUT);

    assertThat(tables(f.source)).isEqualTo(before);
  }

  private static List<String> tables(Path db) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url(db));
        ResultSet rs = c.getMetaData().getTables(null, null, "%", null)) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    return names;
  }

  /** A case's own copies of the source and the store, and where its config goes. */
  static final class Fixture {
    final Path dir;
    final Path source;
    final Path store;
    final Path config;

    Fixture(Path dir) throws IOException {
      this.dir = dir;
      this.source = Files.copy(baseSource, dir.resolve("source.db"));
      this.store = Files.copy(baseStore, dir.resolve("store.db"));
      this.config = dir.resolve("app.yml");
    }

    /** Writes the config (the base one if {@code yaml} is null) pointed at this case's source. */
    Path config(String yaml) throws IOException {
      Files.writeString(config, yaml.replace("SOURCE", source.toString()));
      return config;
    }

    /** The base config with one text replaced, which must be there. */
    Path configWith(String from, String to) throws IOException {
      assertThat(CONFIG).contains(from);
      return config(CONFIG.replace(from, to));
    }

    /** Runs statements on this case's source. */
    Fixture source(String... statements) throws SQLException {
      sql(source, statements);
      return this;
    }

    String storeUrl() {
      return url(store);
    }

    /** {@code sync --in-process} of the config into this case's store. */
    String[] sync() {
      return new String[] {
        "sync", "--in-process", "--config", config.toString(), "--store", storeUrl()
      };
    }

    String[] validate() {
      return new String[] {"validate", "--config", config.toString()};
    }
  }

  static String url(Path db) {
    return "jdbc:sqlite:" + db;
  }

  static void sql(Path db, String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(db));
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  /**
   * Everything a bad input must not change: the mirror, the events, the checkpoints, and no staged
   * rows left behind. {@code sync_runs} is left out: a failed sync records itself there.
   */
  static String snapshot(Path store) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url(store));
        Statement s = c.createStatement()) {
      for (String table :
          List.of(
              "mirrors",
              "resources",
              "entitlements",
              "grants",
              "events",
              "checkpoints",
              "stage_resources",
              "stage_entitlements",
              "stage_grants")) {
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            StringBuilder line = new StringBuilder(table).append(':');
            for (int i = 1; i <= columns; i++) {
              line.append(i == 1 ? " " : "|").append(rs.getString(i));
            }
            lines.add(line.toString());
          }
        }
      }
    }
    lines.sort(null);
    return String.join("\n", lines);
  }

  /** Skips a case that cannot be set up here (such as an unreadable file when run as root). */
  static void assumeNotRoot() {
    assumeThat(System.getProperty("user.name")).as("run as root").isNotEqualTo("root");
  }
}
