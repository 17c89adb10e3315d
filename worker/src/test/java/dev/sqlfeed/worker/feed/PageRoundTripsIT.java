package dev.sqlfeed.worker.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.connect.ConnectValues;
import dev.sqlfeed.domain.connect.ConnectionSpec;
import dev.sqlfeed.domain.feed.CycleState;
import dev.sqlfeed.domain.feed.CycleStateWire;
import dev.sqlfeed.jdbc.CountingSourceReaders;
import dev.sqlfeed.jdbc.CountingSourceReaders.Counted;
import dev.sqlfeed.jdbc.CountingSourceReaders.Counts;
import dev.sqlfeed.jdbc.JdbcStores;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabase.Kind;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import dev.sqlfeed.ports.SourceReader;
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
 * What one page of 1,000 changed resources costs the source, counted on the reader's connections
 * (statements prepared, transactions ended), not estimated: the page's read, the database clock,
 * the {@code get} of every changed user and its entitlements query, with a tenth of the users gone;
 * a reader's first page (which also learns the page's shape) and the next.
 */
class PageRoundTripsIT {
  private static final int CHANGES = 1_000;

  // Alike on purpose to PagePipelineIT's CONFIG: one users table, here with roles to count.
  private static final String CONFIG =
      """
      app_name: roundtrips
      connect:
        dsn: "sqlite:unused.db"
      incremental_sync:
        default_lookback: 8760h
      resource_types:
        user:
          name: User
          list:
            query: SELECT id, username FROM users
            map:
              id: ".id"
              display_name: ".username"
          get:
            query: SELECT id, username FROM users WHERE id = ?<id> AND active = 1
          entitlements:
            query: SELECT role FROM user_roles WHERE user_id = ?<uid>
            vars:
              uid: resource.ID
            map:
              - id: ".role"
                display_name: ".role"
                purpose: permission
          incremental_sync:
            query: SELECT id, updated_at FROM users WHERE updated_at >= ?<since>
            cursor_column: updated_at
            pagination:
              primary_key: id
      """;

  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"POSTGRES", "SQLITE", "MARIADB"})
  void aPageOf1000ChangedUsers_withEntitlementsQueries_costsAtMost20RoundTrips(Kind kind) {
    try (TestDatabase source = TestDatabases.create(kind);
        TestDatabase batchedStore = TestDatabases.create(Kind.SQLITE);
        TestDatabase perIdStore = TestDatabases.create(Kind.SQLITE)) {
      fill(source, kind);
      Counted batched = open(source);
      List<Counts> costs = twoPages(batched.reader(), batched.counts(), batchedStore);
      System.out.printf(
          "%s: pages of %d changes cost %s (first page), %s (next page)%n",
          kind, CHANGES, costs.get(0), costs.get(1));
      // The first page of a reader also learns the page's shape and proves the combined form.
      assertThat(costs.get(0).roundTrips()).isLessThanOrEqualTo(20);
      assertThat(costs.get(1).roundTrips()).isLessThanOrEqualTo(20);

      // The same pages with one query per id, as before batching: same mirror, counted too.
      Counted perId = open(source);
      List<Counts> perIdCosts =
          twoPages(new OneQueryPerId(perId.reader()), perId.counts(), perIdStore);
      System.out.printf(
          "%s: with one query per id, they cost %s and %s%n",
          kind, perIdCosts.get(0), perIdCosts.get(1));
      assertThat(mirror(batchedStore)).hasSize(1_800 + 1_800 + 800).isEqualTo(mirror(perIdStore));
    }
  }

  private static Counted open(TestDatabase source) {
    return CountingSourceReaders.open(
        ConnectionSpec.of(ConnectValues.dsn(source.jdbcUrl(), source.user(), source.password())));
  }

  /** Scans two pages of {@link #CHANGES} rows into the store; returns what each cost. */
  private static List<Counts> twoPages(SourceReader reader, Counts counts, TestDatabase storeDb) {
    Config config = ConfigLoader.withEnvironment(Map.of()).load("rt.yml", CONFIG).config();
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try (reader;
        SyncStore store = JdbcStores.open(storeDb.jdbcUrl())) {
      env.registerActivitiesImplementations(
          new FeedActivitiesImpl(config, reader, store, Clock.systemUTC()));
      FeedActivities activities =
          env.newActivityStub(
              FeedActivities.class,
              ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(5)).build());
      List<Counts> costs = new ArrayList<>();
      CycleStateWire state = CycleState.initial().toWire();
      for (int page = 0; page < 2; page++) {
        counts.reset();
        ScanResult result =
            activities.scanPage(new ScanRequest(config.appName(), "user", state, CHANGES));
        costs.add(counts.snapshot());
        assertThat(result.rows()).isEqualTo(CHANGES);
        assertThat(result.eventsAppended()).isEqualTo(CHANGES);
        state = result.state();
      }
      return costs;
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

  /** The reader with {@code readEach} left to the port's default: one query per call. */
  private record OneQueryPerId(SourceReader inner) implements ForwardingSourceReader {}

  /** 2,000 users changed at one moment, every tenth inactive (its get finds nothing), 1–2 roles. */
  private static void fill(TestDatabase db, Kind kind) {
    String timestamp = kind == Kind.MARIADB ? "DATETIME(6)" : "TIMESTAMP";
    db.execute(
        "CREATE TABLE users (id BIGINT PRIMARY KEY, username VARCHAR(50), active INT, updated_at "
            + timestamp
            + ")",
        "CREATE TABLE user_roles (user_id BIGINT, role VARCHAR(20))");
    StringJoiner users = new StringJoiner(", ", "INSERT INTO users VALUES ", "");
    StringJoiner roles = new StringJoiner(", ", "INSERT INTO user_roles VALUES ", "");
    for (int id = 1; id <= 2 * CHANGES; id++) {
      users.add(
          "(" + id + ", 'user" + id + "', " + (id % 10 == 0 ? 0 : 1) + ", '2026-06-01 12:00:00')");
      roles.add("(" + id + ", 'reader')");
      if (id % 2 == 0) {
        roles.add("(" + id + ", 'admin')");
      }
    }
    db.execute(users.toString(), roles.toString());
  }
}
