package dev.sqlfeed.bench.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A database that a benchmark creates for itself and drops when closed (or when the JVM exits): a
 * new database on the local PostgreSQL or MariaDB server, or an SQLite file in a new temporary
 * directory. Nothing the benchmark did not create is ever dropped.
 *
 * <p>Servers are found as the tests find them ({@code SQLFEED_TEST_PG_*}, {@code
 * SQLFEED_TEST_MARIADB_*}: HOST, PORT, USER, PASSWORD; defaults 127.0.0.1:5432 postgres and
 * 127.0.0.1:3306 root, no password). A server that does not answer fails the benchmark: a benchmark
 * never skips.
 */
public final class BenchDatabase implements AutoCloseable {
  /** Where the database lives. */
  public enum Kind {
    POSTGRES,
    MARIADB,
    SQLITE
  }

  private final Kind kind;
  private final String url;
  private final String user;
  private final String password;
  private final String name;
  private final Runnable drop;
  private final Thread hook;

  private BenchDatabase(
      Kind kind, String url, String user, String password, String name, Runnable drop) {
    this.kind = kind;
    this.url = url;
    this.user = user;
    this.password = password;
    this.name = name;
    this.drop = drop;
    this.hook = new Thread(drop, "drop-" + name);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Creates a new empty database. */
  public static BenchDatabase create(Kind kind) {
    String name =
        "sqlfeed_bench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    return switch (kind) {
      case SQLITE -> sqlite(name);
      case POSTGRES -> onServer(kind, name);
      case MARIADB -> onServer(kind, name);
    };
  }

  private static BenchDatabase sqlite(String name) {
    try {
      Path dir = Files.createTempDirectory("sqlfeed-bench");
      return new BenchDatabase(
          Kind.SQLITE,
          "jdbc:sqlite:" + dir.resolve(name + ".db"),
          null,
          null,
          name,
          () -> delete(dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BenchDatabase onServer(Kind kind, String name) {
    boolean pg = kind == Kind.POSTGRES;
    String prefix =
        pg
            ? "jdbc:postgresql://"
                + env("SQLFEED_TEST_PG_HOST", "127.0.0.1")
                + ":"
                + env("SQLFEED_TEST_PG_PORT", "5432")
                + "/"
            : "jdbc:mariadb://"
                + env("SQLFEED_TEST_MARIADB_HOST", "127.0.0.1")
                + ":"
                + env("SQLFEED_TEST_MARIADB_PORT", "3306")
                + "/";
    String admin = pg ? prefix + "postgres" : prefix;
    String user =
        pg ? env("SQLFEED_TEST_PG_USER", "postgres") : env("SQLFEED_TEST_MARIADB_USER", "root");
    String password =
        pg ? env("SQLFEED_TEST_PG_PASSWORD", "") : env("SQLFEED_TEST_MARIADB_PASSWORD", "");
    execute(admin, user, password, "CREATE DATABASE " + name);
    String dropSql = "DROP DATABASE IF EXISTS " + name + (pg ? " WITH (FORCE)" : "");
    return new BenchDatabase(
        kind, prefix + name, user, password, name, () -> execute(admin, user, password, dropSql));
  }

  public Kind kind() {
    return kind;
  }

  /** The JDBC URL, without credentials. */
  public String url() {
    return url;
  }

  /** The user, or null (SQLite). */
  public String user() {
    return user;
  }

  /** The password, or null (SQLite); empty for none. */
  public String password() {
    return password;
  }

  /** The database's name (the file's, on SQLite). */
  public String name() {
    return name;
  }

  /** A new plain JDBC connection, auto-commit on. */
  public Connection connect() throws SQLException {
    return user == null
        ? DriverManager.getConnection(url)
        : DriverManager.getConnection(url, user, password);
  }

  /** Runs statements one after another, each committed. */
  public void execute(String... statements) {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    drop.run();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook runs now or has run; the database is gone either way.
    }
  }

  private static void execute(String url, String user, String password, String sql) {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          sql + " on " + url + ": " + e.getMessage() + " (see SQLFEED_TEST_PG_*/MARIADB_*)", e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is harmless.
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
