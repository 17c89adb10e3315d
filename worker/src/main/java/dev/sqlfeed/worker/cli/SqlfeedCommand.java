package dev.sqlfeed.worker.cli;

import picocli.CommandLine.Command;

/** The top-level command; it only groups the subcommands. */
@Command(
    name = "sqlfeed",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Keeps an access mirror in step with the SQL databases of in-house applications.",
    subcommands = {
      ValidateCommand.class,
      SyncCommand.class,
      ExportCommand.class,
      EventsCommand.class,
      InitExampleCommand.class,
      RunCommand.class,
      StatusCommand.class,
      PauseCommand.class,
      ResumeCommand.class,
      PollCommand.class,
      ResetCommand.class,
      HistoryCommand.class,
      ReplayCommand.class,
      DemoCommand.class,
      GrantCommand.class,
      RevokeCommand.class,
      AccountCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:failure (a query, a row that cannot be mapped, a store write)",
      "2:invalid input or config",
      "3:a source database or the store cannot be reached"
    })
final class SqlfeedCommand {}
