package dev.sqlfeed.worker.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.connect.ConnectValues;
import dev.sqlfeed.domain.connect.ConnectionSpec;
import dev.sqlfeed.domain.feed.CycleState;
import dev.sqlfeed.domain.feed.CycleStateWire;
import dev.sqlfeed.jdbc.JdbcSources;
import dev.sqlfeed.jdbc.JdbcStores;
import dev.sqlfeed.jdbc.SourceOptions;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabase.Kind;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.worker.config.ConfigLoader;
import dev.sqlfeed.workflows.FeedActivities;
import dev.sqlfeed.workflows.FeedActivitiesImpl;
import dev.sqlfeed.workflows.PageActivity;
import dev.sqlfeed.workflows.ScanRequest;
import dev.sqlfeed.workflows.ScanResult;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A page activity call that writes many pages, reading each next page while it writes the one
 * before: the same events, mirror and checkpoint as one page per call; a later page's read error
 * surfaces on the next call as it did without the pipeline; a cancelled call stops its reader and
 * gives its connection back. Real SQLite and PostgreSQL sources, real SQLite stores.
 */
class PagePipelineIT {
  private static final int USERS = 2_550;
  private static final int PAGE = 100;

  // Alike on purpose to PageRoundTripsIT's CONFIG: one users table, keyed here by username.
  private static final String CONFIG =
      """
      app_name: pipeline
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
              id: ".username"
              display_name: ".username"
          get:
            query: SELECT id, username FROM users WHERE username = ?<id> AND active = 1
          incremental_sync:
            query: SELECT id, username, updated_at FROM users WHERE updated_at >= ?<since>
            cursor_column: updated_at
            pagination:
              primary_key: id
      """;

  @Test
  void manyPagesInOneCall_writeWhatOnePagePerCallWrites() {
    try (TestDatabase source = TestDatabases.create(Kind.SQLITE);
        TestDatabase pipelined = TestDatabases.create(Kind.SQLITE);
        TestDatabase onePageEach = TestDatabases.create(Kind.SQLITE)) {
      fill(source, Kind.SQLITE, 0);

      List<ScanResult> calls = scanAll(source, pipelined, 1_000);
      List<ScanResult> single = scanAll(source, onePageEach, 1);

      // A call also ends when its time is up, so a loaded machine may need more than one.
      assertThat(calls.get(0).pages()).isGreaterThan(1);
      assertThat(calls.stream().mapToInt(ScanResult::pages).sum()).isEqualTo(USERS / PAGE + 1);
      assertThat(calls.stream().mapToLong(ScanResult::rows).sum()).isEqualTo(USERS);
      assertThat(calls.stream().mapToLong(ScanResult::eventsAppended).sum()).isEqualTo(USERS);
      assertThat(single).hasSize(USERS / PAGE + 1).allMatch(r -> r.pages() == 1);
      assertThat(last(calls).state()).isEqualTo(last(single).state());
      assertThat(events(pipelined)).hasSize(USERS).isEqualTo(events(onePageEach));
      assertThat(mirror(pipelined)).hasSize(USERS).isEqualTo(mirror(onePageEach));
    }
  }

  @Test
  void aPageThatFailsToMap_endsTheCallWithThePagesBefore_andFailsTheNextCallAsBefore() {
    try (TestDatabase source = TestDatabases.create(Kind.SQLITE);
        TestDatabase pipelined = TestDatabases.create(Kind.SQLITE);
        TestDatabase onePageEach = TestDatabases.create(Kind.SQLITE)) {
      // The 250th user has an empty username, which its id maps from: page 3 fails to map.
      fill(source, Kind.SQLITE, 250);

      ApplicationFailure withPipeline = failure(source, pipelined, 1_000);
      ApplicationFailure without = failure(source, onePageEach, 1);

      assertThat(withPipeline.getType()).isEqualTo("MappingFailed").isEqualTo(without.getType());
      assertThat(withPipeline.isNonRetryable()).isTrue();
      assertThat(withPipeline.getOriginalMessage()).isEqualTo(without.getOriginalMessage());
      assertThat(events(pipelined)).hasSize(2 * PAGE).isEqualTo(events(onePageEach));
      assertThat(mirror(pipelined)).isEqualTo(mirror(onePageEach));
    }
  }

  @Test
  void aCallCancelledWhileItWrites_stopsItsReader_andReleasesItsConnection() throws Exception {
    try (TestDatabase source = TestDatabases.create(Kind.POSTGRES);
        TestDatabase store = TestDatabases.create(Kind.SQLITE)) {
      fill(source, Kind.POSTGRES, 0);
      Config config = ConfigLoader.withEnvironment(Map.of()).load("p.yml", CONFIG).config();
      try (SourceReader reader = open(source);
          SyncStore log = JdbcStores.open(store.jdbcUrl())) {
        FeedActivitiesImpl activities =
            new FeedActivitiesImpl(config, reader, log, Clock.systemUTC());
        ScanRequest request =
            new ScanRequest(config.appName(), "user", CycleState.initial().toWire(), PAGE, 1_000);
        RuntimeException cancelled = new RuntimeException("cancelled");
        long[] beats = {0};

        assertThatThrownBy(
                () ->
                    PageActivity.scan(
                        activities,
                        request,
                        rows -> {
                          // Let the reader get going on the next pages, then cancel.
                          if (++beats[0] == 3) {
                            throw cancelled;
                          }
                        }))
            .isSameAs(cancelled);

        assertThat(readerThreads()).isEmpty();
        assertThat(busySessions(source)).isZero();
        assertThat(events(store)).hasSize(PAGE);
      }
    }
  }

  private static ScanResult last(List<ScanResult> results) {
    return results.get(results.size() - 1);
  }

  /** Scans the source to exhaustion, {@code maxPages} a call; returns every call's result. */
  private static List<ScanResult> scanAll(TestDatabase source, TestDatabase store, int maxPages) {
    return withActivities(
        source,
        store,
        activities -> {
          List<ScanResult> results = new ArrayList<>();
          CycleStateWire state = CycleState.initial().toWire();
          do {
            ScanResult result =
                activities.scanPage(new ScanRequest("pipeline", "user", state, PAGE, maxPages));
            results.add(result);
            state = result.state();
          } while (!results.get(results.size() - 1).exhausted());
          return results;
        });
  }

  /** Scans until a call fails; returns its failure. */
  private static ApplicationFailure failure(TestDatabase source, TestDatabase store, int maxPages) {
    return withActivities(
        source,
        store,
        activities -> {
          CycleStateWire state = CycleState.initial().toWire();
          for (int call = 0; call < USERS; call++) {
            try {
              ScanResult result =
                  activities.scanPage(new ScanRequest("pipeline", "user", state, PAGE, maxPages));
              assertThat(result.exhausted()).isFalse();
              state = result.state();
            } catch (ActivityFailure f) {
              return (ApplicationFailure) f.getCause();
            }
          }
          throw new AssertionError("no call failed");
        });
  }

  private static <T> T withActivities(
      TestDatabase source, TestDatabase store, Function<FeedActivities, T> body) {
    Config config = ConfigLoader.withEnvironment(Map.of()).load("p.yml", CONFIG).config();
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try (SourceReader reader = open(source);
        SyncStore log = JdbcStores.open(store.jdbcUrl())) {
      env.registerActivitiesImplementations(
          new FeedActivitiesImpl(config, reader, log, Clock.systemUTC()));
      return body.apply(
          env.newActivityStub(
              FeedActivities.class,
              ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(5)).build()));
    } finally {
      env.close();
    }
  }

  private static SourceReader open(TestDatabase source) {
    return JdbcSources.open(
        ConnectionSpec.of(ConnectValues.dsn(source.jdbcUrl(), source.user(), source.password())),
        SourceOptions.named("pipeline"));
  }

  /** Every stored event, sorted. */
  private static List<String> events(TestDatabase storeDb) {
    List<String> lines = new ArrayList<>();
    try (SyncStore store = JdbcStores.open(storeDb.jdbcUrl())) {
      store.events(Optional.empty(), 0, 100_000).forEach(e -> lines.add(e.event().toString()));
    }
    lines.sort(Comparator.naturalOrder());
    return lines;
  }

  /** The mirror, sorted. */
  private static List<String> mirror(TestDatabase storeDb) {
    List<String> lines = new ArrayList<>();
    try (SyncStore store = JdbcStores.open(storeDb.jdbcUrl())) {
      store.exportMirror(Optional.empty(), r -> lines.add(r.toJsonLine()));
    }
    lines.sort(Comparator.naturalOrder());
    return lines;
  }

  private static List<Thread> readerThreads() throws InterruptedException {
    List<Thread> alive = new ArrayList<>();
    for (int wait = 0; wait < 50; wait++) {
      alive.clear();
      Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().startsWith("sqlfeed-pages-"))
          .forEach(alive::add);
      if (alive.isEmpty()) {
        break;
      }
      Thread.sleep(100);
    }
    return alive;
  }

  /** Sessions of the source database that are running a statement or sit inside a transaction. */
  private static int busySessions(TestDatabase db) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND pid <> pg_backend_pid() AND state <> 'idle'")) {
      r.next();
      return r.getInt(1);
    }
  }

  /** {@link #USERS} users changed at one moment; user {@code empty} (if any) has no username. */
  private static void fill(TestDatabase db, Kind kind, int empty) {
    db.execute(
        "CREATE TABLE users (id BIGINT PRIMARY KEY, username VARCHAR(50), active INT, updated_at"
            + " TIMESTAMP)");
    StringJoiner users = new StringJoiner(", ", "INSERT INTO users VALUES ", "");
    for (int id = 1; id <= USERS; id++) {
      String name = id == empty ? "" : "user" + id;
      users.add("(" + id + ", '" + name + "', 1, '2026-06-01 12:00:00')");
    }
    db.execute(users.toString());
  }
}
