package dev.sqlfeed.bench.figures;

import dev.sqlfeed.bench.db.BenchDatabase;
import dev.sqlfeed.jdbc.JdbcStores;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * The ceiling over P1's store side: a plain JDBC write of what every changed user must leave in a
 * store, nothing else. One event row and one resource upsert (with a JSON of traits of the size
 * sqlfeed writes) per change, as two prepared batches in one transaction per 1,000 changes, into
 * the store's own {@code events} and {@code resources} tables in a fresh database: the store
 * creates them as it does at open ({@link JdbcStores}), so their columns, keys and indexes follow
 * the store's schema. SQLite in WAL mode, PostgreSQL with batched inserts rewritten as multi-row
 * ones (as sqlfeed's store connects). No duplicate check, no sequence lock, no mapping: a writer
 * that records each change as an event and keeps the mirror goes no faster than this on that store.
 */
final class PlainWrite {
  private static final int PAGE = 1_000;

  private PlainWrite() {}

  /** Changes per second written into a fresh database of {@code kind}. */
  static double changesPerSecond(BenchDatabase.Kind kind, int changes) throws Exception {
    try (BenchDatabase db = BenchDatabase.create(kind)) {
      JdbcStores.open(db.jdbcUrl(), db.user(), db.password()).close();
      try (Connection c = connect(db)) {
        if (kind == BenchDatabase.Kind.SQLITE) {
          try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
          }
        }
        c.setAutoCommit(false);
        long start = System.nanoTime();
        write(c, changes);
        return changes / ((System.nanoTime() - start) / 1e9);
      }
    }
  }

  private static Connection connect(BenchDatabase db) throws SQLException {
    if (db.kind() != BenchDatabase.Kind.POSTGRES) {
      return db.connect();
    }
    String url =
        db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    return DriverManager.getConnection(url, db.user(), db.password());
  }

  private static void write(Connection c, int changes) throws SQLException {
    String observed = Instant.now().toString();
    try (PreparedStatement events =
            c.prepareStatement(
                "INSERT INTO events (seq, app, event_key, event_id, kind, source, resource_type,"
                    + " resource_id, cursor_at, observed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement resources =
            c.prepareStatement(
                "INSERT INTO resources (app, resource_type, resource_id, display_name,"
                    + " description, traits) VALUES (?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (app, resource_type, resource_id) DO UPDATE SET"
                    + " display_name = excluded.display_name,"
                    + " description = excluded.description, traits = excluded.traits")) {
      for (int i = 1; i <= changes; i++) {
        String id = Integer.toString(i);
        String user = "user" + i;
        String cursor = String.format("2026-12-05T08:00:00.%06d000Z", i % 1_000_000);
        events.setLong(1, i);
        events.setString(2, "bench");
        events.setString(
            3, String.format("20261205080000%06d%044x", i % 1_000_000, i * 0x9E3779B97F4A7C15L));
        events.setString(4, "resource:user:" + id + ":" + cursor + ":1");
        events.setString(5, "resource_changed");
        events.setString(6, "user");
        events.setString(7, "user");
        events.setString(8, id);
        events.setString(9, cursor);
        events.setString(10, observed);
        events.addBatch();
        resources.setString(1, "bench");
        resources.setString(2, "user");
        resources.setString(3, id);
        resources.setString(4, user);
        resources.setString(5, "Bench user " + user);
        resources.setString(6, traits(user));
        resources.addBatch();
        if (i % PAGE == 0 || i == changes) {
          events.executeBatch();
          resources.executeBatch();
          c.commit();
        }
      }
    }
  }

  /** A user's traits as canonical JSON, the shape and size sqlfeed writes for the bench app. */
  private static String traits(String user) {
    return "{\"user\":{\"account_type\":\"human\",\"emails\":[\""
        + user
        + "@example.com\"],\"login\":\""
        + user
        + "\",\"profile\":{\"status\":\"enabled\",\"username\":\""
        + user
        + "\"},\"status\":\"enabled\"}}";
  }
}
