package dev.sqlfeed.domain.provisioning;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.grant.GrantMapping;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a grant or revoke runs: the block's statements with their parameters, whether they run in
 * one transaction, and the block's policies, in the order they run: {@code reject_if} (grant),
 * {@code grant_replace} (grant), the {@code validation_queries}, the {@code queries}, and after the
 * commit the principal check (revoke).
 *
 * @param action grant or revoke
 * @param entitlement the entitlement named
 * @param principal the principal named
 * @param path the YAML path of the {@code grant} or {@code revoke} block
 * @param transactional false when the block says {@code no_transaction: true}
 * @param rejectIf the grant's {@code reject_if}: a row cancels the grant
 * @param replace the grant's {@code grant_replace}: the grant it finds is revoked first
 * @param checks the block's {@code validation_queries}: each must return a row before any statement
 *     runs
 * @param checksSignalIdempotency a check without a row means "already done" rather than a failure:
 *     {@code validation_queries_signal_idempotency}, which baton-sql honours on Oracle and Db2 only
 * @param statements the statements, in config order, at least one
 * @param principalCheck a revoke's {@code revoke_options.principal_exists_check} (or its earlier
 *     name, {@code principal_deleted_check}): run after the commit, no row means the revoke deleted
 *     the principal
 */
public record ProvisioningPlan(
    ProvisioningAction action,
    EntitlementTarget entitlement,
    Principal principal,
    String path,
    boolean transactional,
    Optional<Rejection> rejectIf,
    Optional<Replacement> replace,
    List<PlannedStatement> checks,
    boolean checksSignalIdempotency,
    List<PlannedStatement> statements,
    Optional<PlannedStatement> principalCheck) {
  /**
   * baton-sql's rule: a statement that changes more than one row is an error (and, in a
   * transaction, rolls the grant back), so that a mistaken {@code WHERE} cannot revoke everyone.
   */
  public static final long MAX_ROWS_PER_STATEMENT = 1;

  /** baton-sql's reason when {@code reject_if.reason} is not given. */
  public static final String DEFAULT_REJECT_REASON = "Grant cancelled by connector policy.";

  /**
   * A grant's {@code reject_if}.
   *
   * @param query its query; a row cancels the grant
   * @param reason CEL over that row, the reason given; empty for {@link #DEFAULT_REJECT_REASON}
   */
  public record Rejection(PlannedStatement query, Optional<Cel> reason) {
    public Rejection {
      Objects.requireNonNull(query, "query");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * A grant's {@code grant_replace}.
   *
   * @param query its query: each row is mapped to grants by {@code map}
   * @param map the mappings; one without {@code entitlement_resource_id} yields nothing
   * @param resourceType the resource type of the grants it finds (the entitlement's own)
   * @param path the YAML path of the block
   */
  public record Replacement(
      PlannedStatement query, List<GrantMapping> map, String resourceType, String path) {
    public Replacement {
      Objects.requireNonNull(query, "query");
      map = List.copyOf(map);
      Objects.requireNonNull(resourceType, "resourceType");
      Objects.requireNonNull(path, "path");
    }
  }

  public ProvisioningPlan {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(entitlement, "entitlement");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rejectIf, "rejectIf");
    Objects.requireNonNull(replace, "replace");
    checks = List.copyOf(checks);
    statements = List.copyOf(statements);
    Objects.requireNonNull(principalCheck, "principalCheck");
    if (statements.isEmpty()) {
      throw new IllegalArgumentException(path + ": a plan needs at least one statement");
    }
  }
}
