package dev.sqlfeed.worker.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.connect.ConnectValues;
import dev.sqlfeed.domain.connect.ConnectionSpec;
import dev.sqlfeed.domain.feed.CycleState;
import dev.sqlfeed.jdbc.CountingSourceReaders;
import dev.sqlfeed.jdbc.CountingSourceReaders.Counted;
import dev.sqlfeed.jdbc.CountingSourceReaders.Counts;
import dev.sqlfeed.jdbc.JdbcStores;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabase.Kind;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.worker.config.ConfigLoader;
import dev.sqlfeed.workflows.FeedActivities;
import dev.sqlfeed.workflows.FeedActivitiesImpl;
import dev.sqlfeed.workflows.ScanRequest;
import dev.sqlfeed.workflows.ScanResult;
import io.temporal.activity.ActivityOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A page of 1,000 changed users from a row-complete source ({@code deleted_if}), counted on the
 * reader's connections: no {@code get} runs, so the page costs what its read costs, and the mirror
 * it leaves equals the one the {@code get} form leaves (a tenth of the users inactive, deleted).
 */
class RowCompleteRoundTripsIT {
  private static final int CHANGES = 1_000;

  private static final String GET_FORM =
      """
      app_name: rowcomplete
      connect:
        dsn: "sqlite:unused.db"
      incremental_sync:
        default_lookback: 8760h
      resource_types:
        user:
          name: User
          list:
            query: SELECT id, username FROM users WHERE active = 1
            map:
              id: ".id"
              display_name: ".username"
          static_entitlements:
            - id: access
              display_name: "resource.DisplayName + ' access'"
              purpose: assignment
              grantable_to: [user]
          get:
            query: SELECT id, username FROM users WHERE id = ?<id> AND active = 1
          incremental_sync:
            query: SELECT id, updated_at FROM users WHERE updated_at >= ?<since>
            cursor_column: updated_at
            pagination:
              primary_key: id
      """;

  private static final String ROW_COMPLETE =
      GET_FORM
          .replace(
              "SELECT id, updated_at FROM users",
              "SELECT id, username, active, updated_at FROM users")
          .replace(
              "cursor_column: updated_at",
              "cursor_column: updated_at\n      deleted_if: .active == 0");

  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"POSTGRES", "SQLITE", "MARIADB"})
  void aPageOf1000ChangedRows_runsNoGet_andLeavesTheMirrorTheGetFormLeaves(Kind kind) {
    try (TestDatabase source = TestDatabases.create(kind);
        TestDatabase rowStore = TestDatabases.create(Kind.SQLITE);
        TestDatabase getStore = TestDatabases.create(Kind.SQLITE)) {
      fill(source, kind);

      Counts rowComplete = onePage(ROW_COMPLETE, source, rowStore);
      Counts getForm = onePage(GET_FORM, source, getStore);

      System.out.printf(
          "%s: a page of %d changes costs %s row-complete, %s with get%n",
          kind, CHANGES, rowComplete, getForm);
      // The database clock's transaction and the page's read (3 statements, 4 on SQLite, with
      // the reader's own session set-up); the get form adds a transaction of batched gets.
      assertThat(rowComplete.transactions()).isLessThanOrEqualTo(2);
      assertThat(rowComplete.statements()).isLessThanOrEqualTo(4);
      assertThat(getForm.transactions()).isGreaterThan(rowComplete.transactions());
      assertThat(getForm.statements()).isGreaterThan(rowComplete.statements());
      assertThat(mirror(rowStore)).hasSize(2 * 900).isEqualTo(mirror(getStore));
    }
  }

  private static Counts onePage(String yaml, TestDatabase source, TestDatabase storeDb) {
    Config config = ConfigLoader.withEnvironment(Map.of()).load("rc.yml", yaml).config();
    Counted counted =
        CountingSourceReaders.open(
            ConnectionSpec.of(
                ConnectValues.dsn(source.jdbcUrl(), source.user(), source.password())));
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try (var reader = counted.reader();
        SyncStore store = JdbcStores.open(storeDb.jdbcUrl())) {
      env.registerActivitiesImplementations(
          new FeedActivitiesImpl(config, reader, store, Clock.systemUTC()));
      FeedActivities activities =
          env.newActivityStub(
              FeedActivities.class,
              ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(5)).build());
      counted.counts().reset();
      ScanResult result =
          activities.scanPage(
              new ScanRequest(config.appName(), "user", CycleState.initial().toWire(), CHANGES));
      Counts cost = counted.counts().snapshot();
      assertThat(result.rows()).isEqualTo(CHANGES);
      assertThat(result.eventsAppended()).isEqualTo(CHANGES);
      return cost;
    } finally {
      env.close();
    }
  }

  private static List<String> mirror(TestDatabase storeDb) {
    List<String> lines = new ArrayList<>();
    try (SyncStore store = JdbcStores.open(storeDb.jdbcUrl())) {
      store.exportMirror(Optional.empty(), r -> lines.add(r.toJsonLine()));
    }
    lines.sort(Comparator.naturalOrder());
    return lines;
  }

  /** 1,000 users changed at one moment, every tenth inactive. */
  private static void fill(TestDatabase db, Kind kind) {
    String timestamp = kind == Kind.MARIADB ? "DATETIME(6)" : "TIMESTAMP";
    db.execute(
        "CREATE TABLE users (id BIGINT PRIMARY KEY, username VARCHAR(50), active INT, updated_at "
            + timestamp
            + ")");
    StringJoiner users = new StringJoiner(", ", "INSERT INTO users VALUES ", "");
    for (int id = 1; id <= CHANGES; id++) {
      users.add(
          "(" + id + ", 'user" + id + "', " + (id % 10 == 0 ? 0 : 1) + ", '2026-06-01 12:00:00')");
    }
    db.execute(users.toString());
  }
}
