package dev.sqlfeed.domain.config.provisioning;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.grant.GrantMapping;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code provisioning.grant} block: the common statements plus two grant-only policies.
 *
 * @param statements the statements (same keys as a revoke block)
 * @param rejectIf {@code reject_if}
 * @param grantReplace {@code grant_replace}
 */
public record GrantProvisioning(
    ProvisioningQueries statements,
    Optional<RejectIf> rejectIf,
    Optional<GrantReplace> grantReplace) {

  /**
   * {@code reject_if}: refuse the grant when the query returns a row.
   *
   * @param query {@code query}
   * @param reason {@code reason}: CEL over the first row; without it, baton-sql's default reason
   * @param path the YAML path of the block
   */
  public record RejectIf(Query query, Optional<Cel> reason, String path) {
    public RejectIf {
      Objects.requireNonNull(query, "query");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * {@code grant_replace}: the grants the new one replaces.
   *
   * @param query {@code query}
   * @param map {@code map}
   * @param path the YAML path of the block
   */
  public record GrantReplace(Query query, List<GrantMapping> map, String path) {
    public GrantReplace {
      Objects.requireNonNull(query, "query");
      map = List.copyOf(map);
      Objects.requireNonNull(path, "path");
    }
  }

  public GrantProvisioning {
    Objects.requireNonNull(statements, "statements");
    Objects.requireNonNull(rejectIf, "rejectIf");
    Objects.requireNonNull(grantReplace, "grantReplace");
  }
}
