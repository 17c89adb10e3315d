package dev.sqlfeed.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.LoadedConfig;
import dev.sqlfeed.domain.config.PaginationStrategy;
import dev.sqlfeed.domain.config.SyncMode;
import dev.sqlfeed.domain.config.SyncSettings;
import dev.sqlfeed.domain.config.entitlement.Purpose;
import dev.sqlfeed.domain.config.grant.GrantsIncrementalSync;
import dev.sqlfeed.domain.config.resource.ResourceIncrementalSync;
import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.domain.error.ConfigException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  private static final Map<String, String> ENV =
      Map.of("LIB_HOST", "db.internal", "LIB_USER", "reader", "LIB_PASSWORD", "s3cr3t-Pa55");

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(ConfigLoaderTest.class.getResource("/config/" + name).toURI());
  }

  @Test
  void aCleanFullConfigResolvesEveryIncrementalSetting() throws Exception {
    LoadedConfig loaded = ConfigLoader.withEnvironment(ENV).load(resource("sqlfeed-full.yml"));
    Config config = loaded.config();

    assertThat(loaded.warnings()).isEmpty();
    assertThat(config.appName()).isEqualTo("Library");
    assertThat(config.resourceTypes()).containsOnlyKeys("member", "shelf");
    assertThat(config.hasIncrementalSync()).isTrue();
    assertThat(config.incrementalSync())
        .isEqualTo(
            new SyncSettings(
                Duration.ofHours(12),
                Duration.ofSeconds(45),
                500,
                Duration.ofSeconds(3),
                Duration.ofMinutes(2),
                SyncMode.KEYSET));

    ResourceIncrementalSync member =
        config.resourceTypes().get("member").incrementalSync().orElseThrow();
    assertThat(member.settings())
        .isEqualTo(
            new SyncSettings(
                Duration.ofHours(12),
                Duration.ofMillis(500),
                500,
                Duration.ofSeconds(3),
                Duration.ofMinutes(90),
                SyncMode.KEYSET));
    assertThat(member.cursorColumn()).isEqualTo("updated_at");
    assertThat(member.resourceId().orElseThrow().source()).isEqualTo(".card");
    assertThat(member.query().sql().parameters()).containsExactly("since");
    assertThat(member.path()).isEqualTo("resource_types.member.incremental_sync");

    ResourceType shelf = config.resourceTypes().get("shelf");
    GrantsIncrementalSync loans = shelf.grants().get(0).incrementalSync().orElseThrow();
    assertThat(loans.settings().mode()).isEqualTo(SyncMode.COMPAT);
    assertThat(loans.settings().pageSize()).isEqualTo(50);
    assertThat(loans.settings().pollInterval()).isEqualTo(Duration.ofSeconds(45));
    assertThat(loans.revokesCursorColumn()).contains("returned_at");
    assertThat(loans.changesQuery().path())
        .isEqualTo("resource_types.shelf.grants[0].incremental_sync.changes_query");
  }

  @Test
  void aCleanFullConfigKeepsQueriesMappingsAndPaths() throws Exception {
    Config config = ConfigLoader.withEnvironment(ENV).load(resource("sqlfeed-full.yml")).config();

    ResourceType shelf = config.resourceTypes().get("shelf");
    assertThat(shelf.list().pagination().orElseThrow().strategy())
        .isEqualTo(PaginationStrategy.CURSOR);
    assertThat(shelf.list().pagination().orElseThrow().effectivePageSize()).isEqualTo(200);
    assertThat(shelf.list().query().sql().parameters()).containsExactly("cursor", "limit");
    assertThat(shelf.list().map().id().path()).isEqualTo("resource_types.shelf.list.map.id");
    assertThat(shelf.staticEntitlements().get(0).purpose()).isEqualTo(Purpose.ASSIGNMENT);
    assertThat(shelf.grants().get(0).vars().get("shelf").source()).isEqualTo("resource.ID");
    assertThat(shelf.grants().get(0).map().get(0).path())
        .isEqualTo("resource_types.shelf.grants[0].map[0]");
    assertThat(
            config
                .resourceTypes()
                .get("member")
                .list()
                .map()
                .traits()
                .user()
                .orElseThrow()
                .emails())
        .hasSize(1);
  }

  @Test
  void connectFieldsAreExpandedAndThePasswordNeverPrinted() throws Exception {
    Config config = ConfigLoader.withEnvironment(ENV).load(resource("sqlfeed-full.yml")).config();

    assertThat(config.connect().host()).isEqualTo("db.internal");
    assertThat(config.connect().port()).isEqualTo("5432");
    assertThat(config.connect().password()).isEqualTo("s3cr3t-Pa55");
    assertThat(config.connect().params()).containsEntry("sslmode", "require");
    assertThat(config.connect().toString()).doesNotContain("s3cr3t-Pa55").contains("password=***");
    assertThat(config.toString()).doesNotContain("s3cr3t-Pa55");
  }

  @Test
  void aDsnKeepsItsVariablesForPartByPartExpansionAndNeverShowsTheirValues() {
    String yaml =
        TestConfigs.MINIMAL.replace(
            "dsn: \"sqlite:demo.db\"", "dsn: \"postgres://app:${PW}@db:5432/app\"");

    Config config = TestConfigs.loader(Map.of("PW", "hunter2")).load("c.yml", yaml).config();

    // Expanded when connecting, part by part, so that a password with @:/# cannot break the DSN.
    assertThat(config.connect().dsn()).isEqualTo("postgres://app:${PW}@db:5432/app");
    assertThat(config.connect().toString())
        .doesNotContain("hunter2")
        .contains("postgres://app:***@db:5432/app");
    var spec = dev.sqlfeed.worker.Wiring.connection(config, Map.of("PW", "p@ss:w/rd#1"));
    assertThat(spec.password()).isEqualTo("p@ss:w/rd#1");
    assertThat(spec.jdbcUrl()).doesNotContain("p@ss");
  }

  @Test
  void secretParametersAreRedactedInDsnAndParams() {
    String yaml =
        TestConfigs.MINIMAL.replace(
            "dsn: \"sqlite:demo.db\"",
            "dsn: \"sqlserver://db:1433?database=app&password=${PW}\"\n  params:\n    token: ${PW}\n    app: sqlfeed");

    Config config = TestConfigs.loader(Map.of("PW", "hunter2")).load("c.yml", yaml).config();

    assertThat(config.connect().toString())
        .doesNotContain("hunter2")
        .contains("database=app&password=***")
        .contains("params={token=***, app=sqlfeed}");
  }

  @Test
  void theSameLoaderServesAFileAndText() throws Exception {
    ConfigLoader loader = TestConfigs.loader();

    assertThat(loader.load("inline.yml", TestConfigs.MINIMAL).config().appName()).isEqualTo("Demo");
    assertThat(loader.check(resource("baton/nhi-platform.yml")).errors())
        .allSatisfy(e -> assertThat(e).contains("environment variable PLATFORM_"));
  }

  @Test
  void aMissingFileIsAConfigProblemNamingIt() {
    assertThatThrownBy(() -> TestConfigs.loader().load(Path.of("no/such/config.yml")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("no/such/config.yml: cannot read the config: no such file");
  }

  @Test
  void checkReportsErrorsAndWarningsWithoutThrowing() throws Exception {
    Path file = resource("problems/warnings-only.yml");

    ConfigCheck check = TestConfigs.loader().check(file);

    assertThat(check.errors()).isEmpty();
    assertThat(check.config()).isPresent();
    assertThat(check.warnings())
        .containsExactly(
            file
                + ":13:18: resource_types.user.static_entitlements[0].purpose: 'access' is not"
                + " one of 'assignment', 'permission'; baton-sql reads it as unspecified",
            file
                + ":15:13: resource_types.user.static_entitlements[0].grantable_to: 'users' is"
                + " not a resource type of this config (did you mean 'user'?)");
  }
}
