package dev.sqlfeed.bench.figures;

import dev.sqlfeed.bench.db.BenchApp;
import dev.sqlfeed.bench.db.BenchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The baseline of the backlog workloads: a plain JDBC read of the rows sqlfeed reads, every column
 * fetched as its Java value, with the fetch size of STACK.md's reference figures and auto-commit
 * off (pgjdbc streams only then). Run once to warm up and once measured.
 */
final class PlainRead {
  private PlainRead() {}

  /** Rows per second of reading {@code table}'s user columns. */
  static double rowsPerSecond(BenchDatabase db, String table) throws SQLException {
    read(db, table);
    long start = System.nanoTime();
    long rows = read(db, table);
    return rows / ((System.nanoTime() - start) / 1e9);
  }

  private static long read(BenchDatabase db, String table) throws SQLException {
    long rows = 0;
    long sink = 0;
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.setFetchSize(BenchApp.FETCH_SIZE);
        try (ResultSet rs =
            s.executeQuery("SELECT id, username, email, status, updated_at FROM " + table)) {
          while (rs.next()) {
            sink += rs.getLong(1);
            sink += rs.getString(2).length();
            String email = rs.getString(3);
            sink += email == null ? 0 : email.length();
            sink += rs.getString(4).length();
            sink += rs.getObject(5, java.time.OffsetDateTime.class).getNano();
            rows++;
          }
        }
      }
      c.commit();
    }
    if (sink == 42) {
      // Keeps the JIT from discarding the reads; never true for the bench tables.
      System.out.print("");
    }
    return rows;
  }
}
