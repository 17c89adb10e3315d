package dev.sqlfeed.domain.provisioning;

import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import dev.sqlfeed.domain.query.PastedValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One statement of a provisioning block, ready to run: the SQL with JDBC markers and the value of
 * each marker. Values are bound, never pasted into the SQL text, except those of {@code
 * ?<name|unquoted>} and {@code ?<name|identifier>} placeholders, which {@link #sql(Product)} pastes
 * for the database at hand.
 *
 * @param path the YAML path of the statement, for example {@code
 *     resource_types.team.static_entitlements[0].provisioning.grant.queries[1]}
 * @param text the statement as written in the config
 * @param jdbcSql the statement with each bound {@code ?<name>} replaced by {@code ?}; inline
 *     placeholders stay as written
 * @param parameterNames the placeholders' names, in marker order
 * @param parameters the value of each marker, in order: Long, Double, String, Boolean, byte[],
 *     Instant, or {@code null} for SQL NULL
 * @param pasted the value of each inline placeholder, by lower-case name (checked by {@link
 *     PastedValues#check})
 */
public record PlannedStatement(
    String path,
    String text,
    String jdbcSql,
    List<String> parameterNames,
    List<Object> parameters,
    Map<String, Object> pasted) {
  public PlannedStatement {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(jdbcSql, "jdbcSql");
    parameterNames = List.copyOf(parameterNames);
    // Not List.copyOf: a parameter may be null (SQL NULL).
    parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    pasted = Collections.unmodifiableMap(new HashMap<>(pasted));
    if (parameterNames.size() != parameters.size()) {
      throw new IllegalArgumentException(
          path + ": " + parameterNames.size() + " names for " + parameters.size() + " parameters");
    }
  }

  /** A statement without inline placeholders. */
  public PlannedStatement(
      String path,
      String text,
      String jdbcSql,
      List<String> parameterNames,
      List<Object> parameters) {
    this(path, text, jdbcSql, parameterNames, parameters, Map.of());
  }

  /** The SQL to send to {@code product}: {@link #jdbcSql()} with the inline values pasted. */
  public String sql(Product product) {
    return pasted.isEmpty() ? jdbcSql : PastedValues.render(jdbcSql, pasted, product);
  }
}
