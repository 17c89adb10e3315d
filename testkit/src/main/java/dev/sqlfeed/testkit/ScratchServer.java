package dev.sqlfeed.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A PostgreSQL or MariaDB server on which scratch databases are created and dropped. Nothing that a
 * scratch database did not create is ever dropped.
 *
 * @param adminUrl where {@code CREATE DATABASE} and {@code DROP DATABASE} run
 * @param urlPrefix a database's JDBC URL is this followed by its name
 */
public record ScratchServer(
    Engine engine, String adminUrl, String urlPrefix, String user, String password) {

  /** The servers a scratch database can live on. */
  public enum Engine {
    POSTGRES("PG", "jdbc:postgresql://", "5432", "postgres"),
    MARIADB("MARIADB", "jdbc:mariadb://", "3306", "root");

    private final String variable;
    private final String scheme;
    private final String port;
    private final String user;

    Engine(String variable, String scheme, String port, String user) {
      this.variable = variable;
      this.scheme = scheme;
      this.port = port;
      this.user = user;
    }

    /** The environment variables that point at a local server, e.g. {@code SQLFEED_TEST_PG_*}. */
    public String variables() {
      return "SQLFEED_TEST_" + variable + "_HOST/PORT/USER/PASSWORD";
    }
  }

  /**
   * The local server, from {@code SQLFEED_TEST_PG_*} or {@code SQLFEED_TEST_MARIADB_*} (HOST, PORT,
   * USER, PASSWORD); defaults 127.0.0.1:5432 user postgres and 127.0.0.1:3306 user root, no
   * password.
   */
  public static ScratchServer local(Engine engine) {
    String prefix = "SQLFEED_TEST_" + engine.variable + "_";
    return at(
        engine,
        env(prefix + "HOST", "127.0.0.1"),
        env(prefix + "PORT", engine.port),
        env(prefix + "USER", engine.user),
        env(prefix + "PASSWORD", ""));
  }

  /** The server at {@code host:port} (a container's, say), administered as {@code user}. */
  public static ScratchServer at(
      Engine engine, String host, String port, String user, String password) {
    String prefix = engine.scheme + host + ":" + port + "/";
    String admin = engine == Engine.POSTGRES ? prefix + "postgres" : prefix;
    return new ScratchServer(engine, admin, prefix, user, password == null ? "" : password);
  }

  /** A new name that no other run has: {@code prefix} and eight hex digits. */
  public static String newName(String prefix) {
    return prefix + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
  }

  /** Null when the server answers; otherwise why not, naming the address. */
  public String probe() {
    try (Connection ignored = DriverManager.getConnection(adminUrl, user, password)) {
      return null;
    } catch (SQLException e) {
      return adminUrl + ": " + e.getMessage();
    }
  }

  /**
   * Creates database {@code name}. Its drop runs at {@link ScratchDatabase#drop()} or, at the
   * latest, when the JVM exits.
   *
   * @throws IllegalStateException when the server refuses, with the failure as its cause
   */
  public ScratchDatabase create(String name) {
    execute("CREATE DATABASE " + name);
    String dropSql =
        "DROP DATABASE IF EXISTS " + name + (engine == Engine.POSTGRES ? " WITH (FORCE)" : "");
    return new ScratchDatabase(
        urlPrefix + name, user, password, name, DropHook.install(name, () -> execute(dropSql)));
  }

  private void execute(String sql) {
    try (Connection c = DriverManager.getConnection(adminUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          sql + " on " + adminUrl + ": " + e.getMessage() + " (see " + engine.variables() + ")", e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  @Override
  public String toString() {
    return engine + " " + adminUrl + " as " + user;
  }
}
