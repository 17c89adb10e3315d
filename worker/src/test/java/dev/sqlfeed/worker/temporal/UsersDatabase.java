package dev.sqlfeed.worker.temporal;

import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * The application database of the golden scenarios: an SQLite file with the schema of {@code
 * golden-histories/schema.sql}, whose rows each scenario writes. Rows are stamped by SQLite's own
 * clock, in its {@code datetime()} form, as the application would stamp them.
 */
final class UsersDatabase implements AutoCloseable {
  private static final String RESOURCES = "/golden-histories/";

  private final TestDatabase db = TestDatabases.create(TestDatabase.Kind.SQLITE);

  UsersDatabase() {
    db.execute(statements(resource("schema.sql")));
  }

  /** The scenarios' config, reading this database. */
  String config() {
    return resource("app.yml").replace("SOURCE_URL", db.jdbcUrl());
  }

  /** The folder the database file is in. */
  Path folder() {
    return Path.of(db.jdbcUrl().substring("jdbc:sqlite:".length())).getParent();
  }

  static String resource(String name) {
    try {
      return Files.readString(
          Path.of(UsersDatabase.class.getResource(RESOURCES + name).toURI()),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String[] statements(String script) {
    String code = script.replaceAll("(?m)^\\s*--.*$", "");
    return Arrays.stream(code.split(";"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toArray(String[]::new);
  }

  /** Runs statements against the database. */
  void sql(String... statements) {
    db.execute(statements);
  }

  /** Inserts a user whose row was last changed {@code minutesAgo} by the database's clock. */
  void insert(int id, String login, int minutesAgo) {
    sql(
        "INSERT INTO users VALUES ("
            + id
            + ", '"
            + login
            + "', strftime('%Y-%m-%d %H:%M:%S', 'now', '-"
            + minutesAgo
            + " minutes'))");
  }

  /** Stamps a user's row as changed {@code minutesAgo} by the database's clock. */
  void touch(int id, int minutesAgo) {
    sql(
        "UPDATE users SET updated_at = strftime('%Y-%m-%d %H:%M:%S', 'now', '-"
            + minutesAgo
            + " minutes') WHERE id = "
            + id);
  }

  /** A user's cursor value as an instant (the rows hold UTC without a zone). */
  Instant cursorOf(int id) {
    return utc(query("SELECT updated_at FROM users WHERE id = " + id));
  }

  /** The database's clock, moved by an SQLite modifier such as {@code -60 minutes}. */
  Instant now(String modifier) {
    return utc(query("SELECT strftime('%Y-%m-%d %H:%M:%S', 'now', '" + modifier + "')"));
  }

  private static Instant utc(String text) {
    return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
  }

  private String query(String sql) {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      if (!r.next()) {
        throw new AssertionError("no row: " + sql);
      }
      return r.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /**
   * Takes SQLite's exclusive lock on the file, as a writer in the middle of a transaction does:
   * until it is closed, every read fails with {@code SQLITE_BUSY} once the driver's busy timeout
   * has passed.
   */
  AutoCloseable lock() throws SQLException {
    Connection c = db.connect();
    Statement s = c.createStatement();
    s.execute("BEGIN EXCLUSIVE");
    return () -> {
      try (c;
          s) {
        s.execute("COMMIT");
      }
    };
  }

  @Override
  public void close() {
    db.close();
  }
}
