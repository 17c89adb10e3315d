package dev.sqlfeed.worker.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

// Alike on purpose to AccountRotateCommand: a picocli class per subcommand, the work in Accounts.
/** {@code sqlfeed account create}: runs a resource type's {@code account_provisioning}. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Creates an account: runs the validate query (a row means the account",
      "exists, and nothing runs), then account_provisioning.create.queries with",
      "the block's vars bound as parameters, in one transaction unless",
      "no_transaction: true, then the validate query again. A random_password",
      "is generated and printed once, on the last line of stdout. The mirror",
      "and the event log see the account at the next cycle that reads it."
    })
final class AccountCreateCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin AccountOptions options;

  @Option(
      names = {"-t", "--resource-type"},
      required = true,
      paramLabel = "TYPE",
      description = {"The resource type whose account_provisioning", "runs, for example user."})
  String resourceType;

  @Option(
      names = {"-f", "--field"},
      paramLabel = "NAME=VALUE",
      description = {
        "A field of the block's schema (repeatable): int",
        "as a whole number, boolean as true or false,",
        "string_list split at commas."
      })
  Map<String, String> fields = new LinkedHashMap<>();

  AccountCreateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    return Accounts.create(context, options, resourceType, fields);
  }
}
