package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.provisioning.Principal;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

// Alike on purpose to AccountCreateCommand: a picocli class per subcommand, the work in Accounts.
/** {@code sqlfeed account rotate}: runs a resource type's {@code credential_rotation}. */
@Command(
    name = "rotate",
    mixinStandardHelpOptions = true,
    description = {
      "Rotates an account's credential: runs credential_rotation.update.queries",
      "with the block's vars (resource_id, password) bound as parameters, in one",
      "transaction unless no_transaction: true. The new random password is",
      "printed once, on the last line of stdout. When no statement changes a",
      "row, the rotation fails."
    })
final class AccountRotateCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin AccountOptions options;

  @Option(
      names = {"-r", "--resource"},
      required = true,
      paramLabel = "TYPE:ID",
      converter = ProvisionOptions.PrincipalConverter.class,
      description = "The account, as its resource type and id, for example user:42.")
  Principal account;

  AccountRotateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    return Accounts.rotate(context, options, account.type(), account.id());
  }
}
