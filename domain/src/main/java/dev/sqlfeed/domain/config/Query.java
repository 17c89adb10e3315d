package dev.sqlfeed.domain.config;

import dev.sqlfeed.domain.query.SqlTemplate;
import java.util.Objects;

/**
 * A SQL statement from the config, parsed for placeholders, with the YAML path it was read from so
 * that a failure at run time can name it.
 *
 * @param sql the parsed statement
 * @param path the YAML path, for example {@code resource_types.user.list.query}
 */
public record Query(SqlTemplate sql, String path) {
  public Query {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(path, "path");
  }

  /** The statement as written in the config. */
  public String text() {
    return sql.text();
  }
}
