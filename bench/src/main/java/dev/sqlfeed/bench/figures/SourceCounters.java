package dev.sqlfeed.bench.figures;

import dev.sqlfeed.bench.db.BenchDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a PostgreSQL source database did, from the server's own per-database counters in {@code
 * pg_stat_database}: transactions (each round trip of an auto-commit statement is one, and so is
 * each explicit transaction) and {@code active_time} (milliseconds spent executing statements). A
 * backend reports its counters when its session ends, so they are read after the sqlfeed process
 * has exited, until two reads agree. The harness reads them from the {@code postgres} database so
 * that reading does not count.
 */
final class SourceCounters {
  /** Counters at one moment. */
  record Reading(long transactions, double activeMillis) {
    Reading minus(Reading earlier) {
      return new Reading(transactions - earlier.transactions, activeMillis - earlier.activeMillis);
    }
  }

  private final BenchDatabase db;
  private final String adminUrl;

  SourceCounters(BenchDatabase db) {
    if (db.kind() != BenchDatabase.Kind.POSTGRES) {
      throw new IllegalArgumentException("counters come from PostgreSQL, not " + db.kind());
    }
    this.db = db;
    this.adminUrl = db.jdbcUrl().substring(0, db.jdbcUrl().lastIndexOf('/') + 1) + "postgres";
  }

  /** The counters once they have settled (no backend of the database still reporting). */
  Reading settled() throws InterruptedException {
    Reading last = read();
    for (int i = 0; i < 20; i++) {
      Thread.sleep(500);
      Reading next = read();
      if (next.equals(last)) {
        return next;
      }
      last = next;
    }
    return last;
  }

  private Reading read() {
    try (Connection c = DriverManager.getConnection(adminUrl, db.user(), db.password());
        Statement clear = c.createStatement();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT xact_commit + xact_rollback, active_time FROM pg_stat_database"
                    + " WHERE datname = ?")) {
      clear.execute("SELECT pg_stat_clear_snapshot()");
      s.setString(1, db.name());
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no pg_stat_database row for " + db.name());
        }
        return new Reading(rs.getLong(1), rs.getDouble(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "pg_stat_database of " + db.name() + ": " + e.getMessage(), e);
    }
  }
}
