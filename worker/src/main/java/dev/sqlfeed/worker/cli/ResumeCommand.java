package dev.sqlfeed.worker.cli;

import dev.sqlfeed.workflows.SourceWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

// Alike on purpose to PauseCommand and PollCommand: each only names its signal, as
// SourceSignalCommand asks of a command that applies to one source or to all.
/** {@code sqlfeed resume}: lets paused sources scan again. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
      "Resumes paused incremental sources: a held cycle goes on where it stopped,",
      "otherwise a new cycle starts at once. A source not paused is left as it is."
    })
final class ResumeCommand extends SourceSignalCommand {
  @Mixin SourceSelection selection;

  ResumeCommand(CliContext context) {
    super(context);
  }

  @Override
  String source() {
    return selection.key;
  }

  @Override
  String signal(SourceWorkflow workflow) {
    workflow.resume();
    return "resumed";
  }
}
