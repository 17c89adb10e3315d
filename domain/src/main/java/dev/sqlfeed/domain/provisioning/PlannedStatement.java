package dev.sqlfeed.domain.provisioning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One statement of a provisioning block, ready to run: the SQL with JDBC markers and the value of
 * each marker. Values are never pasted into the SQL text.
 *
 * @param path the YAML path of the statement, for example {@code
 *     resource_types.team.static_entitlements[0].provisioning.grant.queries[1]}
 * @param text the statement as written in the config
 * @param jdbcSql the statement with each {@code ?<name>} replaced by {@code ?}
 * @param parameterNames the placeholders' names, in marker order
 * @param parameters the value of each marker, in order: Long, Double, String, Boolean, byte[],
 *     Instant, or {@code null} for SQL NULL
 */
public record PlannedStatement(
    String path,
    String text,
    String jdbcSql,
    List<String> parameterNames,
    List<Object> parameters) {
  public PlannedStatement {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(jdbcSql, "jdbcSql");
    parameterNames = List.copyOf(parameterNames);
    // Not List.copyOf: a parameter may be null (SQL NULL).
    parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    if (parameterNames.size() != parameters.size()) {
      throw new IllegalArgumentException(
          path + ": " + parameterNames.size() + " names for " + parameters.size() + " parameters");
    }
  }
}
