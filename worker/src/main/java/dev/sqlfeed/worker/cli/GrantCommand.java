package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.provisioning.ProvisioningAction;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

// Alike on purpose to RevokeCommand: a picocli class per subcommand, the work in Provisioning.
/** {@code sqlfeed grant}: runs an entitlement's {@code provisioning.grant} statements. */
@Command(
    name = "grant",
    mixinStandardHelpOptions = true,
    description = {
      "Grants an entitlement to a principal by running the entitlement's",
      "provisioning.grant.queries against the app's database, with the block's vars",
      "evaluated over principal, entitlement and resource and bound as parameters.",
      "The queries run in one transaction (rolled back if one fails) unless the block says",
      "no_transaction: true. The mirror and the event log change at the next cycle that",
      "reads the change ('sqlfeed run'), as for any other change in the app."
    })
final class GrantCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin ProvisionOptions options;

  GrantCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    return Provisioning.run(context, options, ProvisioningAction.GRANT);
  }
}
