package dev.sqlfeed.worker.cli;

import dev.sqlfeed.workflows.SourceWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

// Alike on purpose to ResumeCommand and PollCommand: each only names its signal, as
// SourceSignalCommand asks of a command that applies to one source or to all.
/** {@code sqlfeed pause}: holds the scans of one source or of all. */
@Command(
    name = "pause",
    mixinStandardHelpOptions = true,
    description = {
      "Pauses incremental sources: a running cycle stops after its current page,",
      "and no new cycle starts (polls included) until 'sqlfeed resume'."
    })
final class PauseCommand extends SourceSignalCommand {
  @Mixin SourceSelection selection;

  PauseCommand(CliContext context) {
    super(context);
  }

  @Override
  String source() {
    return selection.key;
  }

  @Override
  String signal(SourceWorkflow workflow) {
    workflow.pause();
    return "paused";
  }
}
