package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabase.Kind;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Row-complete incremental sources ({@code incremental_sync.deleted_if}), end to end on each
 * database: {@code run --once} maps the changed rows as they are read. The type's {@code get} reads
 * a table that does not exist, so a single {@code get} run would fail the cycle; the mirror still
 * ends equal to a fresh full sync, with updated, inserted (with NULL columns) and soft-deleted
 * rows, and with the type's static entitlements.
 */
class RowCompleteIT {
  private static final DateTimeFormatter T_MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS", Locale.ROOT);

  @TempDir Path dir;

  static final String CONFIG =
      """
      app_name: rowcomplete
      connect:
        dsn: "${SRC_DSN}"
      incremental_sync:
        page_size: 2
        default_lookback: 1h
      resource_types:
        user:
          name: User
          list:
            query: SELECT id, login, email FROM users WHERE deleted_at IS NULL
            map: {id: ".id", display_name: ".login", description: ".email"}
          static_entitlements:
            - id: access
              display_name: "resource.DisplayName + ' access'"
              purpose: assignment
              grantable_to: [user]
          get:
            query: SELECT id, login, email FROM get_must_not_run WHERE id = ?<id>
          incremental_sync:
            query: >-
              SELECT id, login, email, deleted_at, updated_at FROM users
              WHERE updated_at >= ?<since>
            cursor_column: updated_at
            deleted_if: ".deleted_at != null"
            pagination: {primary_key: id}
      """;

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Kind.class,
      names = {"SQLITE", "POSTGRES", "MARIADB"})
  void changedRows_areMappedWithoutAnyGet_andTheMirrorEqualsAFullSync(Kind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      Instant start = Instant.now().minus(2, ChronoUnit.DAYS);
      List<String> sql = new ArrayList<>();
      sql.add(createUsers(kind));
      for (int id = 1; id <= 5; id++) {
        sql.add(
            "INSERT INTO users VALUES ("
                + id
                + ", 'u"
                + id
                + "', 'u"
                + id
                + "@example.com', NULL, "
                + at(start)
                + ")");
      }
      db.execute(sql.toArray(String[]::new));
      Path config = Files.writeString(dir.resolve("app.yml"), CONFIG);
      Map<String, String> env = Map.of("SRC_DSN", dsn(db));
      String store = "jdbc:sqlite:" + dir.resolve("incremental.db");
      CliRun.run(env, "sync", "--config", config.toString(), "--store", store).exits(0);

      String now = at(Instant.now().minusSeconds(5));
      db.execute(
          "UPDATE users SET login = 'renamed', updated_at = " + now + " WHERE id = 1",
          "UPDATE users SET deleted_at = " + now + ", updated_at = " + now + " WHERE id = 2",
          "INSERT INTO users VALUES (6, 'new', NULL, NULL, " + now + ")",
          "INSERT INTO users VALUES (7, 'gone', NULL, " + now + ", " + now + ")");

      CliRun run = CliRun.once(env, config, store).exits(0);
      assertThat(run.out()).contains("(4 rows, 4 new events, 0 duplicates)");
      String fresh = "jdbc:sqlite:" + dir.resolve("fresh.db");
      CliRun.run(env, "sync", "--config", config.toString(), "--store", fresh).exits(0);

      String exported = CliRun.run("export", "--store", store).exits(0).out();
      assertThat(exported).isEqualTo(CliRun.run("export", "--store", fresh).exits(0).out());
      assertThat(exported).contains("renamed", "new access").doesNotContain("u2@example.com");
      assertThat(CliRun.run("events", "--store", store).exits(0).out().lines())
          .filteredOn(l -> l.contains("resource_changed"))
          .hasSize(4);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Kind.class,
      names = {"SQLITE", "POSTGRES", "MARIADB"})
  void validateConnect_refusesAnIncrementalQueryWithoutTheMapsColumns_atFileLineColumn(Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      db.execute(createUsers(kind), "CREATE INDEX users_updated_at ON users (updated_at)");
      String yaml =
          CONFIG
              .replace(
                  "    get:\n      query: SELECT id, login, email FROM get_must_not_run WHERE id ="
                      + " ?<id>\n",
                  "")
              .replace("SELECT id, login, email, deleted_at", "SELECT id, email, deleted_at");
      Path config = Files.writeString(dir.resolve("app.yml"), yaml);

      CliRun run =
          CliRun.run(
                  Map.of("SRC_DSN", dsn(db)),
                  "validate",
                  "--connect",
                  "--config",
                  config.toString())
              .exits(2);

      assertThat(run.err().lines())
          .containsExactly(
              config
                  + ":12:39: resource_types.user.list.map.display_name: column 'login' is not"
                  + " among the columns of resource_types.user.incremental_sync.query"
                  + " (id, email, deleted_at, updated_at)",
              config + ": 2 queries checked against the database: 1 error, 0 warnings.");
    }
  }

  private static String createUsers(Kind kind) {
    String stamp =
        switch (kind) {
          case POSTGRES -> "TIMESTAMP";
          case MARIADB -> "DATETIME(6) NULL";
          default -> "TEXT";
        };
    return "CREATE TABLE users (id BIGINT PRIMARY KEY, login VARCHAR(40), email VARCHAR(80),"
        + " deleted_at "
        + stamp
        + ", updated_at "
        + stamp
        + ")";
  }

  private static String at(Instant t) {
    return "'" + T_MICROS.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC)) + "'";
  }

  private static String dsn(TestDatabase db) {
    return db.kind() == Kind.SQLITE
        ? "sqlite:" + db.jdbcUrl().substring("jdbc:sqlite:".length())
        : AcmeExample.batonDsn(db);
  }
}
