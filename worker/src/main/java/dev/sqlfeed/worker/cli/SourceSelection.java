package dev.sqlfeed.worker.cli;

import picocli.CommandLine.Option;

/** The optional {@code --source} of the commands that otherwise apply to every source. */
final class SourceSelection {
  @Option(
      names = "--source",
      paramLabel = "KEY",
      description =
          "The source, e.g. user or team.grants.0.changes. Default: every incremental"
              + " source of the config.")
  String key;
}
