package dev.sqlfeed.ports;

import dev.sqlfeed.domain.query.SqlTemplate;
import java.util.Objects;

/**
 * A query to run against a source.
 *
 * @param origin where the query comes from, named so that errors can say it: a YAML path such as
 *     {@code resource_types.user.list.query}
 */
public record SourceQuery(String origin, SqlTemplate template) {
  public SourceQuery {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(template, "template");
  }
}
