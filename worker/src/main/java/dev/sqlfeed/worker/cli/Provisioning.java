package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.config.LoadedConfig;
import dev.sqlfeed.domain.provisioning.Password;
import dev.sqlfeed.domain.provisioning.PlannedStatement;
import dev.sqlfeed.domain.provisioning.ProvisioningAction;
import dev.sqlfeed.domain.provisioning.ProvisioningPlan;
import dev.sqlfeed.domain.provisioning.ProvisioningPlanner;
import dev.sqlfeed.ports.StatementRunner;
import dev.sqlfeed.worker.Wiring;
import dev.sqlfeed.worker.config.ConfigLoader;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * What {@code grant} and {@code revoke} do: plan the entitlement's block, then print it ({@code
 * --dry-run}) or run it on a writable connection of its own.
 */
final class Provisioning {
  private Provisioning() {}

  static int run(CliContext context, ProvisionOptions options, ProvisioningAction action) {
    LoadedConfig loaded = ConfigLoader.withEnvironment(context.env()).load(options.config.file);
    loaded.warnings().forEach(w -> context.err().println("warning: " + w));
    SingleDatabase.require(options.config, loaded.config(), "sqlfeed " + action.yaml());
    ProvisioningPlan plan =
        ProvisioningPlanner.plan(
            loaded.config(),
            action,
            options.entitlement,
            options.principal,
            options.config.toString());
    if (options.dryRun) {
      print(plan, context.out());
      return ExitCode.OK;
    }
    List<Long> changed;
    try (StatementRunner runner = Wiring.statementRunner(loaded.config(), context.env())) {
      changed =
          runner.run(
              plan.checks(),
              plan.statements(),
              plan.transactional(),
              ProvisioningPlan.MAX_ROWS_PER_STATEMENT);
    }
    long rows = changed.stream().mapToLong(Long::longValue).sum();
    context
        .out()
        .println(
            headline(plan)
                + ": "
                + checks(plan, " passed, ")
                + ValidateCommand.count(plan.statements().size(), "statement")
                + " run, "
                + ValidateCommand.count((int) rows, "row")
                + " changed"
                + (plan.transactional() ? ", committed" : " (no_transaction)"));
    return ExitCode.OK;
  }

  /** {@code granted team:ops:member to user:3}, or {@code revoked ... from ...}. */
  private static String headline(ProvisioningPlan plan) {
    return plan.action() == ProvisioningAction.GRANT
        ? "granted " + plan.entitlement() + " to " + plan.principal()
        : "revoked " + plan.entitlement() + " from " + plan.principal();
  }

  private static void print(ProvisioningPlan plan, PrintWriter out) {
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
    int n = 1;
    for (PlannedStatement check : plan.checks()) {
      print("check " + n++ + ". " + check.path() + " (must return a row)", check, out);
    }
    n = 1;
    for (PlannedStatement statement : plan.statements()) {
      print(n++ + ". " + statement.path(), statement, out);
    }
  }

  /** {@code 1 check}, {@code 2 checks} and {@code then}; nothing without checks. */
  private static String checks(ProvisioningPlan plan, String then) {
    return plan.checks().isEmpty()
        ? ""
        : ValidateCommand.count(plan.checks().size(), "check") + then;
  }

  private static void print(String title, PlannedStatement statement, PrintWriter out) {
    print(title, statement, Optional.empty(), out);
  }

  /** A statement as sent, with each parameter; {@code password} is masked wherever it is bound. */
  static void print(
      String title, PlannedStatement statement, Optional<Password> password, PrintWriter out) {
    out.println(title);
    statement.jdbcSql().strip().lines().forEach(line -> out.println("   " + line));
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
