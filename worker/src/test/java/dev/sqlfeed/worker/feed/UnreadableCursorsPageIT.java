package dev.sqlfeed.worker.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.connect.ConnectValues;
import dev.sqlfeed.domain.connect.ConnectionSpec;
import dev.sqlfeed.domain.feed.CycleState;
import dev.sqlfeed.jdbc.CountingSourceReaders;
import dev.sqlfeed.jdbc.JdbcStores;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabase.Kind;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.worker.config.ConfigLoader;
import dev.sqlfeed.worker.metrics.FeedMetrics;
import dev.sqlfeed.worker.metrics.SqlfeedMetrics;
import dev.sqlfeed.workflows.FeedActivitiesImpl;
import dev.sqlfeed.workflows.PageActivity;
import dev.sqlfeed.workflows.ScanRequest;
import dev.sqlfeed.workflows.ScanResult;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 11, defect 3, through the page activity on real PostgreSQL, MariaDB and SQLite: a row whose
 * cursor is NULL (and, on SQLite, one whose text cursor is not a timestamp) is never read by a
 * cycle, and the cycle still commits; the look that a committing page runs now and then counts
 * those rows and names their keys, in the page's result (from which the workflow's state and {@code
 * status} take it) and in {@code /metrics}, before the commit is written.
 */
class UnreadableCursorsPageIT {
  private static final Instant READ_AT = Instant.parse("2026-11-25T10:00:00Z");

  private static final String CONFIG =
      """
      app_name: unreadable
      connect:
        dsn: "sqlite:unused.db"
      incremental_sync:
        default_lookback: 87600h
      """
          + UsersYaml.resourceTypes(
              "SELECT id, updated_at FROM users WHERE updated_at >= ?<since>");

  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"POSTGRES", "SQLITE", "MARIADB"})
  void unreadableCursors_areCountedNamedAndExported_whileTheCycleCommitsOnlyWhatItRead(Kind kind)
      throws IOException {
    Config config = ConfigLoader.withEnvironment(Map.of()).load("u.yml", CONFIG).config();
    try (TestDatabase sourceDb = TestDatabases.create(kind);
        TestDatabase storeDb = TestDatabases.create(Kind.SQLITE)) {
      List<String> unreadable = fill(sourceDb, kind);
      SourceReader reader =
          CountingSourceReaders.open(
                  ConnectionSpec.of(
                      ConnectValues.dsn(sourceDb.jdbcUrl(), sourceDb.user(), sourceDb.password())))
              .reader();
      try (reader;
          SyncStore store = JdbcStores.open(storeDb.jdbcUrl())) {
        FeedActivitiesImpl activities =
            PageActivity.withCursorChecks(
                config, reader, store, Duration.ZERO, Duration.ofHours(1));
        ScanResult first =
            PageActivity.scan(
                activities,
                new ScanRequest(config.appName(), "user", CycleState.initial().toWire(), 100));

        assertThat(first.exhausted()).isTrue();
        assertThat(first.rows()).isEqualTo(1);
        assertThat(store.checkpoint("unreadable", "user").orElseThrow().cursor())
            .isEqualTo(READ_AT);
        assertThat(first.cursorCheck()).isNotNull();
        assertThat(first.cursorCheck().found()).isEqualTo(unreadable.size());
        assertThat(first.cursorCheck().nullsVisible()).isTrue();
        assertThat(first.cursorCheck().sampleKeys())
            .containsExactlyInAnyOrderElementsOf(unreadable);
        assertThat(first.cursorCheck().describe())
            .startsWith("unreadable cursors: " + unreadable.size() + " row(s) never read (keys ");

        SqlfeedMetrics metrics = new SqlfeedMetrics();
        new FeedMetrics(metrics, "unreadable").page("user", first);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(body, metrics.snapshots());
        assertThat(body.toString(StandardCharsets.UTF_8))
            .contains(
                "sqlfeed_feed_unreadable_cursor_rows{app=\"unreadable\",source=\"user\"} "
                    + unreadable.size());

        // The next cycle commits without another look: it is not due for an hour.
        ScanResult next =
            PageActivity.scan(
                activities, new ScanRequest(config.appName(), "user", first.state(), 100));
        assertThat(next.exhausted()).isTrue();
        assertThat(next.cursorCheck()).isNull();
      }
    }
  }

  /** One readable row (id 1, at {@link #READ_AT}) and some unreadable ones; returns their keys. */
  private static List<String> fill(TestDatabase db, Kind kind) {
    String type =
        switch (kind) {
          case POSTGRES -> "TIMESTAMPTZ";
          case MARIADB -> "DATETIME(6)";
          default -> "TEXT";
        };
    List<String> sql = new ArrayList<>();
    if (kind == Kind.MARIADB) {
      sql.add("SET time_zone = '+00:00'");
    }
    sql.add(
        "CREATE TABLE users (id BIGINT PRIMARY KEY, username VARCHAR(20), updated_at "
            + type
            + ")");
    sql.add(
        "INSERT INTO users VALUES (1, 'ann', '2026-11-25 10:00:00"
            + (kind == Kind.POSTGRES ? "+00" : "")
            + "')");
    sql.add("INSERT INTO users VALUES (2, 'bob', NULL)");
    List<String> unreadable = new ArrayList<>(List.of("2"));
    if (kind == Kind.SQLITE) {
      sql.add("INSERT INTO users VALUES (3, 'cy', 'n/a')");
      sql.add("INSERT INTO users VALUES (4, 'di', '1764064800')");
      unreadable.addAll(List.of("3", "4"));
    }
    db.execute(sql.toArray(String[]::new));
    return unreadable;
  }
}
