package dev.sqlfeed.bench.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.ports.SourceQuery;
import dev.sqlfeed.ports.SourceReader;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The benchmarks' databases on real servers: each created for itself, and gone when closed. */
class BenchDatabaseIT {
  @ParameterizedTest
  @EnumSource(BenchDatabase.Kind.class)
  void database_isCreatedEmpty_andDroppedOnClose(BenchDatabase.Kind kind) throws SQLException {
    BenchDatabase db = create(kind);
    try {
      db.execute("CREATE TABLE t (id bigint PRIMARY KEY)", "INSERT INTO t VALUES (1)");
      assertThat(count(db, "SELECT count(*) FROM t")).isEqualTo(1);
      assertThat(exists(db)).isTrue();
    } finally {
      db.close();
    }
    assertThat(exists(db)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(
      value = BenchDatabase.Kind.class,
      names = {"POSTGRES"})
  void benchApp_readsItsSource_throughSqlfeedsReader(BenchDatabase.Kind kind) {
    try (BenchDatabase db = create(kind)) {
      AccessTables.users(db, 50);
      BenchApp app = BenchApp.on(db);
      try (SourceReader source = app.source()) {
        long[] rows = {0};
        source.read(
            new SourceQuery("bench", app.users().list().query().sql()), Map.of(), row -> rows[0]++);
        assertThat(rows[0]).isEqualTo(50);
      }
    }
  }

  /**
   * As the tests' own databases: a server that does not answer skips, except under CI=true; any
   * other error (a refused login, a failing statement) fails.
   */
  private static BenchDatabase create(BenchDatabase.Kind kind) {
    try {
      return BenchDatabase.create(kind);
    } catch (IllegalStateException e) {
      if ("true".equalsIgnoreCase(System.getenv("CI")) || !noServer(e)) {
        throw e;
      }
      Assumptions.abort("no " + kind + " server: " + e.getMessage());
      throw e;
    }
  }

  /** Whether the failure is a connection that could not be made (SQLState class 08). */
  private static boolean noServer(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || (t instanceof SQLException sql
              && sql.getSQLState() != null
              && sql.getSQLState().startsWith("08"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean exists(BenchDatabase db) throws SQLException {
    if (db.kind() == BenchDatabase.Kind.SQLITE) {
      return Files.exists(Path.of(db.jdbcUrl().substring("jdbc:sqlite:".length())));
    }
    String admin =
        db.kind() == BenchDatabase.Kind.POSTGRES
            ? db.jdbcUrl().substring(0, db.jdbcUrl().lastIndexOf('/') + 1) + "postgres"
            : db.jdbcUrl().substring(0, db.jdbcUrl().lastIndexOf('/') + 1);
    String sql =
        db.kind() == BenchDatabase.Kind.POSTGRES
            ? "SELECT count(*) FROM pg_database WHERE datname = '" + db.name() + "'"
            : "SELECT count(*) FROM information_schema.schemata WHERE schema_name = '"
                + db.name()
                + "'";
    try (Connection c = DriverManager.getConnection(admin, db.user(), db.password());
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1) == 1;
    }
  }

  private static long count(BenchDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
