package dev.sqlfeed.worker.cli;

import dev.sqlfeed.workflows.SourceWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

// Alike on purpose to PauseCommand and ResumeCommand: each only names its signal, as
// SourceSignalCommand asks of a command that applies to one source or to all.
/** {@code sqlfeed poll}: a cycle now instead of at the end of the poll interval. */
@Command(
    name = "poll",
    mixinStandardHelpOptions = true,
    description = {
      "Asks incremental sources for a cycle now instead of at the end of their",
      "poll interval (after the running cycle, if any). A paused source polls",
      "once it is resumed."
    })
final class PollCommand extends SourceSignalCommand {
  @Mixin SourceSelection selection;

  PollCommand(CliContext context) {
    super(context);
  }

  @Override
  String source() {
    return selection.key;
  }

  @Override
  String signal(SourceWorkflow workflow) {
    workflow.pollNow();
    return "poll requested";
  }
}
