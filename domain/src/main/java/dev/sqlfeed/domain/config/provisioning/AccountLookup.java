package dev.sqlfeed.domain.config.provisioning;

import dev.sqlfeed.domain.config.Ordered;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.QueryVar;
import java.util.Map;
import java.util.Objects;

/**
 * {@code account_provisioning.validate}: reads the account just created.
 *
 * @param vars {@code vars}
 * @param query {@code query}
 * @param path the YAML path of the block
 */
public record AccountLookup(Map<String, QueryVar> vars, Query query, String path) {
  public AccountLookup {
    vars = Ordered.copy(vars);
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(path, "path");
  }
}
