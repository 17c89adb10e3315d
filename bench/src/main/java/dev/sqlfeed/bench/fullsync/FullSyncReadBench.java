package dev.sqlfeed.bench.fullsync;

import dev.sqlfeed.bench.db.AccessTables;
import dev.sqlfeed.bench.db.BenchApp;
import dev.sqlfeed.bench.db.BenchDatabase;
import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.domain.sync.ResourceRowMapper;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.fullsync.QueryRunner;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A full sync's read of a resource type, in rows per second: the baseline reads the rows with plain
 * JDBC (fetch size 5000, auto-commit off); sqlfeed reads them through {@link QueryRunner} (the
 * source adapter: jOOQ, normalised values), then also maps each with {@link ResourceRowMapper} (the
 * bench app's user mapping: eight CEL expressions). The store is left out: that is {@code
 * StoreWriteBench}'s subject.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(1)
public class FullSyncReadBench {
  /** Users in the table: every invocation reads them all. */
  static final int ROWS = 200_000;

  private static final String SQL = "SELECT id, username, email, status, updated_at FROM users";

  private BenchDatabase db;
  private ResourceType users;
  private SourceReader source;
  private Connection plain;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    db = BenchDatabase.create(BenchDatabase.Kind.POSTGRES);
    AccessTables.users(db, ROWS);
    BenchApp app = BenchApp.on(db);
    users = app.users();
    source = app.source();
    plain = db.connect();
    // pgjdbc streams with a fetch size only inside a transaction.
    plain.setAutoCommit(false);
    plain.setReadOnly(true);
  }

  // Alike on purpose to StoreWriteBench.tearDown: each closes what its own setUp opened.
  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    if (plain != null) {
      plain.close();
    }
    if (source != null) {
      source.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long baselinePlainJdbc(Blackhole bh) throws SQLException {
    long rows = 0;
    try (PreparedStatement s = plain.prepareStatement(SQL)) {
      s.setFetchSize(BenchApp.FETCH_SIZE);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          bh.consume(r.getLong(1));
          bh.consume(r.getString(2));
          bh.consume(r.getString(3));
          bh.consume(r.getString(4));
          bh.consume(r.getObject(5, OffsetDateTime.class));
          rows++;
        }
      }
    } finally {
      plain.rollback();
    }
    return check(rows);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long sqlfeedRead(Blackhole bh) {
    return read((row, key) -> bh.consume(row));
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long sqlfeedReadAndMap(Blackhole bh) {
    return read((row, key) -> bh.consume(ResourceRowMapper.map(users, row, key)));
  }

  /** Reads every user through the source adapter, as a full sync does, handing each row on. */
  private long read(QueryRunner.RowHandler handler) {
    return check(
        new QueryRunner(source)
            .run(
                users.list().query(),
                users.list().pagination(),
                Map.of(),
                users.list().query().path(),
                handler));
  }

  /** A benchmark that read fewer rows than it claims would report a figure it did not earn. */
  private static long check(long rows) {
    if (rows != ROWS) {
      throw new IllegalStateException("read " + rows + " rows, expected " + ROWS);
    }
    return rows;
  }
}
