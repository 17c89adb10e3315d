package dev.sqlfeed.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sqlfeed.domain.connect.ConnectionSpec;
import dev.sqlfeed.ports.SourceReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Source readers that count what they cost the source: statements prepared or created, and
 * transactions ended (every read ends its transaction with a rollback). Instrumentation around the
 * real adapter and a real database, for tests that count round trips instead of estimating them.
 */
public final class CountingSourceReaders {
  private CountingSourceReaders() {}

  /** What a counting reader has cost so far. */
  public static final class Counts {
    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();

    public long statements() {
      return statements.get();
    }

    public long transactions() {
      return transactions.get();
    }

    /** Statements plus transaction ends: each is at least one round trip to the database. */
    public long roundTrips() {
      return statements() + transactions();
    }

    /** The counts as they are now, apart from later calls. */
    public Counts snapshot() {
      Counts copy = new Counts();
      copy.statements.set(statements());
      copy.transactions.set(transactions());
      return copy;
    }

    public void reset() {
      statements.set(0);
      transactions.set(0);
    }

    @Override
    public String toString() {
      return statements() + " statements, " + transactions() + " transactions";
    }
  }

  /** A reader and its counts. */
  public record Counted(SourceReader reader, Counts counts) {}

  /** Opens a reader as {@link JdbcSources#open} does, its connections counted. */
  public static Counted open(ConnectionSpec spec) {
    Counts counts = new Counts();
    HikariConfig config = JdbcSources.poolConfig(spec, SourceOptions.named("counted"));
    HikariDataSource pool = new CountingPool(config, counts);
    SourceReader reader =
        new JooqSourceReader(
            pool, spec.product(), SourceOptions.DEFAULT_FETCH_SIZE, new SourceErrors(spec));
    return new Counted(reader, counts);
  }

  private static final class CountingPool extends HikariDataSource {
    private final Counts counts;

    CountingPool(HikariConfig config, Counts counts) {
      super(config);
      this.counts = counts;
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection connection = super.getConnection();
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                switch (method.getName()) {
                  case "prepareStatement", "createStatement", "prepareCall" ->
                      counts.statements.incrementAndGet();
                  case "rollback", "commit" -> counts.transactions.incrementAndGet();
                  default -> {}
                }
                try {
                  return method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }
  }
}
