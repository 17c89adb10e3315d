package dev.sqlfeed.ports.fullsync;

import dev.sqlfeed.domain.config.QueryVar;
import dev.sqlfeed.domain.error.MappingException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Evaluates a query's {@code vars}: the values of its own placeholders. */
public final class QueryVars {
  private QueryVars() {}

  /**
   * The value of every var, evaluated once for the query run.
   *
   * @throws MappingException naming the var's path when it fails, or when it names a provisioning
   *     input (baton-sql's {@code input.x} / bare names), which a sync does not have
   */
  public static Map<String, Object> evaluate(
      Map<String, QueryVar> vars, Map<String, Object> activation) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (QueryVar var : vars.values()) {
      if (var.expression().isEmpty()) {
        throw new MappingException(
            var.path()
                + ": '"
                + var.source()
                + "' names a provisioning input, which a sync does not have");
      }
      try {
        values.put(var.name(), var.expression().get().evaluate(activation));
      } catch (MappingException e) {
        throw new MappingException(var.path() + ": " + e.getMessage(), e);
      }
    }
    return values;
  }
}
