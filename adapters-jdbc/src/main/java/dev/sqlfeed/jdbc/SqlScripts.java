package dev.sqlfeed.jdbc;

import dev.sqlfeed.domain.connect.ConnectionSpec;
import dev.sqlfeed.domain.error.SourceException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Runs SQL script files against a database, for setting up the examples' application databases.
 * This is the only code in sqlfeed that writes to an application database; sync never does.
 *
 * <p>Scripts are split into statements at semicolons that end a line; lines starting with {@code
 * --} are comments. That is enough for schema and seed files, not for procedural SQL.
 */
public final class SqlScripts {
  private SqlScripts() {}

  /** Runs every statement of the scripts, in order, in one transaction. */
  public static void run(ConnectionSpec spec, List<String> scripts) {
    Properties props = new Properties();
    props.putAll(spec.properties());
    if (spec.user() != null) {
      props.setProperty("user", spec.user());
    }
    if (spec.password() != null) {
      props.setProperty("password", spec.password());
    }
    String statement = null;
    try (Connection c = DriverManager.getConnection(spec.jdbcUrl(), props)) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        for (String script : scripts) {
          for (String sql : statements(script)) {
            statement = sql;
            s.execute(sql);
          }
        }
      }
      c.commit();
    } catch (SQLException e) {
      String at = statement == null ? "" : " in: " + firstLine(statement);
      throw new SourceException(
          SourceException.Kind.QUERY_FAILED,
          false,
          "script failed" + at + ": " + e.getMessage(),
          e);
    }
  }

  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || (trimmed.isEmpty() && current.length() == 0)) {
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

  private static String firstLine(String sql) {
    int nl = sql.indexOf('\n');
    return nl < 0 ? sql : sql.substring(0, nl) + " ...";
  }
}
