package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.provisioning.ProvisioningAction;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

// Alike on purpose to GrantCommand: a picocli class per subcommand, the work in Provisioning.
/** {@code sqlfeed revoke}: runs an entitlement's {@code provisioning.revoke} statements. */
@Command(
    name = "revoke",
    mixinStandardHelpOptions = true,
    description = {
      "Revokes an entitlement from a principal by running the entitlement's",
      "provisioning.revoke.queries against the app's database, as 'grant' runs the grant",
      "block: vars bound as parameters, one transaction unless no_transaction: true."
    })
final class RevokeCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin ProvisionOptions options;

  RevokeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    return Provisioning.run(context, options, ProvisioningAction.REVOKE);
  }
}
