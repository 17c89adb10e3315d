package dev.sqlfeed.worker.cli;

import picocli.CommandLine.Command;

/** {@code sqlfeed account}: groups {@code create} and {@code rotate}. */
@Command(
    name = "account",
    mixinStandardHelpOptions = true,
    description = {
      "Creates an account or rotates its credential by running a resource",
      "type's account_provisioning or credential_rotation block against the",
      "app's database."
    },
    subcommands = {AccountCreateCommand.class, AccountRotateCommand.class})
final class AccountCommand {}
