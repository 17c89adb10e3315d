package dev.sqlfeed.domain.provisioning;

import java.util.List;
import java.util.Objects;

/**
 * What a grant or revoke runs: the block's statements with their parameters, and whether they run
 * in one transaction.
 *
 * @param action grant or revoke
 * @param entitlement the entitlement named
 * @param principal the principal named
 * @param path the YAML path of the {@code grant} or {@code revoke} block
 * @param transactional false when the block says {@code no_transaction: true}
 * @param checks the block's {@code validation_queries}: each must return a row before any statement
 *     runs
 * @param statements the statements, in config order, at least one
 */
public record ProvisioningPlan(
    ProvisioningAction action,
    EntitlementTarget entitlement,
    Principal principal,
    String path,
    boolean transactional,
    List<PlannedStatement> checks,
    List<PlannedStatement> statements) {
  /**
   * baton-sql's rule: a statement that changes more than one row is an error (and, in a
   * transaction, rolls the grant back), so that a mistaken {@code WHERE} cannot revoke everyone.
   */
  public static final long MAX_ROWS_PER_STATEMENT = 1;

  public ProvisioningPlan {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(entitlement, "entitlement");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(path, "path");
    checks = List.copyOf(checks);
    statements = List.copyOf(statements);
    if (statements.isEmpty()) {
      throw new IllegalArgumentException(path + ": a plan needs at least one statement");
    }
  }
}
