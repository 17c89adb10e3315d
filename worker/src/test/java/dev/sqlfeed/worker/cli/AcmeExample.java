package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.jdbc.JdbcStores;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.ports.SyncRun;
import dev.sqlfeed.ports.SyncStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Acme example of {@code examples/}: where it is, how to load its schema and seed into a test
 * database, how to name that database in a baton-sql DSN, and the mirror that every one of its
 * configs must sync to.
 */
final class AcmeExample {
  /** The golden export, in the test resources: what the three examples' mirrors print. */
  static final String GOLDEN_RESOURCE = "/golden/acme-export.jsonl";

  private static final String SQLITE_DSN = "dsn: \"sqlite:examples/sqlite/acme.db\"";

  private AcmeExample() {}

  /**
   * The repository's {@code examples/} directory. Maven runs a module's tests in the module's
   * directory, so it is {@code ../examples} from there.
   */
  static Path examplesDir() {
    Path dir = Path.of("").toAbsolutePath().resolveSibling("examples").normalize();
    assertThat(dir)
        .as("the examples directory, resolved from the worker module's working directory")
        .isDirectory();
    return dir;
  }

  /**
   * Copies the SQLite example into {@code dir} ({@code dir/sqlite/app.yml}, {@code schema.sql}, and
   * {@code dir/seed.sql}) with its DSN pointed at {@code dir/sqlite/acme.db}, so that {@code
   * init-example} and {@code sync} write nothing into the repository. Returns the config.
   */
  static Path copySqliteExample(Path dir) {
    Path examples = examplesDir();
    try {
      Path sqlite = Files.createDirectories(dir.resolve("sqlite"));
      Files.copy(examples.resolve("sqlite/schema.sql"), sqlite.resolve("schema.sql"));
      Files.copy(examples.resolve("seed.sql"), dir.resolve("seed.sql"));
      String yaml = read(examples.resolve("sqlite/app.yml"));
      assertThat(yaml).as("the SQLite example's DSN, which the copy rewrites").contains(SQLITE_DSN);
      String dsn = "dsn: \"sqlite:" + sqlite.resolve("acme.db") + "\"";
      return Files.writeString(sqlite.resolve("app.yml"), yaml.replace(SQLITE_DSN, dsn));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The export that every Acme example must produce, byte for byte. */
  static String golden() {
    try (InputStream in = AcmeExample.class.getResourceAsStream(GOLDEN_RESOURCE)) {
      assertThat(in).as(GOLDEN_RESOURCE).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Loads {@code examples/<example>/schema.sql} and then {@code examples/seed.sql} into {@code db},
   * statement by statement on one connection. PostgreSQL reads the seed's zone-less timestamp
   * literals into {@code timestamptz} columns in the session's zone, so the session is set to UTC
   * first, as the example's README tells a user to do.
   */
  static void load(TestDatabase db, String example) {
    List<String> statements = new ArrayList<>();
    if (db.kind() == TestDatabase.Kind.POSTGRES) {
      statements.add("SET TIME ZONE 'UTC'");
    }
    statements.addAll(statements(read(examplesDir().resolve(example).resolve("schema.sql"))));
    statements.addAll(statements(read(examplesDir().resolve("seed.sql"))));
    db.execute(statements.toArray(String[]::new));
  }

  /**
   * Splits an SQL file at semicolons that end a line, skipping {@code --} comment lines: the same
   * rule as {@code sqlfeed init-example}, enough for schema and seed files.
   */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || (trimmed.isEmpty() && current.isEmpty())) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String sql = current.toString().strip();
        out.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }

  /**
   * The baton-sql DSN of a PostgreSQL or MariaDB test database ({@code postgres://} or {@code
   * mysql://}), with its credentials in the user info.
   */
  static String batonDsn(TestDatabase db) {
    URI uri = URI.create(db.jdbcUrl().substring("jdbc:".length()));
    String scheme =
        switch (db.kind()) {
          case POSTGRES -> "postgres";
          case MARIADB -> "mysql";
          default -> throw new IllegalArgumentException("no baton-sql DSN for " + db);
        };
    String userInfo = encode(db.user());
    if (db.password() != null && !db.password().isEmpty()) {
      userInfo += ":" + encode(db.password());
    }
    String dsn =
        scheme + "://" + userInfo + "@" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
    return db.kind() == TestDatabase.Kind.POSTGRES ? dsn + "?sslmode=disable" : dsn;
  }

  /** The environment plus a store database's credentials, as a user would give them. */
  static Map<String, String> withStore(Map<String, String> env, TestDatabase store) {
    Map<String, String> all = new HashMap<>(env);
    all.put("SQLFEED_STORE_USER", store.user());
    all.put("SQLFEED_STORE_PASSWORD", store.password() == null ? "" : store.password());
    return all;
  }

  /** The sync runs of app {@code acme} in a store, newest first, read through the store port. */
  static List<SyncRun> syncRuns(String storeUrl) {
    try (SyncStore store = JdbcStores.open(storeUrl)) {
      return store.syncRuns("acme");
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
