package dev.sqlfeed.worker.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.connect.ConnectValues;
import dev.sqlfeed.domain.connect.ConnectionSpec;
import dev.sqlfeed.domain.feed.CycleState;
import dev.sqlfeed.domain.feed.CycleStateWire;
import dev.sqlfeed.domain.value.SourceRow;
import dev.sqlfeed.jdbc.CountingSourceReaders;
import dev.sqlfeed.jdbc.CountingSourceReaders.Counted;
import dev.sqlfeed.jdbc.JdbcStores;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabase.Kind;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import dev.sqlfeed.ports.SourceQuery;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.worker.config.ConfigLoader;
import dev.sqlfeed.workflows.FeedActivities;
import dev.sqlfeed.workflows.FeedActivitiesImpl;
import dev.sqlfeed.workflows.ScanRequest;
import dev.sqlfeed.workflows.ScanResult;
import io.temporal.activity.ActivityOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What an idle cycle costs a PostgreSQL source when the rows inside {@code overlap} are read again:
 * the source's own transaction counters ({@code pg_stat_database}), read from another database
 * after the reader's connections closed, and the statements and transaction ends counted on the
 * reader's connections. Each cycle is measured twice over the same state: as sqlfeed runs it, and
 * with a reader that does not tell the cursor's precision, which refreshes every re-read row with
 * its {@code get} as sqlfeed did before ({@code ReReads}).
 */
class IdleCycleIT {
  private static final int PAGE_SIZE = 1_000;

  private static final String CONFIG =
      """
      app_name: idle
      connect:
        dsn: "sqlite:unused.db"
      incremental_sync:
        default_lookback: 8760h
        overlap: 1h
      """
          + UsersYaml.resourceTypes(
              "SELECT id, updated_at FROM users WHERE updated_at >= ?<since>");

  /** What one cycle cost and did. */
  private record Cost(
      long sourceTransactions, long statements, long transactionEnds, long appended, long dropped) {
    @Override
    public String toString() {
      return sourceTransactions
          + " source transactions (pg_stat_database), "
          + statements
          + " statements and "
          + transactionEnds
          + " transaction ends on the reader; "
          + appended
          + " appended, "
          + dropped
          + " dropped";
    }
  }

  @Test
  void anIdleCycleOver10000RowsWithOneStamp_costsAtMost50SourceTransactions_andNoGet() {
    try (TestDatabase source = TestDatabases.create(Kind.POSTGRES);
        TestDatabase storeDb = TestDatabases.create(Kind.SQLITE)) {
      source.execute(
          "CREATE TABLE users (id BIGINT PRIMARY KEY, username VARCHAR(50), updated_at TIMESTAMPTZ)",
          "CREATE INDEX users_cursor ON users (updated_at, id)",
          "INSERT INTO users SELECT g, 'user' || g, now() - interval '1 minute'"
              + " FROM generate_series(1, 10000) g");
      CycleStateWire committed = cycle(source, storeDb, CycleState.initial().toWire()).state;
      Measured before = idleCycle(source, storeDb, committed, OneGetPerReRead::new);
      Measured after = idleCycle(source, storeDb, committed, r -> r);
      System.out.printf(
          "idle cycle over 10,000 rows with one stamp, pages of %d:%n  refreshing re-reads: %s%n"
              + "  re-reads from the log: %s%n",
          PAGE_SIZE, before.cost, after.cost);

      assertThat(before.cost.dropped()).isEqualTo(10_000);
      assertThat(after.cost.appended()).isZero();
      assertThat(after.cost.dropped()).isEqualTo(10_000);
      assertThat(after.cost.sourceTransactions()).isLessThanOrEqualTo(50);
      // Eleven pages (the last one empty), the clock read with the first: no get, however many
      // rows were re-read, and one source transaction a page.
      assertThat(after.cost.statements()).isLessThanOrEqualTo(12);
      assertThat(after.cost.transactionEnds()).isLessThanOrEqualTo(11);
      assertThat(after.cost.statements()).isLessThan(before.cost.statements());

      // A row that changes after the idle cycle is still found, and only it.
      source.execute(
          "UPDATE users SET username = 'renamed', updated_at = now() - interval '10 seconds' WHERE id = 77");
      Measured next = cycle(source, storeDb, after.state);
      assertThat(next.cost.appended()).isEqualTo(1);
    }
  }

  @Test
  void anIdleCycleOver61RowsInTheOverlap_costsTheClockAndOnePage() {
    try (TestDatabase source = TestDatabases.create(Kind.POSTGRES);
        TestDatabase storeDb = TestDatabases.create(Kind.SQLITE)) {
      source.execute(
          "CREATE TABLE users (id BIGINT PRIMARY KEY, username VARCHAR(50), updated_at TIMESTAMPTZ)",
          "INSERT INTO users SELECT g, 'user' || g, now() - (g + 10) * interval '1 second'"
              + " FROM generate_series(1, 61) g");
      CycleStateWire committed = cycle(source, storeDb, CycleState.initial().toWire()).state;
      Measured before = idleCycle(source, storeDb, committed, OneGetPerReRead::new);
      Measured after = idleCycle(source, storeDb, committed, r -> r);
      System.out.printf(
          "idle cycle over 61 rows in the overlap:%n  refreshing re-reads: %s%n"
              + "  re-reads from the log: %s%n",
          before.cost, after.cost);

      assertThat(after.cost.dropped()).isEqualTo(61);
      // The pool's own checks and its closing add a few, whatever the cycle read.
      assertThat(after.cost.sourceTransactions()).isLessThanOrEqualTo(5);
      // The clock and the page, in one transaction.
      assertThat(after.cost.statements()).isLessThanOrEqualTo(2);
      assertThat(after.cost.transactionEnds()).isEqualTo(1);
      assertThat(after.cost.statements()).isLessThan(before.cost.statements());
    }
  }

  @Test
  void aCursorOfMilliseconds_stillRefreshesItsReReads() {
    try (TestDatabase source = TestDatabases.create(Kind.POSTGRES);
        TestDatabase storeDb = TestDatabases.create(Kind.SQLITE)) {
      source.execute(
          "CREATE TABLE users (id BIGINT PRIMARY KEY, username VARCHAR(50), updated_at"
              + " TIMESTAMPTZ(3))",
          "INSERT INTO users SELECT g, 'user' || g, now() - (g + 10) * interval '1 second'"
              + " FROM generate_series(1, 61) g");
      CycleStateWire committed = cycle(source, storeDb, CycleState.initial().toWire()).state;
      // A second state within one millisecond reads with the first's id: only the get finds it.
      source.execute("UPDATE users SET username = 'second state' WHERE id = 5");
      Measured idle = cycle(source, storeDb, committed);

      assertThat(idle.cost.appended()).isEqualTo(1);
      assertThat(idle.cost.dropped()).isEqualTo(60);
    }
  }

  private record Measured(CycleStateWire state, Cost cost) {}

  /**
   * Runs one cycle from {@code state} to exhaustion with a new reader (what a reader's first cycle
   * costs, learning the page's shape and filling its pool, included).
   */
  private static Measured cycle(TestDatabase source, TestDatabase storeDb, CycleStateWire state) {
    Counted counted = open(source);
    try (SourceReader reader = counted.reader()) {
      return run(reader, counted, storeDb, state);
    }
  }

  /**
   * Measures an idle cycle from {@code state} as a running worker pays it: on a reader that has run
   * a cycle already (its pool filled, the page's shape learnt), counted from the moment the
   * source's counters settled after that first cycle until the reader closed.
   */
  private static Measured idleCycle(
      TestDatabase source,
      TestDatabase storeDb,
      CycleStateWire state,
      Function<SourceReader, SourceReader> wrap) {
    Counted counted = open(source);
    SourceReader reader = wrap.apply(counted.reader());
    long before;
    Measured measured;
    try (reader) {
      run(reader, counted, storeDb, state);
      // An idle backend reports its counts within PostgreSQL's idle interval of 10 s.
      sleep(11_000);
      before = settledTransactions(source);
      counted.counts().reset();
      measured = run(reader, counted, storeDb, state);
    }
    long xacts = settledTransactions(source) - before;
    Cost cost = measured.cost();
    return new Measured(
        measured.state(),
        new Cost(
            xacts, cost.statements(), cost.transactionEnds(), cost.appended(), cost.dropped()));
  }

  private static Counted open(TestDatabase source) {
    return CountingSourceReaders.open(
        ConnectionSpec.of(ConnectValues.dsn(source.jdbcUrl(), source.user(), source.password())));
  }

  private static Measured run(
      SourceReader reader, Counted counted, TestDatabase storeDb, CycleStateWire state) {
    Config config = ConfigLoader.withEnvironment(Map.of()).load("idle.yml", CONFIG).config();
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    long appended = 0;
    long dropped = 0;
    CycleStateWire current = state;
    try (SyncStore store = JdbcStores.open(storeDb.jdbcUrl())) {
      env.registerActivitiesImplementations(
          new FeedActivitiesImpl(config, reader, store, Clock.systemUTC()));
      FeedActivities activities =
          env.newActivityStub(
              FeedActivities.class,
              ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(5)).build());
      for (boolean exhausted = false; !exhausted; ) {
        ScanResult result =
            activities.scanPage(new ScanRequest(config.appName(), "user", current, PAGE_SIZE));
        appended += result.eventsAppended();
        dropped += result.duplicates();
        current = result.state();
        exhausted = result.exhausted();
      }
    } finally {
      env.close();
    }
    return new Measured(
        current,
        new Cost(
            -1, counted.counts().statements(), counted.counts().transactions(), appended, dropped));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The source database's committed and rolled back transactions, once the counters stopped moving:
   * a backend reports its counts when it exits, or now and then while it is idle. Read from the
   * {@code postgres} database, so that reading them counts nothing here.
   */
  private static long settledTransactions(TestDatabase source) {
    String url = source.jdbcUrl().replaceFirst("/[^/?]+(\\?.*)?$", "/postgres$1");
    try (Connection c = DriverManager.getConnection(url, source.user(), source.password());
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = ?")) {
      ps.setString(1, source.name());
      long last = -1;
      for (int settled = 0; settled < 2; ) {
        Thread.sleep(700);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          long now = rs.getLong(1);
          settled = now == last ? settled + 1 : 0;
          last = now;
        }
      }
      return last;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The reader without its knowledge of the cursor's precision: every re-read row is refreshed with
   * its {@code get} (batched), as before re-reads were recognised from the log.
   */
  private record OneGetPerReRead(SourceReader inner) implements ForwardingSourceReader {
    @Override
    public void readEach(
        SourceQuery query,
        java.util.List<dev.sqlfeed.ports.QueryCall> calls,
        java.util.function.ObjIntConsumer<SourceRow> sink) {
      inner.readEach(query, calls, sink);
    }
  }
}
