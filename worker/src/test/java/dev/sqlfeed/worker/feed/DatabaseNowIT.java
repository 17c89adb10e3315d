package dev.sqlfeed.worker.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.connect.ConnectValues;
import dev.sqlfeed.domain.connect.ConnectionSpec;
import dev.sqlfeed.domain.feed.CanonicalTime;
import dev.sqlfeed.domain.feed.CycleState;
import dev.sqlfeed.jdbc.JdbcSources;
import dev.sqlfeed.jdbc.JdbcStores;
import dev.sqlfeed.jdbc.SourceOptions;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabase.Kind;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.worker.config.ConfigLoader;
import dev.sqlfeed.workflows.FeedActivitiesImpl;
import dev.sqlfeed.workflows.PageActivity;
import dev.sqlfeed.workflows.ScanRequest;
import dev.sqlfeed.workflows.ScanResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The page activity reports the source database's clock with the call that opened a cycle (what a
 * worker's lag metric is computed from), and none with a call that continued one. Real sources.
 */
class DatabaseNowIT {
  private static final String CONFIG =
      """
      app_name: clock
      connect:
        dsn: "sqlite:unused.db"
      incremental_sync:
        default_lookback: 8760h
        safety_lag: 5s
      """
          + UsersYaml.resourceTypes(
              "SELECT id, username, updated_at FROM users WHERE updated_at >= ?<since>");

  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"SQLITE", "POSTGRES"})
  void theCallThatOpensACycle_reportsTheDatabasesClock_theNextCallNone(Kind kind) {
    try (TestDatabase source = TestDatabases.create(kind);
        TestDatabase store = TestDatabases.create(Kind.SQLITE)) {
      source.execute(
          "CREATE TABLE users (id BIGINT PRIMARY KEY, username VARCHAR(50), updated_at"
              + " TIMESTAMP)");
      StringJoiner users = new StringJoiner(", ", "INSERT INTO users VALUES ", "");
      for (int id = 1; id <= 30; id++) {
        users.add("(" + id + ", 'user" + id + "', '2026-06-01 12:00:00')");
      }
      source.execute(users.toString());
      Config config = ConfigLoader.withEnvironment(Map.of()).load("c.yml", CONFIG).config();
      try (SourceReader reader =
              JdbcSources.open(
                  ConnectionSpec.of(
                      ConnectValues.dsn(source.jdbcUrl(), source.user(), source.password())),
                  SourceOptions.named("clock"));
          SyncStore log = JdbcStores.open(store.jdbcUrl())) {
        FeedActivitiesImpl activities =
            new FeedActivitiesImpl(config, reader, log, Clock.systemUTC());
        Instant before = Instant.now();

        ScanResult opening =
            PageActivity.scan(
                activities, new ScanRequest("clock", "user", CycleState.initial().toWire(), 10, 1));
        ScanResult continuing =
            PageActivity.scan(activities, new ScanRequest("clock", "user", opening.state(), 10, 1));

        Instant now = CanonicalTime.parse(opening.databaseNow());
        // SQLite's clock has whole seconds.
        assertThat(now).isBetween(before.minusSeconds(2), Instant.now().plusSeconds(2));
        assertThat(CanonicalTime.parse(opening.state().upTo()))
            .isEqualTo(now.minus(Duration.ofSeconds(5)));
        assertThat(opening.exhausted()).isFalse();
        assertThat(continuing.databaseNow()).isNull();
      }
    }
  }
}
