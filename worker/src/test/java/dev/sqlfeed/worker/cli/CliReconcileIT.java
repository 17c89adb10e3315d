package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.jdbc.JdbcStores;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import dev.sqlfeed.ports.ReconcileCounts;
import dev.sqlfeed.ports.SyncRun;
import dev.sqlfeed.ports.SyncStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconciliation end to end through the CLI: {@code sync}, hard deletes in the application's
 * database (a user, a team, a membership), {@code sync} again: {@code events} shows exactly one
 * event per deleted row, the mirror is what a fresh sync reads, and a third {@code sync} finds
 * nothing. The user and the team deleted are added to the example's data first, without
 * memberships, so that deleting them breaks no foreign key.
 */
class CliReconcileIT {
  private static final List<String> ADD =
      List.of(
          "INSERT INTO users (id, username, email, full_name, status, updated_at)"
              + " VALUES (10, 'temp', 'temp@acme.example', 'Temp Worker', 'active',"
              + " '2026-11-05 10:00:00')",
          "INSERT INTO teams (slug, name, updated_at) VALUES ('qa', 'QA', '2026-11-05 10:00:00')");
  private static final List<String> DELETE =
      List.of(
          "DELETE FROM users WHERE id = 10",
          "DELETE FROM teams WHERE slug = 'qa'",
          "DELETE FROM team_members WHERE team_slug = 'platform' AND user_id = 2");

  @TempDir Path tmp;

  @Test
  void sqlite_hardDeletesOfAUserATeamAndAMembership_areExactlyThreeEvents() {
    Path config = AcmeExample.copySqliteExample(tmp);
    CliRun.run("init-example", tmp.resolve("sqlite").toString()).exits(0);
    String appDb = "jdbc:sqlite:" + tmp.resolve("sqlite/acme.db");
    String store = "jdbc:sqlite:" + tmp.resolve("store.db");

    hardDeletesAreReconciled(
        Map.of(),
        config.toString(),
        store,
        sql -> execute(appDb, sql),
        "jdbc:sqlite:" + tmp.resolve("fresh.db"),
        () -> syncRuns(store, null, null));
  }

  @Test
  void postgres_hardDeletesOfAUserATeamAndAMembership_areExactlyThreeEvents() {
    try (TestDatabase source = TestDatabases.create(TestDatabase.Kind.POSTGRES);
        TestDatabase storeDb = TestDatabases.create(TestDatabase.Kind.POSTGRES)) {
      AcmeExample.load(source, "postgres");
      Map<String, String> env =
          AcmeExample.withStore(Map.of("ACME_PG_DSN", AcmeExample.batonDsn(source)), storeDb);
      String config = AcmeExample.examplesDir().resolve("postgres/app.yml").toString();

      hardDeletesAreReconciled(
          env,
          config,
          storeDb.jdbcUrl(),
          sql -> source.execute(sql.toArray(String[]::new)),
          "jdbc:sqlite:" + tmp.resolve("fresh.db"),
          () -> syncRuns(storeDb.jdbcUrl(), storeDb.user(), storeDb.password()));
    }
  }

  private static void hardDeletesAreReconciled(
      Map<String, String> env,
      String config,
      String store,
      Consumer<List<String>> source,
      String freshStore,
      Supplier<List<SyncRun>> syncRuns) {
    source.accept(ADD);
    CliRun first = CliRun.run(env, "sync", "--config", config, "--store", store).exits(0);
    assertThat(first.out())
        .startsWith("synced acme: 13 resources, 11 entitlements, 13 grants in ")
        .endsWith("\nreconciled: nothing (first sync of acme: a baseline, no events)\n");
    assertThat(events(env, store)).isEmpty();

    source.accept(DELETE);
    CliRun second = CliRun.run(env, "sync", "--config", config, "--store", store).exits(0);

    assertThat(second.out())
        .startsWith("synced acme: 11 resources, 9 entitlements, 12 grants in ")
        .endsWith("\nreconciled: 0 resources changed, 2 deleted, 0 grants created, 1 revoked\n");
    List<String> events = events(env, store);
    assertThat(events).hasSize(3);
    assertThat(events.get(0))
        .contains("\"kind\":\"grant_revoked\"", "\"source\":\"full-sync\"")
        .contains("\"resource_type\":\"team\",\"resource_id\":\"platform\"")
        .contains("\"entitlement\":\"member\"")
        .contains("\"principal_type\":\"user\",\"principal_id\":\"2\"");
    assertThat(events.get(1))
        .contains("\"kind\":\"resource_deleted\"", "\"resource_type\":\"team\"")
        .contains("\"resource_id\":\"qa\"");
    assertThat(events.get(2))
        .contains("\"kind\":\"resource_deleted\"", "\"resource_type\":\"user\"")
        .contains("\"resource_id\":\"10\"");
    CliRun.run(env, "sync", "--config", config, "--store", freshStore).exits(0);
    assertThat(export(env, store)).isEqualTo(export(env, freshStore));

    CliRun third = CliRun.run(env, "sync", "--config", config, "--store", store).exits(0);

    assertThat(third.out())
        .endsWith("\nreconciled: 0 resources changed, 0 deleted, 0 grants created, 0 revoked\n");
    assertThat(events(env, store)).isEqualTo(events);
    assertThat(syncRuns.get())
        .extracting(SyncRun::reconciled)
        .containsExactly(
            ReconcileCounts.NONE, new ReconcileCounts(false, 0, 2, 0, 1), ReconcileCounts.BASELINE);
  }

  private static List<String> events(Map<String, String> env, String store) {
    String out = CliRun.run(env, "events", "--store", store).exits(0).out();
    return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
  }

  private static String export(Map<String, String> env, String store) {
    return CliRun.run(env, "export", "--store", store, "--app", "acme").exits(0).out();
  }

  private static List<SyncRun> syncRuns(String url, String user, String password) {
    try (SyncStore store = JdbcStores.open(url, user, password)) {
      return store.syncRuns("acme");
    }
  }

  private static void execute(String url, List<String> statements) {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
