package dev.sqlfeed.bench.store;

import dev.sqlfeed.bench.db.BenchDatabase;
import dev.sqlfeed.domain.feed.EventIds;
import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.jdbc.JdbcStores;
import dev.sqlfeed.ports.MirrorChange;
import dev.sqlfeed.ports.PageWriteResult;
import dev.sqlfeed.ports.SourceEvent;
import dev.sqlfeed.ports.SyncStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing one page of 1,000 new grant events, in pages per second, on each store database. The
 * baseline inserts 1,000 rows shaped like the event log's into a plain table of the same database,
 * as one JDBC batch in one transaction; sqlfeed's {@code EventLog.writePage} also drops known ids,
 * hands out the seqs under a lock, and applies each event's grant to the mirror, all in one
 * transaction. Every page is new, so nothing is dropped; both tables grow alike.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(1)
public class StoreWriteBench {
  static final int EVENTS = 1_000;
  private static final String APP = "bench";
  private static final String SOURCE = "team.grants.0.changes";

  @Param({"SQLITE", "POSTGRES", "MARIADB"})
  public BenchDatabase.Kind database;

  private BenchDatabase db;
  private SyncStore store;
  private Connection plain;
  private long pages;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    db = BenchDatabase.create(database);
    store = JdbcStores.open(db.jdbcUrl(), db.user(), db.password());
    db.execute(
        "CREATE TABLE plain_events (seq bigint PRIMARY KEY, app varchar(255) NOT NULL,"
            + " event_key varchar(64) NOT NULL UNIQUE, event_id text NOT NULL,"
            + " kind varchar(32) NOT NULL, source varchar(255) NOT NULL,"
            + " resource_type varchar(255) NOT NULL, resource_id varchar(255) NOT NULL,"
            + " entitlement varchar(255), principal_type varchar(255),"
            + " principal_id varchar(255), cursor_at varchar(40) NOT NULL,"
            + " observed_at varchar(32) NOT NULL)");
    plain = db.connect();
    plain.setAutoCommit(false);
  }

  // Alike on purpose to FullSyncReadBench.tearDown: each closes what its own setUp opened.
  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    if (plain != null) {
      plain.close();
    }
    if (store != null) {
      store.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Benchmark
  public int baselineBatchInsert() throws SQLException {
    List<FeedEvent.GrantCreated> events = events(pages++);
    String observed = Instant.now().toString();
    try (PreparedStatement s =
        plain.prepareStatement(
            "INSERT INTO plain_events (seq, app, event_key, event_id, kind, source, resource_type,"
                + " resource_id, entitlement, principal_type, principal_id, cursor_at,"
                + " observed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      long seq = (pages - 1) * EVENTS;
      for (FeedEvent.GrantCreated e : events) {
        s.setLong(1, ++seq);
        s.setString(2, APP);
        s.setString(3, Long.toHexString(seq));
        s.setString(4, e.id());
        s.setString(5, e.kind());
        s.setString(6, e.source());
        s.setString(7, e.resource().resourceType());
        s.setString(8, e.resource().resourceId());
        s.setString(9, e.entitlement());
        s.setString(10, e.principal().resourceType());
        s.setString(11, e.principal().resourceId());
        s.setString(12, e.cursor().toString());
        s.setString(13, observed);
        s.addBatch();
      }
      s.executeBatch();
      plain.commit();
    } catch (SQLException e) {
      plain.rollback();
      throw e;
    }
    return events.size();
  }

  @Benchmark
  public PageWriteResult sqlfeedWritePage() {
    List<SourceEvent> page = new ArrayList<>(EVENTS);
    for (FeedEvent.GrantCreated e : events(pages++)) {
      page.add(
          new SourceEvent(
              e,
              List.of(
                  new MirrorChange.PutGrant(
                      new Grant(e.resource(), e.entitlement(), e.principal())))));
    }
    PageWriteResult result = store.writePage(APP, page, Optional.empty());
    if (result.appended() != EVENTS) {
      throw new IllegalStateException(
          "appended " + result.appended() + " of " + EVENTS + " new events");
    }
    return result;
  }

  /** Page {@code n}'s events: memberships of one team, each new, a second apart. */
  static List<FeedEvent.GrantCreated> events(long n) {
    List<FeedEvent.GrantCreated> events = new ArrayList<>(EVENTS);
    ResourceRef team = new ResourceRef("team", "team" + n);
    Instant base = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n * EVENTS);
    for (int i = 0; i < EVENTS; i++) {
      long row = n * EVENTS + i;
      ResourceRef user = new ResourceRef("user", String.valueOf(row));
      Instant cursor = base.plusSeconds(i);
      events.add(
          new FeedEvent.GrantCreated(
              EventIds.grantCreated(
                  "team", team.resourceId(), user.resourceId(), cursor, EventIds.rowKey(row), 0),
              SOURCE,
              team,
              "member",
              user,
              cursor));
    }
    return events;
  }
}
