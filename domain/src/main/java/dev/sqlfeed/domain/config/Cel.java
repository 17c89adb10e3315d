package dev.sqlfeed.domain.config;

import dev.sqlfeed.domain.mapping.Expression;
import java.util.Objects;

/**
 * A compiled CEL expression from the config with the YAML path it was read from.
 *
 * @param expression the compiled expression
 * @param path the YAML path, for example {@code resource_types.user.list.map.id}
 */
public record Cel(Expression expression, String path) {
  public Cel {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(path, "path");
  }

  /** The expression as written in the config. */
  public String source() {
    return expression.source();
  }
}
