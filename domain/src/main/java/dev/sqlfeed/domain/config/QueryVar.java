package dev.sqlfeed.domain.config;

import dev.sqlfeed.domain.mapping.Expression;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a {@code vars} block: the value bound to the placeholder {@code ?<name>}.
 *
 * <p>baton-sql first looks the text up as the name of an input field (for example {@code username}
 * in an account-provisioning block) and only evaluates it as CEL when no such input exists. A bare
 * name that does not compile as CEL is therefore kept without an expression: it can only ever be an
 * input reference.
 *
 * @param name the variable's name as written
 * @param source the text as written
 * @param expression the compiled expression, absent for a bare input reference that is not CEL
 * @param path the YAML path of the value
 */
public record QueryVar(String name, String source, Optional<Expression> expression, String path) {
  public QueryVar {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(path, "path");
  }
}
