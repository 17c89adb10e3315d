package dev.sqlfeed.ports.provisioning;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.domain.provisioning.PlannedStatement;
import dev.sqlfeed.domain.provisioning.PolicyRows;
import dev.sqlfeed.domain.provisioning.ProvisioningAction;
import dev.sqlfeed.domain.provisioning.ProvisioningPlan;
import dev.sqlfeed.domain.provisioning.ProvisioningPlanner;
import dev.sqlfeed.domain.value.SourceRow;
import dev.sqlfeed.ports.StatementRunner;
import dev.sqlfeed.ports.StatementRunner.Ending;
import dev.sqlfeed.ports.StatementRunner.Session;
import dev.sqlfeed.ports.provisioning.ProvisioningOutcome.PrincipalCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a grant or revoke plan the way baton-sql does, on one connection and, unless {@code
 * no_transaction}, in one transaction:
 *
 * <ol>
 *   <li>a grant's {@code reject_if}: a row cancels the grant, and nothing runs;
 *   <li>a grant's {@code grant_replace}: the grant its query finds (at most one) is revoked first,
 *       with that entitlement's own revoke block (its vars, validation queries and statements);
 *   <li>the {@code validation_queries}: each must return a row; with {@code
 *       validation_queries_signal_idempotency} on Oracle (the only database sqlfeed supports where
 *       baton-sql honours it), a query without a row means "already done" and nothing more runs;
 *   <li>the {@code queries}, each changing at most one row; when a grant's all change none after a
 *       replacement, the transaction is rolled back so that the replaced grant stays (the new one
 *       was already held);
 *   <li>after a revoke has committed, its principal check, outside the transaction: no row means
 *       the revoke deleted the principal; a failing check does not undo the revoke.
 * </ol>
 */
public final class Provisioner {
  private final Config config;
  private final String file;
  private final StatementRunner runner;
  private final Product product;

  /**
   * @param file the config file as the user named it, for messages
   * @param product the database's product, which decides whether a validation query can signal
   *     idempotency
   */
  public Provisioner(Config config, String file, StatementRunner runner, Product product) {
    this.config = Objects.requireNonNull(config, "config");
    this.file = Objects.requireNonNull(file, "file");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.product = Objects.requireNonNull(product, "product");
  }

  /** Whether baton-sql honours {@code validation_queries_signal_idempotency} on {@code product}. */
  public static boolean signalsIdempotency(Product product) {
    return product == Product.ORACLE;
  }

  /** Runs {@code plan}. */
  public ProvisioningOutcome run(ProvisioningPlan plan) {
    ProvisioningOutcome outcome = runner.session(plan.transactional(), s -> statements(plan, s));
    if (outcome instanceof ProvisioningOutcome.Done done && plan.principalCheck().isPresent()) {
      return new ProvisioningOutcome.Done(
          done.changed(), done.replaced(), principal(plan.principalCheck().get()));
    }
    return outcome;
  }

  private Ending<ProvisioningOutcome> statements(ProvisioningPlan plan, Session s) {
    if (plan.rejectIf().isPresent()) {
      List<SourceRow> rows = s.query(plan.rejectIf().get().query(), 1);
      if (!rows.isEmpty()) {
        return new Ending<>(
            new ProvisioningOutcome.Cancelled(
                PolicyRows.reason(plan.rejectIf().get(), rows.get(0))),
            false);
      }
    }
    Optional<PolicyRows.Found> replaced = Optional.empty();
    if (plan.replace().isPresent()) {
      replaced = replace(plan.replace().get(), s);
    }
    Optional<String> idle = unmetCheck(plan.checks(), plan.checksSignalIdempotency(), s, "");
    if (idle.isPresent()) {
      return new Ending<>(
          new ProvisioningOutcome.AlreadyDone(
              idle.get(), plan.transactional() ? Optional.empty() : replaced),
          false);
    }
    List<Long> changed = new ArrayList<>();
    for (PlannedStatement statement : plan.statements()) {
      changed.add(s.execute(statement, ProvisioningPlan.MAX_ROWS_PER_STATEMENT));
    }
    if (replaced.isPresent() && plan.transactional() && changed.stream().allMatch(c -> c == 0)) {
      return new Ending<>(new ProvisioningOutcome.Unchanged(replaced.get()), false);
    }
    return new Ending<>(
        new ProvisioningOutcome.Done(changed, replaced, new PrincipalCheck.NotRun()), true);
  }

  /** Revokes the grant {@code replace} finds, if any; more than one is an error. */
  private Optional<PolicyRows.Found> replace(ProvisioningPlan.Replacement replace, Session s) {
    List<PolicyRows.Found> found =
        PolicyRows.replaced(replace, s.query(replace.query(), Integer.MAX_VALUE));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    if (found.size() > 1) {
      throw new SourceException(
          SourceException.Kind.QUERY_FAILED,
          false,
          replace.query().path()
              + ": found "
              + found.size()
              + " grants to replace ("
              + String.join(", ", found.stream().map(Object::toString).toList())
              + "), at most 1 allowed",
          null);
    }
    PolicyRows.Found grant = found.get(0);
    ProvisioningPlan revoke =
        ProvisioningPlanner.plan(
            config, ProvisioningAction.REVOKE, grant.entitlement(), grant.principal(), file);
    String replacing = " (revoking " + grant + ", which " + replace.path() + " found)";
    // Without the signal, a check without a row fails the session.
    unmetCheck(revoke.checks(), false, s, replacing);
    for (PlannedStatement statement : revoke.statements()) {
      s.execute(statement, ProvisioningPlan.MAX_ROWS_PER_STATEMENT);
    }
    return Optional.of(grant);
  }

  /**
   * The path of the first check without a row when that signals idempotency here; otherwise such a
   * check fails the session, and empty means every check returned a row.
   */
  private Optional<String> unmetCheck(
      List<PlannedStatement> checks, boolean signal, Session s, String context) {
    for (PlannedStatement check : checks) {
      if (s.query(check, 1).isEmpty()) {
        if (signal && signalsIdempotency(product)) {
          return Optional.of(check.path());
        }
        throw new SourceException(
            SourceException.Kind.QUERY_FAILED,
            false,
            check.path() + ": returned no row" + context,
            null);
      }
    }
    return Optional.empty();
  }

  private PrincipalCheck principal(PlannedStatement check) {
    try {
      return runner.first(check).isPresent()
          ? new PrincipalCheck.Exists()
          : new PrincipalCheck.Gone();
    } catch (SourceException e) {
      return new PrincipalCheck.Failed(e.getMessage());
    }
  }
}
