package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/wordpress} end to end on MariaDB: a full sync maps the PHP-serialized roles to
 * grants, {@code run --once} reads a new user by {@code user_registered}, and the next full sync
 * reconciles the new user's role into a grant_created event.
 */
class CliWordPressExampleIT {
  @TempDir Path tmp;

  @Test
  void theWordPressExample_syncsUsersAndSerializedRoles_andReadsANewUser() throws Exception {
    try (TestDatabase db = TestDatabases.create(TestDatabase.Kind.MARIADB)) {
      Path dir = AcmeExample.examplesDir().resolve("wordpress");
      List<String> statements = new ArrayList<>();
      statements.addAll(AcmeExample.statements(AcmeExample.read(dir.resolve("schema.sql"))));
      statements.addAll(AcmeExample.statements(AcmeExample.read(dir.resolve("seed.sql"))));
      db.execute(statements.toArray(String[]::new));
      Map<String, String> env = Map.of("WP_MARIADB_DSN", AcmeExample.batonDsn(db));
      String config = dir.resolve("app.yml").toString();
      String store = "jdbc:sqlite:" + tmp.resolve("store.db");

      CliRun sync =
          CliRun.run(env, "sync", "--config", config, "--store", store).exits(ExitCode.OK);
      assertThat(sync.out()).startsWith("synced wordpress: 8 resources, 5 entitlements, 4 grants");

      db.execute(
          "INSERT INTO wp_users (ID, user_login, user_email, user_registered, display_name)"
              + " VALUES (4, 'newbie', 'new@blog.example', UTC_TIMESTAMP() - INTERVAL 5 SECOND,"
              + " 'New Bie')",
          "INSERT INTO wp_usermeta (user_id, meta_key, meta_value)"
              + " VALUES (4, 'wp_capabilities', 'a:1:{s:10:\"subscriber\";b:1;}')");
      CliRun.once(env, config, store).exits(ExitCode.OK);
      CliRun.run(env, "sync", "--in-process", "--config", config, "--store", store)
          .exits(ExitCode.OK);

      String events = CliRun.run("events", "--store", store).exits(ExitCode.OK).out();
      assertThat(events.lines())
          .anyMatch(
              l ->
                  l.contains("\"kind\":\"resource_changed\"")
                      && l.contains("\"source\":\"user\"")
                      && l.contains("\"resource_id\":\"4\""))
          .anyMatch(
              l ->
                  l.contains("\"kind\":\"grant_created\"")
                      && l.contains("\"resource_id\":\"subscriber\"")
                      && l.contains("\"principal_id\":\"4\""));
    }
  }
}
