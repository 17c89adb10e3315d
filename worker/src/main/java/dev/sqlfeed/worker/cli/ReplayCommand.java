package dev.sqlfeed.worker.cli;

import dev.sqlfeed.workflows.SourceWorkflowImpl;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sqlfeed replay}: checks recorded histories against this sqlfeed's workflow code. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Replays workflow histories (from 'sqlfeed history' or Temporal's tools) against this",
      "version's workflow code. Exits 1 if any history does not replay: running workflows",
      "like it would break under this version."
    })
final class ReplayCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "History JSON files.")
  List<Path> files;

  ReplayCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    int code = ExitCode.OK;
    for (Path file : files) {
      WorkflowExecutionHistory history;
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        // Said apart from a file that is not a history, so that a typo in the name reads as one.
        context
            .err()
            .println(
                "sqlfeed: "
                    + file
                    + (Files.exists(file) ? ": cannot read the file" : ": no such file"));
        code = Math.max(code, ExitCode.INVALID_INPUT);
        continue;
      }
      try {
        history = WorkflowExecutionHistory.fromJson(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException | RuntimeException e) {
        context.err().println("sqlfeed: " + file + ": not a workflow history: " + reason(e));
        code = Math.max(code, ExitCode.INVALID_INPUT);
        continue;
      }
      try {
        WorkflowReplayer.replayWorkflowExecution(history, SourceWorkflowImpl.class);
        context.out().printf("%s: ok (%d events)%n", file, history.getEvents().size());
      } catch (Exception e) {
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        context.err().println("sqlfeed: " + file + ": does not replay: " + message);
        code = code == ExitCode.OK ? ExitCode.FAILURE : code;
      }
    }
    context.out().flush();
    return code;
  }

  /** The innermost message: the parser's own words, without the exception types around them. */
  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage()).lines().findFirst().orElse("");
  }
}
