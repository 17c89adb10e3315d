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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code sqlfeed validate --connect} on cursor pagination: baton-sql's {@code id > ?<Cursor>} idiom
 * passes on every database (its first page leaves the comparison out); a comparison the first page
 * keeps is a warning at the very placeholder where the empty first cursor would compare wrong, and
 * not on PostgreSQL, where the first cursor is the lowest value of the compared type.
 */
class CliValidateCursorIT {
  private static final String KEPT = "WHERE NOT (id <= ?<Cursor>)";

  private static final String CONFIG =
      """
      app_name: shop
      connect:
        dsn: "${SRC_DSN}"
      resource_types:
        user:
          name: User
          list:
            query: SELECT id, login FROM users WHERE id > ?<Cursor> ORDER BY id LIMIT ?<Limit>
            pagination:
              strategy: cursor
              primary_key: id
            map:
              id: ".id"
              display_name: ".login"
      """;

  @TempDir Path tmp;

  private static String dsn(TestDatabase db) {
    return db.kind() == Kind.SQLITE ? db.jdbcUrl() : AcmeExample.batonDsn(db);
  }

  private CliRun validate(TestDatabase db, String yaml) throws IOException {
    String config = Files.writeString(tmp.resolve("app.yml"), yaml).toString();
    return CliRun.run(Map.of("SRC_DSN", dsn(db)), "validate", "--connect", "--config", config);
  }

  private static TestDatabase users(Kind kind) {
    TestDatabase db = TestDatabases.create(kind);
    db.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, login VARCHAR(50) NOT NULL)");
    return db;
  }

  @OnEachDatabase
  void theIdiom_passesWithoutWarning(Kind kind) throws IOException {
    try (TestDatabase db = users(kind)) {
      CliRun run = validate(db, CONFIG).exits(0);

      assertThat(run.err()).isEmpty();
      assertThat(run.out()).contains("0 errors, 0 warnings");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Kind.class,
      names = {"MARIADB", "SQLITE"})
  void aComparisonTheFirstPageKeeps_isAWarningAtItsPlaceholder(Kind kind) throws IOException {
    try (TestDatabase db = users(kind)) {
      String yaml = CONFIG.replace("WHERE id > ?<Cursor>", KEPT);
      String line = yaml.lines().filter(l -> l.contains(KEPT)).findFirst().orElseThrow();
      int column = line.indexOf("?<Cursor>") + 1;

      CliRun run = validate(db, yaml).exits(0);

      assertThat(run.err().lines())
          .singleElement()
          .asString()
          .startsWith(
              "warning: "
                  + tmp.resolve("app.yml")
                  + ":8:"
                  + column
                  + ": resource_types.user.list.query: ?<Cursor> is compared here, and a first"
                  + " page binds it as the empty string")
          .contains("`key > ?<Cursor>` on a plain column");
      assertThat(run.out()).contains("0 errors, 1 warning");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Kind.class,
      names = {"POSTGRES"})
  void aComparisonTheFirstPageKeeps_onAKeyTypeWithALowestValue_isNoWarningOnPostgres(Kind kind)
      throws IOException {
    try (TestDatabase db = users(kind)) {
      CliRun run = validate(db, CONFIG.replace("WHERE id > ?<Cursor>", KEPT)).exits(0);

      assertThat(run.err()).isEmpty();
      assertThat(run.out()).contains("0 errors, 0 warnings");
    }
  }
}
