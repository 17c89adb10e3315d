package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.config.LoadedConfig;
import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import dev.sqlfeed.domain.provisioning.Password;
import dev.sqlfeed.domain.provisioning.PlannedStatement;
import dev.sqlfeed.domain.provisioning.ProvisioningAction;
import dev.sqlfeed.domain.provisioning.ProvisioningPlan;
import dev.sqlfeed.domain.provisioning.ProvisioningPlanner;
import dev.sqlfeed.ports.StatementRunner;
import dev.sqlfeed.ports.provisioning.Provisioner;
import dev.sqlfeed.ports.provisioning.ProvisioningOutcome;
import dev.sqlfeed.ports.provisioning.ProvisioningOutcome.PrincipalCheck;
import dev.sqlfeed.worker.Wiring;
import dev.sqlfeed.worker.config.ConfigLoader;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * What {@code grant} and {@code revoke} do: plan the entitlement's block, then print it ({@code
 * --dry-run}) or run it on a writable connection of its own ({@link Provisioner}).
 */
final class Provisioning {
  private Provisioning() {}

  static int run(CliContext context, ProvisionOptions options, ProvisioningAction action) {
    LoadedConfig loaded = ConfigLoader.withEnvironment(context.env()).load(options.config.file);
    loaded.warnings().forEach(w -> context.err().println("warning: " + w));
    SingleDatabase.require(options.config, loaded.config(), "sqlfeed " + action.yaml());
    String file = options.config.toString();
    ProvisioningPlan plan =
        ProvisioningPlanner.plan(
            loaded.config(), action, options.entitlement, options.principal, file);
    ProvisioningPlanner.warnings(loaded.config(), action, options.entitlement, file)
        .forEach(w -> context.err().println("warning: " + w));
    Product product = Wiring.connection(loaded.config(), context.env()).product();
    if (plan.checksSignalIdempotency() && !Provisioner.signalsIdempotency(product)) {
      context
          .err()
          .println(
              "warning: "
                  + file
                  + ": "
                  + plan.path()
                  + ".validation_queries_signal_idempotency: has effect on Oracle and Db2 only"
                  + " (as in baton-sql); here a validation query without a row fails the "
                  + action.yaml());
    }
    if (options.dryRun) {
      print(plan, product, context.out());
      return ExitCode.OK;
    }
    ProvisioningOutcome outcome;
    try (StatementRunner runner = Wiring.statementRunner(loaded.config(), context.env())) {
      outcome = new Provisioner(loaded.config(), file, runner, product).run(plan);
    }
    return report(plan, outcome, context);
  }

  private static int report(
      ProvisioningPlan plan, ProvisioningOutcome outcome, CliContext context) {
    PrintWriter out = context.out();
    if (outcome instanceof ProvisioningOutcome.Done done) {
      long rows = done.changed().stream().mapToLong(Long::longValue).sum();
      out.println(
          headline(plan)
              + ": "
              + checks(plan, " passed, ")
              + ValidateCommand.count(plan.statements().size(), "statement")
              + " run, "
              + ValidateCommand.count((int) rows, "row")
              + " changed"
              + (plan.transactional() ? ", committed" : " (no_transaction)")
              + done.replaced().map(r -> "; replaced " + r + " (grant_replace)").orElse("")
              + (done.principal() instanceof PrincipalCheck.Gone
                  ? "; " + plan.principal() + " no longer exists (principal check)"
                  : ""));
      if (done.principal() instanceof PrincipalCheck.Failed failed) {
        context
            .err()
            .println(
                "warning: the revoke stands, but the principal check failed, so whether "
                    + plan.principal()
                    + " still exists is not known: "
                    + failed.message());
      }
    } else if (outcome instanceof ProvisioningOutcome.AlreadyDone already) {
      out.println(
          "already "
              + (plan.action() == ProvisioningAction.GRANT ? "granted" : "revoked")
              + ": "
              + already.check()
              + " returned no row, which validation_queries_signal_idempotency makes mean"
              + " done; "
              + already
                  .replaced()
                  .map(r -> "only the replacement of " + r + " (grant_replace) ran")
                  .orElse("nothing was changed"));
    } else if (outcome instanceof ProvisioningOutcome.Unchanged unchanged) {
      out.println(
          "already granted: "
              + plan.entitlement()
              + " to "
              + plan.principal()
              + " changed no row, so the replacement of "
              + unchanged.replaced()
              + " (grant_replace) was rolled back; nothing was changed");
    } else if (outcome instanceof ProvisioningOutcome.Cancelled cancelled) {
      throw CliException.failed(
          "grant of "
              + plan.entitlement()
              + " to "
              + plan.principal()
              + " cancelled by "
              + plan.path()
              + ".reject_if: "
              + cancelled.reason()
              + "; nothing was changed");
    }
    return ExitCode.OK;
  }

  /** {@code granted team:ops:member to user:3}, or {@code revoked ... from ...}. */
  private static String headline(ProvisioningPlan plan) {
    return plan.action() == ProvisioningAction.GRANT
        ? "granted " + plan.entitlement() + " to " + plan.principal()
        : "revoked " + plan.entitlement() + " from " + plan.principal();
  }

  private static void print(ProvisioningPlan plan, Product product, PrintWriter out) {
    out.println(
        "dry run: "
            + plan.action().yaml()
            + " "
            + plan.entitlement()
            + (plan.action() == ProvisioningAction.GRANT ? " to " : " from ")
            + plan.principal()
            + " runs "
            + checks(plan, " and ")
            + ValidateCommand.count(plan.statements().size(), "statement")
            + " of "
            + plan.path()
            + (plan.transactional() ? " in one transaction" : " without a transaction")
            + "; nothing is written");
    plan.rejectIf()
        .ifPresent(
            r ->
                print(
                    "first, " + r.query().path() + " (a row cancels the grant)",
                    r.query(),
                    product,
                    out));
    plan.replace()
        .ifPresent(
            r ->
                print(
                    "then, "
                        + r.query().path()
                        + " (the grant it finds is revoked first, with its own revoke block)",
                    r.query(),
                    product,
                    out));
    int n = 1;
    for (PlannedStatement check : plan.checks()) {
      print("check " + n++ + ". " + check.path() + " (must return a row)", check, product, out);
    }
    n = 1;
    for (PlannedStatement statement : plan.statements()) {
      print(n++ + ". " + statement.path(), statement, product, out);
    }
    plan.principalCheck()
        .ifPresent(
            c ->
                print(
                    "after the commit, " + c.path() + " (no row: the principal was deleted)",
                    c,
                    product,
                    out));
  }

  /** {@code 1 check}, {@code 2 checks} and {@code then}; nothing without checks. */
  private static String checks(ProvisioningPlan plan, String then) {
    return plan.checks().isEmpty()
        ? ""
        : ValidateCommand.count(plan.checks().size(), "check") + then;
  }

  private static void print(
      String title, PlannedStatement statement, Product product, PrintWriter out) {
    out.println(title);
    statement.sql(product).strip().lines().forEach(line -> out.println("   " + line));
    printParameters(statement, Optional.empty(), out);
  }

  /** A statement as sent, with each parameter; {@code password} is masked wherever it is bound. */
  static void print(
      String title, PlannedStatement statement, Optional<Password> password, PrintWriter out) {
    out.println(title);
    statement.jdbcSql().strip().lines().forEach(line -> out.println("   " + line));
    printParameters(statement, password, out);
  }

  private static void printParameters(
      PlannedStatement statement, Optional<Password> password, PrintWriter out) {
    for (int i = 0; i < statement.parameters().size(); i++) {
      out.println(
          "   ["
              + (i + 1)
              + "] ?<"
              + statement.parameterNames().get(i)
              + "> = "
              + ParameterText.of(statement.parameters().get(i), password));
    }
  }
}
