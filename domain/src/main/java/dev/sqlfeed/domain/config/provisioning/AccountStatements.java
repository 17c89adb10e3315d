package dev.sqlfeed.domain.config.provisioning;

import dev.sqlfeed.domain.config.Ordered;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.QueryVar;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code account_provisioning.create} or {@code credential_rotation.update}.
 *
 * @param vars {@code vars}
 * @param queries {@code queries}
 * @param noTransaction {@code no_transaction}
 * @param path the YAML path of the block
 */
public record AccountStatements(
    Map<String, QueryVar> vars, List<Query> queries, boolean noTransaction, String path) {
  public AccountStatements {
    vars = Ordered.copy(vars);
    queries = List.copyOf(queries);
    Objects.requireNonNull(path, "path");
  }
}
