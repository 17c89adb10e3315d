package dev.sqlfeed.worker.cli;

import static dev.sqlfeed.jdbc.testing.TestDatabase.Kind.POSTGRES;
import static dev.sqlfeed.jdbc.testing.TestDatabase.Kind.SQLITE;
import static dev.sqlfeed.worker.cli.Says.errContains;
import static dev.sqlfeed.worker.cli.Says.errIs;
import static dev.sqlfeed.worker.cli.Says.errStartsWith;
import static dev.sqlfeed.worker.cli.Says.outIs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import dev.sqlfeed.ports.SyncRun;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Failures of {@code sync} and {@code export} against real databases, through the CLI: each exits
 * with its code and says where (the resource type, the row, the expression or query path) and what
 * (the database's own message), without ever showing a password.
 */
class CliErrorsIT {
  @TempDir Path tmp;

  /** A config that reads one resource type, {@code user}, with {@code query} and {@code map}. */
  private static final String USERS =
      """
      app_name: acme
      connect:
        dsn: "%s"
      resource_types:
        user:
          name: User
          list:
            query: %s
            pagination:
              strategy: offset
              primary_key: %s
            map:
      %s
      """;

  /** Stands, in a case's config, for how a user would name the case's database. */
  private static final String DSN = "DSN";

  /**
   * A sync into a SQLite store that fails, and what it prints.
   *
   * @param name what the case shows
   * @param database the database the case creates and reads, or null for none
   * @param setup statements that create its tables and rows
   * @param config the config, where {@link #DSN} stands for the database's DSN
   * @param exits the exit code
   * @param says what the run prints
   */
  record Case(
      String name,
      TestDatabase.Kind database,
      List<String> setup,
      String config,
      int exits,
      List<Says> says) {
    Case(
        String name,
        TestDatabase.Kind database,
        List<String> setup,
        String config,
        int exits,
        Says... says) {
      this(name, database, setup, config, exits, List.of(says));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> failingSyncs() {
    return Stream.of(
        new Case(
            "a column the row does not have: exit 1, naming the type, the row and the expression",
            SQLITE,
            List.of(
                "CREATE TABLE users (id INTEGER, login TEXT)",
                "INSERT INTO users VALUES (1, 'ada')"),
            users(
                DSN,
                "SELECT id, login FROM users ORDER BY id LIMIT ?<Limit> OFFSET ?<Offset>",
                "id",
                """
                id: ".id"
                display_name: ".nmae"
                """),
            1,
            errIs(
                "sqlfeed: resource type user, row id=1: resource_types.user.list.map.display_name:"
                    + " expression '.nmae': the row has no column 'nmae' (columns: [id, login])\n")),
        new Case(
            "a column a grant row does not have: exit 1, naming the resource it was read for",
            SQLITE,
            List.of(
                "CREATE TABLE teams (slug TEXT)",
                "CREATE TABLE members (team TEXT, user_id INTEGER)",
                "INSERT INTO teams VALUES ('ops')",
                "INSERT INTO members VALUES ('ops', 4)"),
            """
            app_name: acme
            connect:
              dsn: "DSN"
            resource_types:
              team:
                name: Team
                list:
                  query: SELECT slug FROM teams
                  map:
                    id: ".slug"
                    display_name: ".slug"
                static_entitlements:
                  - id: member
                    display_name: "'member'"
                    purpose: assignment
                grants:
                  - query: SELECT user_id FROM members WHERE team = ?<team>
                    vars:
                      team: "resource.ID"
                    map:
                      - principal_id: ".userid"
                        principal_type: team
                        entitlement_id: member
            """,
            1,
            errIs(
                "sqlfeed: resource type team grants of ops, row #1:"
                    + " resource_types.team.grants[0].map[0].principal_id: expression '.userid':"
                    + " the row has no column 'userid' (columns: [user_id])\n")),
        new Case(
            "a NULL id: exit 1, naming the type, the row's key and the expression",
            SQLITE,
            List.of(
                "CREATE TABLE users (user_key INTEGER, external_id TEXT)",
                "INSERT INTO users VALUES (1, 'ada'), (2, NULL)"),
            users(
                DSN,
                "SELECT user_key, external_id FROM users ORDER BY user_key"
                    + " LIMIT ?<Limit> OFFSET ?<Offset>",
                "user_key",
                """
                id: ".external_id"
                display_name: "'someone'"
                """),
            1,
            errIs(
                "sqlfeed: resource type user, row user_key=2: resource_types.user.list.map.id"
                    + " (.external_id): the resource id is empty (a NULL column?)\n")),
        new Case(
            "a NULL primary key and id: exit 1, naming the type and the expression",
            SQLITE,
            List.of(
                "CREATE TABLE users (id INTEGER, login TEXT)",
                "INSERT INTO users VALUES (NULL, 'ghost')"),
            users(
                DSN,
                "SELECT id, login FROM users ORDER BY id LIMIT ?<Limit> OFFSET ?<Offset>",
                "id",
                """
                id: ".id"
                display_name: ".login"
                """),
            1,
            // How the NULL key itself is spelled is left open here; the rest of the message is
            // fixed.
            errStartsWith("sqlfeed: resource type user, row id="),
            errContains(": resource_types.user.list.map.id (.id): the resource id is empty")),
        new Case(
            "an unparsable timestamp: exit 1, naming the column and the row",
            SQLITE,
            List.of(
                "CREATE TABLE users (id INTEGER, last_login TIMESTAMP)",
                "INSERT INTO users VALUES (1, '2026-11-20 09:15:00'), (2, 'not a time')"),
            users(
                DSN,
                "SELECT id, last_login FROM users ORDER BY id LIMIT ?<Limit> OFFSET ?<Offset>",
                "id",
                """
                id: ".id"
                display_name: "'someone'"
                traits:
                  user:
                    last_login: ".last_login"
                """),
            1,
            errIs(
                "sqlfeed: resource_types.user.list.query, row 2: column 'last_login': 'not a time'"
                    + " is not a timestamp\n")),
        new Case(
            "an unreachable database: exit 3",
            null,
            List.of(),
            users(
                "postgres://postgres@127.0.0.1:1/acme?sslmode=disable",
                "SELECT id FROM users LIMIT ?<Limit> OFFSET ?<Offset>",
                "id",
                """
                id: ".id"
                display_name: ".id"
                """),
            3,
            errStartsWith(
                "sqlfeed: connect: cannot connect to jdbc:postgresql://127.0.0.1:1/acme: "),
            outIs("")),
        new Case(
            "an SQL error: exit 1, naming the query path, with the database's message",
            SQLITE,
            List.of("CREATE TABLE users (id INTEGER)"),
            users(
                DSN,
                "SELECT id FROM nosuchtable ORDER BY id LIMIT ?<Limit> OFFSET ?<Offset>",
                "id",
                """
                id: ".id"
                display_name: ".id"
                """),
            1,
            errStartsWith("sqlfeed: resource_types.user.list.query: "),
            errContains("no such table: nosuchtable")),
        new Case(
            "an SQL error on PostgreSQL: exit 1, with PostgreSQL's own message",
            POSTGRES,
            List.of("CREATE TABLE users (id BIGINT, name TEXT)"),
            users(
                DSN,
                "SELECT id, nmae FROM users ORDER BY id LIMIT ?<Limit> OFFSET ?<Offset>",
                "id",
                """
                id: ".id"
                display_name: ".nmae"
                """),
            1,
            errStartsWith("sqlfeed: resource_types.user.list.query: "),
            errContains("ERROR: column \"nmae\" does not exist")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failingSyncs")
  void aFailingSync_exitsWithItsCode_sayingWhereAndWhat(Case c) throws IOException {
    try (TestDatabase db = c.database() == null ? null : TestDatabases.create(c.database())) {
      String yaml = c.config();
      if (db != null) {
        db.execute(c.setup().toArray(String[]::new));
        yaml = yaml.replace(DSN, dsn(db));
      }
      Path config = write(yaml);

      CliRun run = sync(config, "jdbc:sqlite:" + tmp.resolve("store.db"));

      run.exits(c.exits());
      c.says().forEach(says -> says.check(run));
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"SQLITE", "POSTGRES", "MARIADB"})
  void integersAbove2To53_areExportedExactly(TestDatabase.Kind kind) throws IOException {
    try (TestDatabase db = TestDatabases.create(kind)) {
      db.execute(
          "CREATE TABLE users (id BIGINT, login VARCHAR(20))",
          "INSERT INTO users VALUES (9007199254740993, 'big'), (9223372036854775807, 'max'),"
              + " (-9223372036854775808, 'min')");
      Path config =
          write(
              users(
                  dsn(db),
                  "SELECT id, login FROM users ORDER BY id LIMIT ?<Limit> OFFSET ?<Offset>",
                  "id",
                  """
                  id: ".id"
                  display_name: ".login"
                  traits:
                    user:
                      profile:
                        raw: ".id"
                        next: ".id == 9007199254740993 ? .id + 1 : .id"
                  """));
      String store = "jdbc:sqlite:" + tmp.resolve("store.db");

      sync(config, store).exits(0);

      assertThat(CliRun.run("export", "--store", store).exits(0).out())
          .isEqualTo(
              """
              {"type":"resource","resource_type":"user","resource_id":"-9223372036854775808",\
              "display_name":"min","description":null,"parent":null,"traits":{"user":{"profile":\
              {"next":-9223372036854775808,"raw":-9223372036854775808}}}}
              {"type":"resource","resource_type":"user","resource_id":"9007199254740993",\
              "display_name":"big","description":null,"parent":null,"traits":{"user":{"profile":\
              {"next":9007199254740994,"raw":9007199254740993}}}}
              {"type":"resource","resource_type":"user","resource_id":"9223372036854775807",\
              "display_name":"max","description":null,"parent":null,"traits":{"user":{"profile":\
              {"next":9223372036854775807,"raw":9223372036854775807}}}}
              """);
    }
  }

  @Test
  void anUnreachableStore_exits3() {
    CliRun run = CliRun.run("export", "--store", "jdbc:postgresql://127.0.0.1:1/sqlfeed").exits(3);

    assertThat(run.err())
        .startsWith(
            "sqlfeed: cannot open the sync store (store jdbc:postgresql://127.0.0.1:1/sqlfeed): ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aStoreDatabaseThatDoesNotExist_exits3() {
    try (TestDatabase db = TestDatabases.create(TestDatabase.Kind.MARIADB)) {
      String missing = db.jdbcUrl() + "_missing";

      CliRun run =
          CliRun.run(AcmeExample.withStore(Map.of(), db), "export", "--store", missing).exits(3);

      assertThat(run.err())
          .startsWith("sqlfeed: cannot open the sync store (store " + missing + "): ")
          .contains("Unknown database '" + db.name() + "_missing'");
    }
  }

  @Test
  void aWrongPasswordOnMariaDb_exits3_andNoPasswordIsShownAnywhere() throws IOException {
    try (TestDatabase db = TestDatabases.create(TestDatabase.Kind.MARIADB)) {
      db.execute(
          "CREATE TABLE users (id BIGINT, login VARCHAR(20))",
          "INSERT INTO users VALUES (1, 'ada')");
      String user =
          "sqlfeed_u_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
      String right = "Right#pw:1@x/" + user;
      String wrong = "Wrong#pw:2@y/" + user;
      db.execute(
          "CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + right + "'",
          "GRANT SELECT ON " + db.name() + ".* TO '" + user + "'@'%'");
      try {
        URI server = URI.create(db.jdbcUrl().substring("jdbc:".length()));
        String hostPort = server.getHost() + ":" + server.getPort();
        Path fieldsConfig =
            write(
                """
                app_name: acme
                connect:
                  dsn: "mysql://%s/%s"
                  user: %s
                  password: "${ACME_DB_PASSWORD}"
                resource_types:
                  user:
                    name: User
                    list:
                      query: SELECT id, login FROM users
                      map:
                        id: ".id"
                        display_name: ".login"
                """
                    .formatted(hostPort, db.name(), user));
        Path dsnConfig =
            write(
                """
                app_name: acme
                connect:
                  dsn: "${ACME_DSN}"
                resource_types:
                  user:
                    name: User
                    list:
                      query: SELECT id, login FROM users
                      map:
                        id: ".id"
                        display_name: ".login"
                """);
        String store = "jdbc:sqlite:" + tmp.resolve("store.db");
        Map<String, String> wrongEnv =
            Map.of(
                "ACME_DB_PASSWORD",
                wrong,
                "ACME_DSN",
                "mysql://" + user + ":" + encode(wrong) + "@" + hostPort + "/" + db.name());
        Map<String, String> rightEnv =
            Map.of(
                "ACME_DB_PASSWORD",
                right,
                "ACME_DSN",
                "mysql://" + user + ":" + encode(right) + "@" + hostPort + "/" + db.name());

        String[] passwords = {wrong, encode(wrong), right, encode(right), "Wrong#pw", "Right#pw"};
        for (Path config : List.of(fieldsConfig, dsnConfig)) {
          Logged<CliRun> denied = Logged.of(() -> sync(config, wrongEnv, store));
          denied.value().exits(3);
          assertThat(denied.value().err())
              .startsWith("sqlfeed: connect: cannot connect to jdbc:mariadb://" + hostPort)
              .contains("Access denied for user '" + user + "'");
          assertThat(denied.value().all() + denied.logs()).doesNotContain(passwords);

          Logged<CliRun> allowed = Logged.of(() -> sync(config, rightEnv, store));
          allowed.value().exits(0);
          assertThat(allowed.value().all() + allowed.logs()).doesNotContain(passwords);
        }
        Map<String, String> wrongStore =
            Map.of("SQLFEED_STORE_USER", user, "SQLFEED_STORE_PASSWORD", wrong);
        Logged<CliRun> storeDenied =
            Logged.of(() -> CliRun.run(wrongStore, "export", "--store", db.jdbcUrl()));
        storeDenied.value().exits(3);
        assertThat(storeDenied.value().err())
            .startsWith("sqlfeed: cannot open the sync store (store " + db.jdbcUrl() + "): ")
            .contains("Access denied for user '" + user + "'");
        assertThat(storeDenied.value().all() + storeDenied.logs()).doesNotContain(passwords);
      } finally {
        db.execute("DROP USER IF EXISTS '" + user + "'@'%'");
      }
    }
  }

  @Test
  void aFailedSync_leavesThePreviousMirror_andRecordsAFailedRun() throws IOException {
    Path config = AcmeExample.copySqliteExample(tmp);
    CliRun.run("init-example", tmp.resolve("sqlite").toString()).exits(0);
    String store = "jdbc:sqlite:" + tmp.resolve("store.db");
    sync(config, store).exits(0);
    // The next sync stages a mirror without user 1, then fails on the last resource type's grants.
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("sqlite/acme.db"));
        var s = c.createStatement()) {
      s.execute("DELETE FROM users WHERE id = 1");
      s.execute("ALTER TABLE role_assignments RENAME TO role_assignments_old");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }

    CliRun failed = sync(config, store).exits(1);

    assertThat(failed.err())
        .startsWith("sqlfeed: resource_types.role.grants[0].query (for role 1): ")
        .contains("no such table: role_assignments");
    assertThat(CliRun.run("export", "--store", store).exits(0).out())
        .isEqualTo(AcmeExample.golden());
    List<SyncRun> runs = AcmeExample.syncRuns(store);
    assertThat(runs)
        .extracting(SyncRun::outcome)
        .containsExactly(SyncRun.Outcome.FAILED, SyncRun.Outcome.SUCCEEDED);
    assertThat(runs.get(0).message()).contains("no such table: role_assignments");
    assertThat(runs.get(0).endedAt()).isNotNull();
  }

  /** The {@link #USERS} config on {@code dsn}, with {@code map} given unindented. */
  private static String users(String dsn, String query, String primaryKey, String map) {
    return USERS.formatted(dsn, query, primaryKey, indent(map));
  }

  private static String indent(String map) {
    return map.strip().indent(8).stripTrailing();
  }

  /** How a user would name the test database in {@code connect.dsn}. */
  private static String dsn(TestDatabase db) {
    return db.kind() == TestDatabase.Kind.SQLITE
        ? db.jdbcUrl().substring("jdbc:".length())
        : AcmeExample.batonDsn(db);
  }

  private CliRun sync(Path config, String store) {
    return sync(config, Map.of(), store);
  }

  private static CliRun sync(Path config, Map<String, String> env, String store) {
    return CliRun.run(env, "sync", "--config", config.toString(), "--store", store);
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(Files.createTempFile(tmp, "config", ".yml"), yaml);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
