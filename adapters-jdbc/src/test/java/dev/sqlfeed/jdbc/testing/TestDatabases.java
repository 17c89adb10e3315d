package dev.sqlfeed.jdbc.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Fresh, throw-away databases for tests, on real servers.
 *
 * <p>PostgreSQL and MariaDB come from a local server when one answers (settings from {@code
 * SQLFEED_TEST_PG_*} and {@code SQLFEED_TEST_MARIADB_*}: HOST, PORT, USER, PASSWORD; defaults
 * 127.0.0.1:5432 postgres and 127.0.0.1:3306 root), otherwise from Testcontainers where a Docker
 * engine runs. With neither, the test is skipped — except under {@code CI=true}, where it fails: CI
 * must never pass by skipping real-database tests. Each database is created for the test and
 * dropped when closed; nothing else on the server is touched.
 */
public final class TestDatabases {
  private static final Map<TestDatabase.Kind, Server> SERVERS = new ConcurrentHashMap<>();

  private TestDatabases() {}

  /** A new empty database of the given kind. Close it to drop it. */
  public static TestDatabase create(TestDatabase.Kind kind) {
    String name = "sqlfeed_t_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    return switch (kind) {
      case SQLITE -> file(kind, name, "jdbc:sqlite:");
      case H2 -> file(kind, name, "jdbc:h2:file:");
      case POSTGRES, MARIADB -> server(kind).create(kind, name);
    };
  }

  private static TestDatabase file(TestDatabase.Kind kind, String name, String prefix) {
    try {
      Path dir = Files.createTempDirectory("sqlfeed-test");
      Path file = dir.resolve(name + ".db");
      String url = kind == TestDatabase.Kind.H2 ? prefix + dir.resolve(name) : prefix + file;
      return new TestDatabase(kind, url, null, null, name, () -> deleteTree(dir));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot create a temporary database file", e);
    }
  }

  private static void deleteTree(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      // A temporary directory left behind is harmless.
    }
  }

  private static Server server(TestDatabase.Kind kind) {
    return SERVERS.computeIfAbsent(kind, TestDatabases::findServer);
  }

  private static Server findServer(TestDatabase.Kind kind) {
    Server local = Server.local(kind);
    String problem = local.probe();
    if (problem == null) {
      return local;
    }
    if (dockerAvailable()) {
      return Server.container(kind);
    }
    String message =
        "no "
            + kind
            + " server for the tests: "
            + problem
            + " (set SQLFEED_TEST_"
            + (kind == TestDatabase.Kind.POSTGRES ? "PG" : "MARIADB")
            + "_HOST/PORT/USER/PASSWORD, or run a Docker engine)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(message + "; under CI=true this is a failure, not a skip");
    }
    Assumptions.abort(message);
    throw new AssertionError("unreachable");
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** Where test databases of one kind are created. */
  private record Server(
      String adminUrl, String urlPrefix, String urlSuffix, String user, String password) {
    static Server local(TestDatabase.Kind kind) {
      if (kind == TestDatabase.Kind.POSTGRES) {
        String host = env("SQLFEED_TEST_PG_HOST", "127.0.0.1");
        String port = env("SQLFEED_TEST_PG_PORT", "5432");
        String prefix = "jdbc:postgresql://" + host + ":" + port + "/";
        return new Server(
            prefix + "postgres",
            prefix,
            "",
            env("SQLFEED_TEST_PG_USER", "postgres"),
            env("SQLFEED_TEST_PG_PASSWORD", ""));
      }
      String host = env("SQLFEED_TEST_MARIADB_HOST", "127.0.0.1");
      String port = env("SQLFEED_TEST_MARIADB_PORT", "3306");
      String prefix = "jdbc:mariadb://" + host + ":" + port + "/";
      return new Server(
          prefix,
          prefix,
          "",
          env("SQLFEED_TEST_MARIADB_USER", "root"),
          env("SQLFEED_TEST_MARIADB_PASSWORD", ""));
    }

    static Server container(TestDatabase.Kind kind) {
      JdbcDatabaseContainer<?> c =
          kind == TestDatabase.Kind.POSTGRES
              ? new PostgreSQLContainer("postgres:15-alpine")
              : new MariaDBContainer("mariadb:10.11");
      c.withUsername(kind == TestDatabase.Kind.POSTGRES ? "postgres" : "root");
      c.start();
      String prefix =
          (kind == TestDatabase.Kind.POSTGRES ? "jdbc:postgresql://" : "jdbc:mariadb://")
              + c.getHost()
              + ":"
              + c.getFirstMappedPort()
              + "/";
      String admin = kind == TestDatabase.Kind.POSTGRES ? prefix + "postgres" : prefix;
      return new Server(admin, prefix, "", c.getUsername(), c.getPassword());
    }

    String probe() {
      try (Connection ignored = connect(adminUrl)) {
        return null;
      } catch (SQLException e) {
        return adminUrl + ": " + e.getMessage();
      }
    }

    Connection connect(String url) throws SQLException {
      return DriverManager.getConnection(url, user, password == null ? "" : password);
    }

    TestDatabase create(TestDatabase.Kind kind, String name) {
      execute("CREATE DATABASE " + name);
      Runnable drop = () -> execute("DROP DATABASE IF EXISTS " + name);
      Thread hook = new Thread(drop, "drop-" + name);
      Runtime.getRuntime().addShutdownHook(hook);
      Runnable dropNow =
          () -> {
            drop.run();
            try {
              Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
              // The hook is running or has run; the database is gone either way.
            }
          };
      return new TestDatabase(kind, urlPrefix + name + urlSuffix, user, password, name, dropNow);
    }

    private void execute(String sql) {
      try (Connection c = connect(adminUrl);
          Statement s = c.createStatement()) {
        if (sql.startsWith("DROP") && adminUrl.startsWith("jdbc:postgresql")) {
          s.execute(sql + " WITH (FORCE)");
        } else {
          s.execute(sql);
        }
      } catch (SQLException e) {
        throw new IllegalStateException(sql + ": " + e.getMessage(), e);
      }
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
