package dev.sqlfeed.domain.config.action;

import dev.sqlfeed.domain.config.Ordered;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.QueryVar;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the top-level {@code actions}. Parsed and validated now; executed later.
 *
 * @param key the key under {@code actions}
 * @param name {@code name}
 * @param description {@code description}
 * @param arguments {@code arguments}, in file order
 * @param vars {@code vars}
 * @param noTransaction {@code no_transaction}
 * @param queries {@code query} or {@code queries} (exactly one of the two is written)
 * @param actionTypes {@code action_type}
 * @param path the YAML path of the block
 */
public record Action(
    String key,
    String name,
    String description,
    Map<String, ActionArgument> arguments,
    Map<String, QueryVar> vars,
    boolean noTransaction,
    List<Query> queries,
    List<ActionType> actionTypes,
    String path) {
  public Action {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    arguments = Ordered.copy(arguments);
    vars = Ordered.copy(vars);
    queries = List.copyOf(queries);
    actionTypes = List.copyOf(actionTypes);
    Objects.requireNonNull(path, "path");
  }
}
