package dev.sqlfeed.jdbc.testing;

import dev.sqlfeed.testkit.ScratchFiles;
import dev.sqlfeed.testkit.ScratchServer;
import dev.sqlfeed.testkit.ScratchServer.Engine;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Fresh, throw-away databases for tests, on real servers.
 *
 * <p>PostgreSQL and MariaDB come from a local server when one answers (the testkit's {@link
 * ScratchServer#local}: {@code SQLFEED_TEST_PG_*} and {@code SQLFEED_TEST_MARIADB_*}), otherwise
 * from Testcontainers where a Docker engine runs. With neither, the test is skipped — except under
 * {@code CI=true}, where it fails: CI must never pass by skipping real-database tests. Each
 * database is created for the test and dropped when closed; nothing else on the server is touched.
 */
public final class TestDatabases {
  private static final Map<TestDatabase.Kind, ScratchServer> SERVERS = new ConcurrentHashMap<>();

  private TestDatabases() {}

  /** A new empty database of the given kind. Close it to drop it. */
  public static TestDatabase create(TestDatabase.Kind kind) {
    String name = ScratchServer.newName("sqlfeed_t_");
    return new TestDatabase(
        kind,
        switch (kind) {
          case SQLITE -> ScratchFiles.sqlite(name);
          case H2 -> ScratchFiles.h2(name);
          case POSTGRES, MARIADB -> server(kind).create(name);
        });
  }

  private static ScratchServer server(TestDatabase.Kind kind) {
    return SERVERS.computeIfAbsent(kind, TestDatabases::findServer);
  }

  private static ScratchServer findServer(TestDatabase.Kind kind) {
    Engine engine = kind == TestDatabase.Kind.POSTGRES ? Engine.POSTGRES : Engine.MARIADB;
    ScratchServer local = ScratchServer.local(engine);
    String problem = local.probe();
    if (problem == null) {
      return local;
    }
    if (dockerAvailable()) {
      return container(engine);
    }
    String message =
        "no "
            + kind
            + " server for the tests: "
            + problem
            + " (set "
            + engine.variables()
            + ", or run a Docker engine)";
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

  private static ScratchServer container(Engine engine) {
    JdbcDatabaseContainer<?> c =
        engine == Engine.POSTGRES
            ? new PostgreSQLContainer("postgres:15-alpine")
            : new MariaDBContainer("mariadb:10.11");
    c.withUsername(engine == Engine.POSTGRES ? "postgres" : "root");
    c.start();
    return ScratchServer.at(
        engine,
        c.getHost(),
        Integer.toString(c.getFirstMappedPort()),
        c.getUsername(),
        c.getPassword());
  }
}
