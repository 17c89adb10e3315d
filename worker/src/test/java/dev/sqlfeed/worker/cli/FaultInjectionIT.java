package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.jdbc.JdbcStores;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import dev.sqlfeed.ports.StoredEvent;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.worker.faults.FaultProxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults injected between a running worker and its databases, through a {@link FaultProxy} in front
 * of the PostgreSQL source and another in front of the PostgreSQL store: the source lost in the
 * middle of a page, the store lost in the middle of a page's transaction, the source refusing every
 * connection (the pool runs dry), the source's statements timing out, and the store refusing every
 * connection. While each lasts, {@code status} and {@code /metrics} show it; once it ends, the
 * worker carries on by itself. Changes keep coming throughout. At the end every change is in the
 * event log exactly once and the mirror equals a fresh full sync.
 *
 * <p>Seeded: the order of the faults, where in the byte stream a connection is dropped, and which
 * rows change. The seed is printed on failure; {@code -Dsqlfeed.faults.seed=N} replays one.
 */
class FaultInjectionIT {
  private static final int ROWS = 2_000;
  private static final int UPDATES_PER_FAULT = 60;
  private static final Duration FAULT_SHOWS = Duration.ofSeconds(90);
  private static final Duration CATCH_UP = Duration.ofSeconds(180);

  /** The faults, each injected once per run, in a seeded order. */
  enum Fault {
    SOURCE_LOST_MID_PAGE,
    STORE_LOST_MID_TRANSACTION,
    SOURCE_POOL_EXHAUSTED,
    SOURCE_STATEMENT_TIMEOUT,
    STORE_UNREACHABLE,
    /**
     * The source's connections go silent, open and new ones alike, as a half-open connection does:
     * the DSN's read timeout ({@code socketTimeout}) ends each blocked read.
     */
    SOURCE_STALLED;

    /**
     * A dropped connection is over at once: the page it broke is retried a second later, too soon
     * to be sure of catching the failure on display, so only its outcome is checked.
     */
    boolean momentary() {
      return this == SOURCE_LOST_MID_PAGE || this == STORE_LOST_MID_TRANSACTION;
    }
  }

  @TempDir Path dir;

  private TestDatabase source;
  private TestDatabase storeDb;
  private FaultProxy sourceProxy;
  private FaultProxy storeProxy;

  @BeforeEach
  void databases() {
    source = TestDatabases.create(TestDatabase.Kind.POSTGRES);
    storeDb = TestDatabases.create(TestDatabase.Kind.POSTGRES);
    sourceProxy = proxyTo(source);
    storeProxy = proxyTo(storeDb);
  }

  @AfterEach
  void dropThem() {
    sourceProxy.close();
    storeProxy.close();
    source.close();
    storeDb.close();
  }

  @Test
  void aWorkerThroughEachFault_recoversByItself_losingAndDuplicatingNothing() throws Exception {
    long seed = Long.getLong("sqlfeed.faults.seed", System.nanoTime());
    SplittableRandom random = new SplittableRandom(seed);
    String seedNote = "seed " + seed + " (replay with -Dsqlfeed.faults.seed=" + seed + ")";
    source.execute(
        "CREATE TABLE users (id bigint PRIMARY KEY, login text NOT NULL,"
            + " updated_at timestamptz NOT NULL)",
        "CREATE INDEX users_updated ON users (updated_at, id)",
        "CREATE TABLE fault_control (delay_seconds double precision NOT NULL)",
        "INSERT INTO fault_control VALUES (0)",
        // The get calls this: a statement that takes longer than the DSN's statement_timeout
        // while the test sets a delay.
        "CREATE FUNCTION fault_delay() RETURNS boolean LANGUAGE plpgsql AS"
            + " $$ BEGIN PERFORM pg_sleep(delay_seconds) FROM fault_control; RETURN true; END $$",
        "INSERT INTO users SELECT g, 'u' || g,"
            + " now() - interval '20 minutes' + (g / 7) * interval '1 second'"
            + " FROM generate_series(1, "
            + ROWS
            + ") g");
    Path config = dir.resolve("app.yml");
    Files.writeString(config, config(sourceProxy.port()));
    String store = viaProxy(storeDb.jdbcUrl(), storeProxy.port());
    Map<String, String> env = AcmeExample.withStore(Map.of(), storeDb);

    Map<String, Integer> expectedPerUser = new TreeMap<>();
    for (int id = 1; id <= ROWS; id++) {
      expectedPerUser.put(Integer.toString(id), 1);
    }
    List<Fault> faults = new ArrayList<>(List.of(Fault.values()));
    Collections.shuffle(faults, new java.util.Random(random.nextLong()));

    try (SyncStore direct = JdbcStores.open(storeDb.jdbcUrl(), storeDb.user(), storeDb.password());
        WorkerProcess worker = WorkerProcess.start(config, store, env, dir.resolve("worker.log"))) {
      for (Fault fault : faults) {
        long before = events(direct).size();
        worker.await(
            "events before " + fault + " (" + seedNote + ")",
            CATCH_UP,
            () -> events(direct).size() > before || before >= ROWS);
        double failures = worker.metric("sqlfeed_feed_page_failures_total", "user");
        long drops = sourceProxy.dropped() + storeProxy.dropped();
        inject(fault, random);
        // Changes made during the fault must come through once it ends.
        change(random, expectedPerUser, events(direct));
        if (fault.momentary()) {
          worker.await(
              fault + " to happen (" + seedNote + ")",
              FAULT_SHOWS,
              () -> sourceProxy.dropped() + storeProxy.dropped() > drops);
        } else {
          worker.await(
              fault + " shown in /metrics (" + seedNote + ")",
              FAULT_SHOWS,
              () ->
                  worker.metric("sqlfeed_feed_page_failures_total", "user") > failures
                      && worker.metric("sqlfeed_feed_failing", "user") == 1);
          CliRun status =
              CliRun.run(
                  env, "status", "--config", config.toString(), "--temporal", worker.temporal());
          assertThat(status.out())
              .as("status during %s (%s)", fault, seedNote)
              .containsPattern("(?m)^user .*retrying \\(attempt \\d+\\): .+");
        }
        heal(fault);
      }
      int expected = expectedPerUser.values().stream().mapToInt(Integer::intValue).sum();
      worker.await(
          "all " + expected + " events (" + seedNote + ")",
          CATCH_UP,
          () -> events(direct).size() >= expected);
      worker.await(
          "the source healthy again in /metrics",
          FAULT_SHOWS,
          () -> worker.metric("sqlfeed_feed_failing", "user") == 0);
      assertThat(worker.stop()).as(worker.log()).isZero();

      List<StoredEvent> events = events(direct);
      assertThat(events).as(seedNote).hasSize(expected);
      assertThat(events).extracting(e -> e.event().id()).as(seedNote).doesNotHaveDuplicates();
      Map<String, Integer> perUser = new TreeMap<>();
      for (StoredEvent e : events) {
        perUser.merge(e.event().resource().resourceId(), 1, Integer::sum);
      }
      assertThat(perUser).as(seedNote).isEqualTo(expectedPerUser);
      assertThat(direct.checkpoint("faults", "user")).as(seedNote).isPresent();
      assertThat(MirrorLines.of(direct, "faults"))
          .as(seedNote)
          .isEqualTo(freshFullSync(config, env));
    }
  }

  private void inject(Fault fault, SplittableRandom random) throws SQLException {
    switch (fault) {
      case SOURCE_LOST_MID_PAGE -> sourceProxy.dropAfter(random.nextLong(200, 20_000));
      case STORE_LOST_MID_TRANSACTION -> storeProxy.dropAfter(random.nextLong(200, 20_000));
      case SOURCE_POOL_EXHAUSTED -> sourceProxy.refuse();
      case SOURCE_STATEMENT_TIMEOUT -> setDelay(5);
      case STORE_UNREACHABLE -> storeProxy.refuse();
      case SOURCE_STALLED -> sourceProxy.stall();
    }
  }

  private void heal(Fault fault) throws SQLException {
    switch (fault) {
      case SOURCE_LOST_MID_PAGE, SOURCE_POOL_EXHAUSTED, SOURCE_STALLED -> sourceProxy.pass();
      case STORE_LOST_MID_TRANSACTION, STORE_UNREACHABLE -> storeProxy.pass();
      case SOURCE_STATEMENT_TIMEOUT -> setDelay(0);
    }
  }

  /**
   * Updates users whose current version the log already holds, one transaction each, so that every
   * update is a change the worker must turn into exactly one event (an update of a row whose
   * previous version was never read would merge the two).
   */
  private void change(
      SplittableRandom random, Map<String, Integer> expectedPerUser, List<StoredEvent> seen)
      throws SQLException {
    Map<String, Integer> seenPerUser = new HashMap<>();
    for (StoredEvent e : seen) {
      seenPerUser.merge(e.event().resource().resourceId(), 1, Integer::sum);
    }
    List<String> settled = new ArrayList<>();
    expectedPerUser.forEach(
        (id, n) -> {
          if (n.equals(seenPerUser.get(id))) {
            settled.add(id);
          }
        });
    try (Connection c = source.connect();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE users SET login = login || '+', updated_at = clock_timestamp()"
                    + " WHERE id = ?")) {
      for (int i = 0; i < UPDATES_PER_FAULT && !settled.isEmpty(); i++) {
        String id = settled.remove(random.nextInt(settled.size()));
        update.setLong(1, Long.parseLong(id));
        update.executeUpdate();
        expectedPerUser.merge(id, 1, Integer::sum);
      }
    }
  }

  private void setDelay(double seconds) throws SQLException {
    try (Connection c = source.connect();
        PreparedStatement s = c.prepareStatement("UPDATE fault_control SET delay_seconds = ?")) {
      s.setDouble(1, seconds);
      s.executeUpdate();
    }
  }

  private static List<StoredEvent> events(SyncStore store) {
    return store.events(Optional.of("faults"), 0, 1_000_000);
  }

  private List<String> freshFullSync(Path config, Map<String, String> env) throws Exception {
    Path direct = dir.resolve("direct.yml");
    Files.writeString(direct, config(portOf(source.jdbcUrl())));
    return MirrorLines.ofFreshFullSync(env, direct, dir, "faults");
  }

  private String config(int port) {
    URI dsn = URI.create(AcmeExample.batonDsn(source));
    String viaPort =
        dsn.getScheme()
            + "://"
            + dsn.getRawUserInfo()
            + "@127.0.0.1:"
            + port
            + dsn.getRawPath()
            + "?"
            + (dsn.getRawQuery() == null ? "" : dsn.getRawQuery() + "&")
            + "statement_timeout=2000"
            // A stalled read fails after 5 s instead of the default 10 min (JdbcSources).
            + "&socketTimeout=5";
    return """
        app_name: faults
        connect:
          dsn: "%s"
        incremental_sync:
          page_size: 100
          poll_interval: 1s
          default_lookback: 1h
        resource_types:
          user:
            name: User
            list:
              query: SELECT id, login FROM users
              map: {id: ".id", display_name: ".login"}
            get:
              query: SELECT id, login FROM users WHERE id = ?<id> AND fault_delay()
            incremental_sync:
              query: SELECT id, updated_at FROM users WHERE updated_at >= ?<since>
              cursor_column: updated_at
              pagination: {primary_key: id}
        """
        .formatted(viaPort);
  }

  private static FaultProxy proxyTo(TestDatabase db) {
    URI uri = URI.create(db.jdbcUrl().substring("jdbc:".length()));
    return FaultProxy.to(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
  }

  private static int portOf(String jdbcUrl) {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    return uri.getPort() < 0 ? 5432 : uri.getPort();
  }

  private static String viaProxy(String jdbcUrl, int port) {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    return "jdbc:postgresql://127.0.0.1:"
        + port
        + uri.getRawPath()
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }
}
