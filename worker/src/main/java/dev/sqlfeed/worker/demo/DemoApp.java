package dev.sqlfeed.worker.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The demo's application in a folder: its SQLite database (created from the bundled schema), the
 * config that reads it, and the store the worker writes.
 *
 * @param folder where everything lives
 * @param database the application's SQLite file
 * @param config the config file
 * @param storeUrl the JDBC URL of the store
 */
public record DemoApp(Path folder, Path database, Path config, String storeUrl) {
  private static final String RESOURCES = "/dev/sqlfeed/worker/demo/";

  /** Creates the application, its config and an empty store location in {@code folder}. */
  public static DemoApp create(Path folder) {
    Path database = folder.resolve("app.db");
    Path config = folder.resolve("app.yml");
    try {
      Files.createDirectories(folder);
      String yaml = resource("app.yml").replace("${DEMO_DB}", database.toString());
      Files.writeString(config, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo app in " + folder, e);
    }
    try (Connection c = open(database);
        Statement s = c.createStatement()) {
      for (String sql : resource("schema.sql").split(";")) {
        String statement =
            sql.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + " " + b);
        if (!statement.isBlank()) {
          s.execute(statement);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create the demo database " + database + ": " + e.getMessage(), e);
    }
    return new DemoApp(folder, database, config, "jdbc:sqlite:" + folder.resolve("sqlfeed.db"));
  }

  /** A read-write connection to the application's database. */
  static Connection open(Path database) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + database);
  }

  private static String resource(String name) {
    try (InputStream in = DemoApp.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCES + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
