package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.LoadedConfig;
import dev.sqlfeed.domain.error.MappingException;
import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.domain.mirror.Resource;
import dev.sqlfeed.domain.provisioning.AccountPlan;
import dev.sqlfeed.domain.provisioning.AccountPlanner;
import dev.sqlfeed.domain.provisioning.CredentialOption;
import dev.sqlfeed.domain.provisioning.Password;
import dev.sqlfeed.domain.provisioning.PasswordGenerator;
import dev.sqlfeed.domain.provisioning.PlannedStatement;
import dev.sqlfeed.domain.provisioning.ProvisioningPlan;
import dev.sqlfeed.domain.sync.ResourceRowMapper;
import dev.sqlfeed.domain.value.SourceRow;
import dev.sqlfeed.ports.StatementRunner;
import dev.sqlfeed.worker.Wiring;
import dev.sqlfeed.worker.config.ConfigLoader;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * What {@code account create} and {@code account rotate} do: plan the block, then print it ({@code
 * --dry-run}) or run it on the writable pool that {@code grant} uses, with its exit codes.
 *
 * <p>A generated password goes to one place: the last line of stdout, and only when the credential
 * option is {@code random_password} (what baton-sql hands back to its caller). It is masked in a
 * dry run and in every error message, since a database's message may quote a value it refused.
 */
final class Accounts {
  private Accounts() {}

  static int create(
      CliContext context, AccountOptions options, String resourceType, Map<String, String> fields) {
    Config config = load(context, options, "sqlfeed account create");
    AccountPlan plan =
        planner(options)
            .create(config, resourceType, fields, options.credential(), options.config.toString());
    PlannedStatement lookup = plan.lookup().orElseThrow();
    if (options.dryRun) {
      print(
          plan,
          "account create " + resourceType,
          ", after the validate query finds no such account",
          context.out());
      Provisioning.print(
          "lookup. " + lookup.path() + " (a row means the account exists)",
          lookup,
          plan.password(),
          context.out());
      printStatements(plan, context.out());
      return ExitCode.OK;
    }
    return onTheApp(
        context,
        config,
        plan,
        runner -> {
          Optional<SourceRow> existing = runner.first(lookup);
          if (existing.isPresent()) {
            context
                .out()
                .println(
                    "account "
                        + name(config, plan, existing.get())
                        + " exists already: nothing run, no password set");
            return ExitCode.OK;
          }
          long rows = run(runner, plan);
          SourceRow created =
              runner
                  .first(lookup)
                  .orElseThrow(
                      () ->
                          new SourceException(
                              SourceException.Kind.QUERY_FAILED,
                              false,
                              lookup.path()
                                  + ": returned no row after "
                                  + plan.path()
                                  + " ran"
                                  + (plan.transactional() ? " and committed" : "")
                                  + "; the account may exist under other values",
                              null));
          context
              .out()
              .println(
                  "created account " + name(config, plan, created) + ": " + summary(plan, rows));
          revealOnce(plan, context.out());
          return ExitCode.OK;
        });
  }

  static int rotate(
      CliContext context, AccountOptions options, String resourceType, String resourceId) {
    Config config = load(context, options, "sqlfeed account rotate");
    AccountPlan plan =
        planner(options)
            .rotate(
                config, resourceType, resourceId, options.credential(), options.config.toString());
    String account = resourceType + ":" + resourceId;
    if (options.dryRun) {
      print(plan, "account rotate " + account, "", context.out());
      printStatements(plan, context.out());
      return ExitCode.OK;
    }
    return onTheApp(
        context,
        config,
        plan,
        runner -> {
          long rows = run(runner, plan);
          if (rows == 0) {
            // As baton-sql: a rotation that changed nothing found no account, and a password
            // handed out now would be one that was never set.
            throw new SourceException(
                SourceException.Kind.QUERY_FAILED,
                false,
                plan.path() + ": changed no row (no account " + account + "?); nothing rotated",
                null);
          }
          context
              .out()
              .println("rotated the credential of " + account + ": " + summary(plan, rows));
          revealOnce(plan, context.out());
          return ExitCode.OK;
        });
  }

  private static Config load(CliContext context, AccountOptions options, String command) {
    LoadedConfig loaded = ConfigLoader.withEnvironment(context.env()).load(options.config.file);
    loaded.warnings().forEach(w -> context.err().println("warning: " + w));
    SingleDatabase.require(options.config, loaded.config(), command);
    return loaded.config();
  }

  private static AccountPlanner planner(AccountOptions options) {
    return new AccountPlanner(new PasswordGenerator(new SecureRandom()), options.passwordLength);
  }

  private static long run(StatementRunner runner, AccountPlan plan) {
    List<Long> changed =
        runner.run(
            List.of(),
            plan.statements(),
            plan.transactional(),
            ProvisioningPlan.MAX_ROWS_PER_STATEMENT);
    return changed.stream().mapToLong(Long::longValue).sum();
  }

  /** {@code user:4 (Dan)}: the row of the validate query, mapped by the type's list map. */
  private static String name(Config config, AccountPlan plan, SourceRow row) {
    Resource resource =
        ResourceRowMapper.map(
                config.resourceTypes().get(plan.resourceType()),
                row.asMap(),
                plan.lookup().orElseThrow().path())
            .resource();
    return resource.resource().resourceType()
        + ":"
        + resource.resource().resourceId()
        + " ("
        + resource.displayName()
        + ")";
  }

  private static String summary(AccountPlan plan, long rows) {
    return ValidateCommand.count(plan.statements().size(), "statement")
        + " run, "
        + ValidateCommand.count((int) rows, "row")
        + " changed"
        + (plan.transactional() ? ", committed" : " (no_transaction)");
  }

  /** The one line that shows a generated password: the operator's only copy of it. */
  private static void revealOnce(AccountPlan plan, PrintWriter out) {
    if (plan.credential() == CredentialOption.RANDOM_PASSWORD) {
      plan.password().ifPresent(p -> out.println("password: " + p.reveal()));
    }
  }

  private static void print(AccountPlan plan, String what, String after, PrintWriter out) {
    out.println(
        "dry run: "
            + what
            + " runs "
            + ValidateCommand.count(plan.statements().size(), "statement")
            + " of "
            + plan.path()
            + (plan.transactional() ? " in one transaction" : " without a transaction")
            + after
            + "; credential: "
            + plan.credential().yaml()
            + (plan.password().isPresent() ? " (generated, shown as " + Password.MASK + ")" : "")
            + "; nothing is written");
  }

  private static void printStatements(AccountPlan plan, PrintWriter out) {
    int n = 1;
    for (PlannedStatement statement : plan.statements()) {
      Provisioning.print(n++ + ". " + statement.path(), statement, plan.password(), out);
    }
  }

  /**
   * Runs {@code work} on a writable connection to the app; a failure whose message, or a cause's,
   * quotes the password is rethrown with it masked and without the cause.
   */
  private static int onTheApp(
      CliContext context, Config config, AccountPlan plan, ToIntFunction<StatementRunner> work) {
    Optional<Password> password = plan.password();
    try (StatementRunner runner = Wiring.statementRunner(config, context.env())) {
      return work.applyAsInt(runner);
    } catch (SourceException e) {
      throw scrub(e, password, m -> new SourceException(e.kind(), e.transientFailure(), m, null));
    } catch (MappingException e) {
      throw scrub(e, password, MappingException::new);
    } catch (RuntimeException e) {
      // A bug's message is printed and its stack trace logged: neither may carry the password.
      throw scrub(e, password, IllegalStateException::new);
    }
  }

  private static RuntimeException scrub(
      RuntimeException e, Optional<Password> password, Function<String, RuntimeException> copy) {
    if (password.isEmpty() || !quotes(e, password.get())) {
      return e;
    }
    return copy.apply(password.get().mask(String.valueOf(e.getMessage())));
  }

  /** Whether the message of {@code e} or of one of its causes contains the password. */
  private static boolean quotes(Throwable e, Password password) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains(password.reveal())) {
        return true;
      }
    }
    return false;
  }
}
