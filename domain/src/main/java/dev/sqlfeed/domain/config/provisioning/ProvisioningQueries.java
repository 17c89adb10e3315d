package dev.sqlfeed.domain.config.provisioning;

import dev.sqlfeed.domain.config.Query;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The statements of a {@code grant} or {@code revoke} block.
 *
 * @param noTransaction {@code no_transaction}: run without a transaction (DDL such as GRANT)
 * @param validationQueries {@code validation_queries}: each must return a row first
 * @param validationQueriesSignalIdempotency {@code validation_queries_signal_idempotency}: a
 *     validation query without rows means "already done" rather than an error
 * @param queries {@code queries}
 * @param principalDeletedCheck {@code principal_deleted_check.query}: after a revoke, no row means
 *     the principal itself was deleted
 * @param revokeOptions {@code revoke_options}
 * @param path the YAML path of the block
 */
public record ProvisioningQueries(
    boolean noTransaction,
    List<Query> validationQueries,
    boolean validationQueriesSignalIdempotency,
    List<Query> queries,
    Optional<Query> principalDeletedCheck,
    Optional<RevokeOptions> revokeOptions,
    String path) {
  public ProvisioningQueries {
    validationQueries = List.copyOf(validationQueries);
    queries = List.copyOf(queries);
    Objects.requireNonNull(principalDeletedCheck, "principalDeletedCheck");
    Objects.requireNonNull(revokeOptions, "revokeOptions");
    Objects.requireNonNull(path, "path");
  }
}
