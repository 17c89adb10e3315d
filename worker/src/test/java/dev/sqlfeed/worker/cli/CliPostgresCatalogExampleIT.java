package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/postgres-catalog} against the local PostgreSQL server: a full sync sees the roles
 * this test creates and their membership, and a second sync turns a new membership into events.
 * Roles are cluster-wide, so the test names its own uniquely and drops only those.
 */
class CliPostgresCatalogExampleIT {
  @TempDir Path tmp;

  @Test
  void theCatalogExample_syncsRolesAndMemberships_andReconcilesANewMembership() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String group = "sqlfeed_cat_group_" + suffix;
    String alice = "sqlfeed_cat_alice_" + suffix;
    String bob = "sqlfeed_cat_bob_" + suffix;
    try (TestDatabase db = TestDatabases.create(TestDatabase.Kind.POSTGRES)) {
      try {
        db.execute(
            "CREATE ROLE " + group,
            "CREATE ROLE " + alice + " LOGIN",
            "GRANT " + group + " TO " + alice);
        Map<String, String> env = Map.of("PG_CATALOG_DSN", AcmeExample.batonDsn(db));
        String config = AcmeExample.examplesDir().resolve("postgres-catalog/app.yml").toString();
        String store = "jdbc:sqlite:" + tmp.resolve("store.db");

        CliRun.run(env, "sync", "--config", config, "--store", store).exits(ExitCode.OK);
        String mirror = CliRun.run("export", "--store", store).exits(ExitCode.OK).out();
        assertThat(mirror).contains("\"" + group + "\"").contains("\"" + alice + "\"");
        assertThat(mirror.lines().filter(l -> l.contains(alice) && l.contains(group)))
            .as("the membership as a grant")
            .isNotEmpty();

        db.execute("CREATE ROLE " + bob + " LOGIN IN ROLE " + group);
        CliRun second =
            CliRun.run(env, "sync", "--config", config, "--store", store).exits(ExitCode.OK);
        assertThat(second.out()).contains("reconciled:");
        String events = CliRun.run("events", "--store", store).exits(ExitCode.OK).out();
        assertThat(events.lines())
            .anyMatch(
                l ->
                    l.contains("\"kind\":\"grant_created\"")
                        && l.contains("\"resource_id\":\"" + group + "\"")
                        && l.contains("\"principal_id\":\"" + bob + "\""))
            .anyMatch(
                l ->
                    l.contains("\"kind\":\"resource_changed\"")
                        && l.contains("\"resource_id\":\"" + bob + "\""));
      } finally {
        db.execute(
            "DROP ROLE IF EXISTS " + bob,
            "DROP ROLE IF EXISTS " + alice,
            "DROP ROLE IF EXISTS " + group);
      }
    }
  }
}
