package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import dev.sqlfeed.ports.StoredEvent;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.worker.Wiring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The audit-log example ({@code examples/audit-log}) end to end: {@code sqlfeed run --once} over
 * its shared event feed on SQLite (created by {@code init-example}, as a user would), PostgreSQL
 * and MariaDB. The seeded history, then the application's own changes with their audit rows, each
 * give the expected events; after each run the mirror is what a fresh full sync writes; a further
 * run appends nothing; the feed's cursor is committed under its source key.
 */
class AuditLogExampleIT {
  private static final String SOURCE = "event_feeds.audit_log";

  /** What the application does, each change with its audit row, as it would write them. */
  private static final String[] CHANGES = {
    "INSERT INTO accounts (id, login, email, full_name, status)"
        + " VALUES (5, 'joan', 'joan@globex.example', 'Joan Clarke', 'active')",
    audit(18, "09:00", "account", "create", "5", null, null),
    "INSERT INTO project_members (project_slug, account_id, role) VALUES ('gemini', 5, 'viewer')",
    audit(19, "09:01", "membership", "create", "5", "gemini", "viewer"),
    "UPDATE accounts SET full_name = 'Grace B. Hopper' WHERE id = 2",
    audit(20, "09:02", "account", "update", "2", null, null),
    // A role change is a revoke and a grant, logged at the same instant.
    "DELETE FROM project_members WHERE project_slug = 'apollo' AND account_id = 2",
    audit(21, "09:03", "membership", "delete", "2", "apollo", "viewer"),
    "INSERT INTO project_members (project_slug, account_id, role) VALUES ('apollo', 2, 'maintainer')",
    audit(22, "09:03", "membership", "create", "2", "apollo", "maintainer"),
    audit(23, "09:04", "session", "login", "5", null, null),
    // Deleting a project removes its memberships first, each logged.
    "DELETE FROM project_members WHERE project_slug = 'gemini'",
    audit(24, "09:05", "membership", "delete", "2", "gemini", "maintainer"),
    audit(25, "09:05", "membership", "delete", "9007199254740993", "gemini", "viewer"),
    audit(26, "09:05", "membership", "delete", "5", "gemini", "viewer"),
    "DELETE FROM projects WHERE slug = 'gemini'",
    audit(27, "09:05", "project", "delete", null, "gemini", null),
  };

  @TempDir Path tmp;

  private static String audit(
      int id,
      String time,
      String entity,
      String action,
      String account,
      String project,
      String role) {
    return "INSERT INTO audit_log (id, logged_at, entity, action, account_id, project_slug, role)"
        + " VALUES ("
        + id
        + ", '2026-11-10 "
        + time
        + ":00', '"
        + entity
        + "', '"
        + action
        + "', "
        + (account == null ? "NULL" : account)
        + ", "
        + (project == null ? "NULL" : "'" + project + "'")
        + ", "
        + (role == null ? "NULL" : "'" + role + "'")
        + ")";
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"SQLITE", "POSTGRES", "MARIADB"})
  void runOnce_followsTheAuditLog_andTheMirrorEqualsAFreshFullSync(TestDatabase.Kind kind)
      throws IOException {
    try (Globex app = Globex.create(kind, tmp)) {
      String store = "jdbc:sqlite:" + tmp.resolve("store.db");

      CliRun history = runOnce(app, store).exits(0);

      assertThat(history.out())
          .contains(SOURCE + ": committed", "(17 rows, 15 new events, 0 duplicates)");
      List<StoredEvent> first = events(store);
      assertThat(first)
          .extracting(e -> e.event().kind())
          .containsOnly("resource_changed", "resource_deleted", "grant_created", "grant_revoked")
          .hasSize(15);
      assertThat(first).allSatisfy(e -> assertThat(e.event().source()).isEqualTo(SOURCE));
      assertThat(first)
          .extracting(e -> e.event().id())
          .startsWith(
              "resource:user:1:2026-11-01T09:00:00Z:1",
              "resource:user:2:2026-11-01T09:00:00Z:2",
              "resource:user:3:2026-11-01T09:05:00Z:3",
              "resource:project:apollo:2026-11-01T09:10:00Z:4",
              "resource:project:gemini:2026-11-01T09:10:00Z:5",
              "grant:project:apollo:1:2026-11-01T09:15:00Z:6")
          .contains(
              "resource:user:9007199254740993:2026-11-04T00:00:00Z:13",
              "grant:project:gemini:9007199254740993:2026-11-04T00:00:00Z:14")
          .endsWith(
              "revoke:project:apollo:4:2026-11-05T17:30:00Z:15",
              "resource_deleted:user:4:2026-11-05T17:30:00Z:16");
      assertThat(mirror(store)).isEqualTo(fullSync(app, "full-1.db"));

      app.execute(CHANGES);
      CliRun changes = runOnce(app, store).exits(0);

      assertThat(changes.out())
          .contains(SOURCE + ": committed", "(11 rows, 9 new events, 0 duplicates)");
      List<StoredEvent> all = events(store);
      assertThat(all.subList(15, all.size()))
          .extracting(e -> e.event().kind() + " " + e.event().id())
          .containsExactly(
              "resource_changed resource:user:5:2026-11-10T09:00:00Z:18",
              "grant_created grant:project:gemini:5:2026-11-10T09:01:00Z:19",
              "resource_changed resource:user:2:2026-11-10T09:02:00Z:20",
              "grant_revoked revoke:project:apollo:2:2026-11-10T09:03:00Z:21",
              "grant_created grant:project:apollo:2:2026-11-10T09:03:00Z:22",
              "grant_revoked revoke:project:gemini:2:2026-11-10T09:05:00Z:24",
              "grant_revoked revoke:project:gemini:9007199254740993:2026-11-10T09:05:00Z:25",
              "grant_revoked revoke:project:gemini:5:2026-11-10T09:05:00Z:26",
              "resource_deleted resource_deleted:project:gemini:2026-11-10T09:05:00Z:27");
      List<String> mirror = mirror(store);
      assertThat(mirror).isEqualTo(fullSync(app, "full-2.db"));
      assertThat(mirror)
          .anyMatch(l -> l.contains("\"display_name\":\"Grace B. Hopper\""))
          .noneMatch(l -> l.contains("\"resource_id\":\"gemini\""));

      CliRun again = runOnce(app, store).exits(0);

      assertThat(again.out()).contains(" 0 new events").doesNotContain("new events, 0 duplicates");
      assertThat(events(store)).hasSize(all.size());
      try (SyncStore s = Wiring.existingStore(store, Map.of())) {
        assertThat(s.checkpoint("globex", SOURCE))
            .map(c -> c.cursor())
            .contains(Instant.parse("2026-11-10T09:05:00Z"));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"SQLITE"})
  void history_acceptsTheFeedsSourceKey_andRejectsAnUnknownOne(TestDatabase.Kind kind)
      throws IOException {
    try (Globex app = Globex.create(kind, tmp)) {
      // Nothing listens there: a known key gets as far as connecting.
      String nowhere = "127.0.0.1:" + RunCommandSqliteIT.freePort();
      String out = tmp.resolve("history.json").toString();

      CliRun known =
          CliRun.run(
              app.env(),
              "history",
              "--config",
              app.config().toString(),
              "--temporal",
              nowhere,
              "--source",
              SOURCE,
              "--out",
              out);
      CliRun unknown =
          CliRun.run(
              app.env(),
              "history",
              "--config",
              app.config().toString(),
              "--temporal",
              nowhere,
              "--source",
              "event_feeds.nope",
              "--out",
              out);

      known.exits(ExitCode.UNAVAILABLE);
      unknown.exits(ExitCode.INVALID_INPUT);
      assertThat(unknown.err()).contains("sources: [" + SOURCE + "]");
    }
  }

  private static CliRun runOnce(Globex app, String store) {
    return CliRun.once(app.env(), app.config(), store);
  }

  private List<String> fullSync(Globex app, String file) {
    String store = "jdbc:sqlite:" + tmp.resolve(file);
    CliRun.run(app.env(), "sync", "--config", app.config().toString(), "--store", store).exits(0);
    return mirror(store);
  }

  private static List<String> mirror(String store) {
    List<String> lines = MirrorLines.of(store, "globex");
    assertThat(lines).as("the mirror of " + store).isNotEmpty();
    return lines;
  }

  private static List<StoredEvent> events(String store) {
    try (SyncStore s = Wiring.existingStore(store, Map.of())) {
      return s.events(Optional.of("globex"), 0, 1000);
    }
  }

  /**
   * The example application on one database: SQLite made by {@code init-example} from a copy of the
   * example (so nothing is written into the repository), or a test database loaded with the
   * example's schema and seed, read through the example's own config.
   */
  private record Globex(
      Path config, Map<String, String> env, String jdbcUrl, Optional<TestDatabase> db)
      implements AutoCloseable {
    private static final Path EXAMPLE = AcmeExample.examplesDir().resolve("audit-log");
    private static final String SQLITE_DSN = "dsn: \"sqlite:examples/audit-log/sqlite/globex.db\"";

    static Globex create(TestDatabase.Kind kind, Path tmp) throws IOException {
      if (kind == TestDatabase.Kind.SQLITE) {
        return sqlite(tmp);
      }
      TestDatabase db = TestDatabases.create(kind);
      String dir = kind == TestDatabase.Kind.POSTGRES ? "postgres" : "mariadb";
      String variable = kind == TestDatabase.Kind.POSTGRES ? "GLOBEX_PG_DSN" : "GLOBEX_MARIADB_DSN";
      Globex app =
          new Globex(
              EXAMPLE.resolve(dir).resolve("app.yml"),
              Map.of(variable, AcmeExample.batonDsn(db)),
              db.jdbcUrl(),
              Optional.of(db));
      List<String> script = new ArrayList<>();
      script.addAll(AcmeExample.statements(AcmeExample.read(EXAMPLE.resolve(dir + "/schema.sql"))));
      script.addAll(AcmeExample.statements(AcmeExample.read(EXAMPLE.resolve("seed.sql"))));
      app.execute(script.toArray(String[]::new));
      return app;
    }

    private static Globex sqlite(Path tmp) throws IOException {
      Path dir = Files.createDirectories(tmp.resolve("audit-log/sqlite"));
      Files.copy(EXAMPLE.resolve("sqlite/schema.sql"), dir.resolve("schema.sql"));
      Files.copy(EXAMPLE.resolve("seed.sql"), tmp.resolve("audit-log/seed.sql"));
      String yaml = AcmeExample.read(EXAMPLE.resolve("sqlite/app.yml"));
      assertThat(yaml).as("the SQLite example's DSN, which the copy rewrites").contains(SQLITE_DSN);
      Path db = dir.resolve("globex.db");
      Path config =
          Files.writeString(
              dir.resolve("app.yml"), yaml.replace(SQLITE_DSN, "dsn: \"sqlite:" + db + "\""));

      CliRun init = CliRun.run("init-example", dir.toString()).exits(0);

      assertThat(init.out()).contains("created " + db);
      return new Globex(config, Map.of(), "jdbc:sqlite:" + db, Optional.empty());
    }

    /** Runs statements on one connection; PostgreSQL's session reads zone-less times as UTC. */
    void execute(String... statements) {
      if (db.isEmpty()) {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
            Statement s = c.createStatement()) {
          for (String sql : statements) {
            s.execute(sql);
          }
        } catch (SQLException e) {
          throw new IllegalStateException("fixture failed: " + e.getMessage(), e);
        }
        return;
      }
      List<String> all = new ArrayList<>();
      if (db.get().kind() == TestDatabase.Kind.POSTGRES) {
        all.add("SET TIME ZONE 'UTC'");
      }
      all.addAll(List.of(statements));
      db.get().execute(all.toArray(String[]::new));
    }

    @Override
    public void close() {
      db.ifPresent(TestDatabase::close);
    }
  }
}
