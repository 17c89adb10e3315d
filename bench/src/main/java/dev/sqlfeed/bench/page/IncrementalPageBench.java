package dev.sqlfeed.bench.page;

import dev.sqlfeed.bench.db.AccessTables;
import dev.sqlfeed.bench.db.BenchApp;
import dev.sqlfeed.bench.db.BenchDatabase;
import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.feed.CycleState;
import dev.sqlfeed.domain.feed.CycleStateWire;
import dev.sqlfeed.jdbc.JdbcStores;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.workflows.FeedActivitiesImpl;
import dev.sqlfeed.workflows.PageScans;
import dev.sqlfeed.workflows.ScanRequest;
import dev.sqlfeed.workflows.ScanResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Incremental pages of 1,000 rows, in milliseconds per batch of {@link #PAGES} pages. The baseline
 * runs the keyset statement that sqlfeed renders around the source's query, with plain JDBC.
 * sqlfeed runs {@code FeedActivitiesImpl}'s page: read, map to events, refresh each changed
 * resource with its {@code get} query (users only), and write events, mirror changes and position
 * to a real SQLite store in a temporary file.
 *
 * <p>Every page must append new events, never drop duplicates, or the write would be cheaper than
 * in life: so each measured iteration is one batch of consecutive pages through a fresh window,
 * into a fresh store ({@link Mode#SingleShotTime}; the batch size is the number of pages, and the
 * score is the batch's time: divide by the batch size for one page). The tables hold {@link #ROWS}
 * rows, enough for a batch of 200 pages.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, batchSize = IncrementalPageBench.PAGES)
@Measurement(iterations = 5, batchSize = IncrementalPageBench.PAGES)
@Fork(1)
public class IncrementalPageBench {
  static final int PAGE_SIZE = 1_000;
  static final int PAGES = 10;
  static final int ROWS = 200_000;

  private static final String USERS = "SELECT id, updated_at FROM users WHERE updated_at >= ?";
  private static final String MEMBERS =
      "SELECT id, team_slug, user_id, updated_at FROM team_members WHERE updated_at >= ?";

  private BenchDatabase source;
  private Config config;
  private SourceReader reader;
  private Connection plain;
  private KeysetBaseline users;
  private KeysetBaseline members;
  private BenchDatabase storeFile;
  private SyncStore store;
  private FeedActivitiesImpl activities;
  private CycleStateWire userState;
  private CycleStateWire memberState;

  @Setup(Level.Trial)
  public void setUpSource() throws SQLException {
    source = BenchDatabase.create(BenchDatabase.Kind.POSTGRES);
    AccessTables.users(source, ROWS);
    AccessTables.teamMembers(source, ROWS);
    BenchApp app = BenchApp.on(source);
    config = app.config();
    reader = app.source();
    plain = source.connect();
    plain.setAutoCommit(false);
    plain.setReadOnly(true);
    OffsetDateTime now;
    try (Statement s = plain.createStatement();
        ResultSet r = s.executeQuery("SELECT now()")) {
      r.next();
      now = r.getObject(1, OffsetDateTime.class);
    }
    plain.rollback();
    users = new KeysetBaseline(plain, USERS, 2, PAGE_SIZE, now);
    members = new KeysetBaseline(plain, MEMBERS, 4, PAGE_SIZE, now);
  }

  /** A fresh window and a fresh, empty store for every batch of pages. */
  @Setup(Level.Iteration)
  public void freshWindow() {
    closeStore();
    storeFile = BenchDatabase.create(BenchDatabase.Kind.SQLITE);
    store = JdbcStores.open(storeFile.jdbcUrl());
    activities = new FeedActivitiesImpl(config, reader, store, Clock.systemUTC());
    userState = CycleState.initial().toWire();
    memberState = CycleState.initial().toWire();
    users.restart();
    members.restart();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    closeStore();
    if (plain != null) {
      plain.close();
    }
    if (reader != null) {
      reader.close();
    }
    if (source != null) {
      source.close();
    }
  }

  @Benchmark
  public int baselineUserKeysetPage(Blackhole bh) throws SQLException {
    return full(users.page(bh));
  }

  @Benchmark
  public ScanResult sqlfeedUserPage() {
    ScanResult result = page("user", userState);
    userState = result.state();
    return result;
  }

  @Benchmark
  public int baselineMembershipKeysetPage(Blackhole bh) throws SQLException {
    return full(members.page(bh));
  }

  @Benchmark
  public ScanResult sqlfeedMembershipPage() {
    ScanResult result = page("team.grants.0.changes", memberState);
    memberState = result.state();
    return result;
  }

  private ScanResult page(String sourceKey, CycleStateWire state) {
    ScanResult result =
        PageScans.scan(activities, new ScanRequest(config.appName(), sourceKey, state, PAGE_SIZE));
    full((int) result.rows());
    if (result.duplicates() != 0 || result.eventsAppended() != result.rows()) {
      throw new IllegalStateException(
          sourceKey
              + ": a page appended "
              + result.eventsAppended()
              + " events and dropped "
              + result.duplicates()
              + " for "
              + result.rows()
              + " rows; expected one new event a row");
    }
    return result;
  }

  /** A short page would mean the batch ran past the table: the figure would be wrong. */
  private static int full(int rows) {
    if (rows != PAGE_SIZE) {
      throw new IllegalStateException(
          "a page read "
              + rows
              + " rows, not "
              + PAGE_SIZE
              + ": is the batch larger than "
              + ROWS / PAGE_SIZE
              + " pages?");
    }
    return rows;
  }

  private void closeStore() {
    if (store != null) {
      store.close();
      store = null;
    }
    if (storeFile != null) {
      storeFile.close();
      storeFile = null;
    }
  }
}
