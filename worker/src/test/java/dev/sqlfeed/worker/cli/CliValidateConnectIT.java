package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.jdbc.testing.OnEachDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabase.Kind;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code sqlfeed validate --connect} against real PostgreSQL, MariaDB and SQLite databases: the
 * shipped examples pass against their own schemas; a misspelt column is an error at its place in
 * the file (exit 2); a cursor column without an index is a warning (exit 0); a database that
 * refuses the login, or is not there, exits 3 without printing the secret.
 */
class CliValidateConnectIT {
  /** The schema the test config is written for; {@code updated_at} deliberately has no index. */
  private static final String[] SCHEMA = {
    "CREATE TABLE users (id INTEGER PRIMARY KEY, login VARCHAR(50) NOT NULL,"
        + " full_name VARCHAR(100), updated_at TIMESTAMP NOT NULL)"
  };

  private static final String CONFIG =
      """
      app_name: shop
      connect:
        dsn: "${SRC_DSN}"
      resource_types:
        user:
          name: User
          list:
            query: SELECT id, login, full_name FROM users
            map:
              id: ".id"
              display_name: ".full_name"
          get:
            query: SELECT id, login, full_name FROM users WHERE id = ?<id>
          incremental_sync:
            query: SELECT id, updated_at FROM users WHERE updated_at >= ?<since>
            cursor_column: updated_at
            pagination:
              primary_key: id
      """;

  @TempDir Path tmp;

  private static String dsn(TestDatabase db) {
    return db.kind() == Kind.SQLITE ? db.jdbcUrl() : AcmeExample.batonDsn(db);
  }

  private String write(String yaml) throws IOException {
    return Files.writeString(tmp.resolve("app.yml"), yaml).toString();
  }

  private static CliRun validate(String dsn, String config) {
    return CliRun.run(Map.of("SRC_DSN", dsn), "validate", "--connect", "--config", config);
  }

  @OnEachDatabase
  void aMisspeltColumn_isAnErrorAtItsLineAndColumn_inEveryQueryThatLacksIt(Kind kind)
      throws IOException {
    try (TestDatabase db = TestDatabases.create(kind)) {
      db.execute(SCHEMA);
      db.execute("CREATE INDEX users_updated_at ON users (updated_at)");
      String config = write(CONFIG.replace("\".full_name\"", "\".full_nmae\""));

      CliRun run = validate(dsn(db), config).exits(2);

      String missing =
          config
              + ":11:24: resource_types.user.list.map.display_name: column 'full_nmae' is not"
              + " among the columns of resource_types.user.%s.query (id, login, full_name);"
              + " did you mean 'full_name'?";
      assertThat(run.err().lines())
          .containsExactly(
              missing.formatted("list"),
              missing.formatted("get"),
              config + ": 3 queries checked against the database: 2 errors, 0 warnings.");
      assertThat(run.out()).isEmpty();
    }
  }

  /** Issue 9: a DATE cursor is read (its window starts at midnight), but it is coarse. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Kind.class,
      names = {"POSTGRES", "MARIADB"})
  void aDateCursorColumn_isAWarningAtCursorColumn_andStillExitsZero(Kind kind) throws IOException {
    try (TestDatabase db = TestDatabases.create(kind)) {
      db.execute(SCHEMA[0].replace("updated_at TIMESTAMP", "updated_at DATE"));
      db.execute("CREATE INDEX users_updated_at ON users (updated_at)");
      String config = write(CONFIG);

      CliRun run = validate(dsn(db), config).exits(0);

      assertTheOneWarningIsAtCursorColumn(
          run,
          config,
          "'updated_at' is a"
              + " DATE: two changes of one row on the same day carry the same cursor value,"
              + " and every cycle re-reads the rows of the latest day; see docs/incremental.md, \"Cursor"
              + " and key forms\"");
      assertThat(run.out()).contains("0 errors, 1 warning");
    }
  }

  @OnEachDatabase
  void aCursorColumnWithoutAnIndex_isAWarningAtCursorColumn_andStillExitsZero(Kind kind)
      throws IOException {
    try (TestDatabase db = TestDatabases.create(kind)) {
      db.execute(SCHEMA);
      String config = write(CONFIG);

      CliRun run = validate(dsn(db), config).exits(0);

      assertTheOneWarningIsAtCursorColumn(
          run,
          config,
          "no index of"
              + " table users leads with updated_at, so every poll of"
              + " resource_types.user.incremental_sync.query reads the whole table; add one"
              + " on (updated_at) or (updated_at, <primary key>)");
      assertThat(run.out())
          .isEqualTo(
              config
                  + ": ok: app shop, 1 resource type; 3 queries checked against the database:"
                  + " 0 errors, 1 warning\n");
    }
  }

  @OnEachDatabase
  void aMissingTable_isAnErrorAtTheQuery_withTheDatabasesOwnWords(Kind kind) throws IOException {
    try (TestDatabase db = TestDatabases.create(kind)) {
      db.execute(SCHEMA);
      db.execute("CREATE INDEX users_updated_at ON users (updated_at)");
      String config = write(CONFIG.replace("FROM users WHERE id", "FROM user_accounts WHERE id"));

      CliRun run = validate(dsn(db), config).exits(2);

      assertThat(run.err())
          .startsWith(config + ":13:14: resource_types.user.get.query: ")
          .containsIgnoringCase("user_accounts")
          .contains("3 queries checked against the database: 1 error, 0 warnings.");
    }
  }

  @Test
  void postgres_anUnknownRole_exitsThree_atTheConnectBlock_withoutThePassword() throws IOException {
    // The test server trusts 127.0.0.1, so a wrong password alone would be let in; a role that
    // does not exist is refused the same way (SQLState 28000).
    try (TestDatabase db = TestDatabases.create(Kind.POSTGRES)) {
      String dsn =
          AcmeExample.batonDsn(db)
              .replaceFirst("://[^@]*@", "://sqlfeed_no_such_role:S3cret-pw-77@");
      String config = write(CONFIG);

      CliRun run = validate(dsn, config).exits(3);

      assertThat(run.err())
          .startsWith(config + ":3:3: connect: cannot connect to ")
          .contains("sqlfeed_no_such_role")
          .doesNotContain("S3cret-pw-77");
      assertThat(run.all()).doesNotContain("S3cret-pw-77");
    }
  }

  @Test
  void mariadb_aWrongPassword_exitsThree_atTheConnectBlock_withoutThePassword() throws IOException {
    try (TestDatabase db = TestDatabases.create(Kind.MARIADB)) {
      String user = db.name() + "_u";
      db.execute(
          "CREATE USER '" + user + "'@'%' IDENTIFIED BY 'Right-pw-31'",
          "GRANT SELECT ON " + db.name() + ".* TO '" + user + "'@'%'");
      try {
        String dsn =
            AcmeExample.batonDsn(db).replaceFirst("://[^@]*@", "://" + user + ":Wr0ng-pw-42@");
        String config = write(CONFIG);

        CliRun run = validate(dsn, config).exits(3);

        assertThat(run.err())
            .startsWith(config + ":3:3: connect: cannot connect to ")
            .contains("Access denied");
        assertThat(run.all()).doesNotContain("Wr0ng-pw-42");
      } finally {
        db.execute("DROP USER '" + user + "'@'%'");
      }
    }
  }

  @Test
  void sqlite_aDatabaseFileThatIsNotThere_exitsThree() throws IOException {
    String config = write(CONFIG);

    CliRun run = validate("sqlite:" + tmp.resolve("missing.db"), config).exits(3);

    assertThat(run.err()).startsWith(config + ":3:3: connect: cannot connect to ");
    assertThat(tmp.resolve("missing.db")).doesNotExist();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"POSTGRES, postgres, ACME_PG_DSN", "MARIADB, mariadb, ACME_MARIADB_DSN"})
  void theServerExamples_passAgainstTheirSchemas(Kind kind, String example, String variable) {
    try (TestDatabase db = TestDatabases.create(kind)) {
      AcmeExample.load(db, example);
      String config = AcmeExample.examplesDir().resolve(example).resolve("app.yml").toString();

      CliRun run =
          CliRun.run(
                  Map.of(variable, AcmeExample.batonDsn(db)),
                  "validate",
                  "--connect",
                  "--config",
                  config)
              .exits(0);

      assertThat(run.err()).as("no errors, warnings or notes").isEmpty();
      assertThat(run.out())
          .isEqualTo(
              config
                  + ": ok: app acme, 3 resource types; 13 queries checked against the database:"
                  + " 0 errors, 0 warnings\n");
    }
  }

  @Test
  void theSqliteExample_passesAgainstItsSchema() {
    Path config = AcmeExample.copySqliteExample(tmp);
    CliRun.run("init-example", tmp.resolve("sqlite").toString()).exits(0);

    CliRun run = CliRun.run("validate", "--connect", "--config", config.toString()).exits(0);

    assertThat(run.err()).as("no errors, warnings or notes").isEmpty();
    assertThat(run.out()).contains("13 queries checked against the database: 0 errors, 0 warnings");
  }

  /** {@code run} wrote one warning, {@code text}, at the incremental source's cursor_column. */
  private static void assertTheOneWarningIsAtCursorColumn(CliRun run, String config, String text) {
    assertThat(run.err().lines())
        .containsExactly(
            "warning: "
                + config
                + ":16:22: resource_types.user.incremental_sync.cursor_column: "
                + text);
  }
}
