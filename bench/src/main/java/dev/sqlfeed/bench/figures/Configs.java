package dev.sqlfeed.bench.figures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Writes the configs the figures run: the bench app's {@code users} (as {@code bench-app.yml} maps
 * them) in one of the {@link Form}s, once or as many sources. The source is {@code ${BENCH_DSN}},
 * set in the child's environment, so that no file holds a credential.
 */
final class Configs {
  private final Path dir;

  Configs(Path dir) {
    this.dir = dir;
  }

  /**
   * A config of {@code sources} user types ({@code user}, or {@code user_0 ...}) over {@code
   * table}.
   */
  Path write(
      String name,
      Form form,
      String table,
      int sources,
      Duration lookback,
      Duration overlap,
      Duration poll) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("app_name: bench\n")
        .append("connect:\n  dsn: \"${BENCH_DSN}\"\n")
        .append("incremental_sync:\n")
        .append("  default_lookback: ")
        .append(lookback.toSeconds())
        .append("s\n  overlap: ")
        .append(overlap.toSeconds())
        .append("s\n  poll_interval: ")
        .append(poll.toMillis())
        .append("ms\n  page_size: 1000\n")
        .append("resource_types:\n");
    for (int i = 0; i < sources; i++) {
      yaml.append(userType(sources == 1 ? "user" : "user_" + i, form, table));
    }
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(name + ".yml");
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String userType(String key, Form form, String table) {
    String columns = "id, username, email, status, updated_at";
    String incremental =
        switch (form) {
          case GET ->
              "      query: SELECT id, updated_at FROM "
                  + table
                  + " WHERE updated_at >= ?<since>\n"
                  + "      pagination:\n        primary_key: id\n";
          case DELETED_IF ->
              "      query: SELECT "
                  + columns
                  + " FROM "
                  + table
                  + " WHERE updated_at >= ?<since>\n"
                  + "      deleted_if: \".status == 'deleted'\"\n"
                  + "      pagination:\n        primary_key: id\n";
          case COMPAT_OFFSET ->
              "      query: SELECT id, updated_at FROM "
                  + table
                  + " WHERE updated_at >= ?<since> ORDER BY updated_at, id"
                  + " LIMIT ?<Limit> OFFSET ?<Offset>\n"
                  + "      pagination:\n        strategy: offset\n        primary_key: id\n";
        };
    return "  "
        + key
        + ":\n"
        + "    name: User\n"
        + "    list:\n"
        + "      query: SELECT "
        + columns
        + " FROM "
        + table
        + "\n"
        + "      map:\n"
        + "        id: \".id\"\n"
        + "        display_name: \".username\"\n"
        + "        description: \"'Bench user ' + .username\"\n"
        + "        traits:\n"
        + "          user:\n"
        + "            emails:\n"
        + "              - \".email\"\n"
        + "            status: \".status\"\n"
        + "            login: \".username\"\n"
        + "            account_type: \".email == null ? 'service' : 'human'\"\n"
        + "            profile:\n"
        + "              username: \".username\"\n"
        + "              status: \".status\"\n"
        + "    get:\n"
        + "      query: SELECT "
        + columns
        + " FROM "
        + table
        + " WHERE id = ?<id>\n"
        + "    incremental_sync:\n"
        + "      cursor_column: updated_at\n"
        + incremental;
  }
}
