package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every config under {@code examples/} passes {@code sqlfeed validate}. */
class CliExamplesTest {
  /**
   * What the examples read from the environment. {@code validate} expands the references and parses
   * the DSNs but connects to nothing, so any well-formed DSN will do.
   */
  static final Map<String, String> DUMMY_ENV =
      Map.of(
          "ACME_PG_DSN", "postgres://reader@db.example:5432/acme?sslmode=disable",
          "ACME_MARIADB_DSN", "mysql://reader@db.example:3306/acme",
          "GLOBEX_PG_DSN", "postgres://reader@db.example:5432/globex?sslmode=disable",
          "GLOBEX_MARIADB_DSN", "mysql://reader@db.example:3306/globex",
          "PG_CATALOG_DSN", "postgres://reader@db.example:5432/postgres?sslmode=disable",
          "ACME_MSSQL_DSN", "sqlserver://reader@db.example:1433?database=acme",
          "ACME_ORACLE_DSN", "oracle://reader@db.example:1521/ACME",
          "WP_MARIADB_DSN", "mysql://reader@db.example:3306/wordpress");

  static Stream<Path> exampleConfigs() throws IOException {
    try (Stream<Path> files = Files.walk(AcmeExample.examplesDir())) {
      List<Path> configs =
          files.filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().toList();
      return configs.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exampleConfigs")
  void everyExampleConfig_validatesClean(Path config) {
    CliRun run = CliRun.run(DUMMY_ENV, "validate", "--config", config.toString()).exits(0);

    assertThat(run.out()).startsWith(config + ": ok: app ");
    if (config.endsWith(Path.of("wordpress", "app.yml"))) {
      // WordPress records no time for a role change: its roles are left to the full sync on
      // purpose (see its README), and validate says so; any other warning still fails.
      assertThat(run.err().lines())
          .as("only the warnings about full-sync-only roles")
          .hasSize(2)
          .allMatch(l -> l.contains("resource_types.role") && l.endsWith(FULL_SYNC_ONLY));
      return;
    }
    assertThat(run.err()).as("no errors and no warnings").isEmpty();
  }

  private static final String FULL_SYNC_ONLY = "only a full sync updates them";

  @Test
  void theExamples_coverSqlitePostgresAndMariadb_eachWithSchemaAndReadme() throws IOException {
    Path examples = AcmeExample.examplesDir();

    assertThat(exampleConfigs().map(examples::relativize).map(Path::toString))
        .contains("sqlite/app.yml", "postgres/app.yml", "mariadb/app.yml")
        .contains(
            "audit-log/sqlite/app.yml", "audit-log/postgres/app.yml", "audit-log/mariadb/app.yml")
        .contains("sqlserver/app.yml", "oracle/app.yml", "postgres-catalog/app.yml");
    for (String dir : List.of("sqlserver", "oracle", "postgres-catalog")) {
      assertThat(examples.resolve(dir).resolve("schema.sql")).isRegularFile();
      assertThat(examples.resolve(dir).resolve("README.md")).isRegularFile();
    }
    for (String dir : List.of("sqlite", "postgres", "mariadb")) {
      for (String app : List.of("", "audit-log/")) {
        assertThat(examples.resolve(app + dir).resolve("schema.sql")).isRegularFile();
        assertThat(examples.resolve(app + dir).resolve("README.md")).isRegularFile();
      }
    }
    assertThat(examples.resolve("seed.sql")).isRegularFile();
    assertThat(examples.resolve("audit-log/seed.sql")).isRegularFile();
    assertThat(examples.resolve("audit-log/README.md")).isRegularFile();
  }

  @Test
  void theServerExamples_readTheirDsnFromTheEnvironment() {
    Path examples = AcmeExample.examplesDir();

    CliRun run =
        CliRun.run(
            Map.of(), "validate", "--config", examples.resolve("postgres/app.yml").toString());

    run.exits(2);
    assertThat(run.err()).contains("connect.dsn: environment variable ACME_PG_DSN is not set");
  }
}
