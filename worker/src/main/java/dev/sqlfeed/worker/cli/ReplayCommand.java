package dev.sqlfeed.worker.cli;

import dev.sqlfeed.worker.temporal.HistoryReplay;
import dev.sqlfeed.workflows.WorkflowTypes;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sqlfeed replay}: checks recorded histories against this sqlfeed's workflow code. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Replays workflow histories (from 'sqlfeed history' or Temporal's tools) against this",
      "version's workflow code, each against the workflow its first event names (a source's",
      "SourceWorkflow or an app's FullSyncWorkflow). Exits 1 if any history does not replay:",
      "running workflows like it would break under this version; 2 if a file is missing, is",
      "no history, or is the history of a workflow type sqlfeed does not have."
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
      code = worst(code, replay(file));
    }
    context.out().flush();
    return code;
  }

  private int replay(Path file) {
    Optional<WorkflowExecutionHistory> read = read(file);
    if (read.isEmpty()) {
      return ExitCode.INVALID_INPUT;
    }
    WorkflowExecutionHistory history = read.get();
    Optional<String> type = WorkflowTypes.of(history);
    if (type.isEmpty()) {
      context
          .err()
          .println(
              "sqlfeed: "
                  + file
                  + ": not a workflow history: it does not begin with WorkflowExecutionStarted");
      return ExitCode.INVALID_INPUT;
    }
    Optional<Class<?>> implementation = WorkflowTypes.implementation(type.get());
    if (implementation.isEmpty()) {
      context
          .err()
          .println(
              "sqlfeed: "
                  + file
                  + ": a history of workflow type '"
                  + type.get()
                  + "', which sqlfeed does not have (it has "
                  + WorkflowTypes.known()
                  + ")");
      return ExitCode.INVALID_INPUT;
    }
    try {
      HistoryReplay.replay(history, implementation.get());
    } catch (Exception e) {
      String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      context.err().println("sqlfeed: " + file + ": does not replay: " + message);
      return ExitCode.FAILURE;
    }
    context.out().printf("%s: ok (%s, %d events)%n", file, type.get(), history.getEvents().size());
    return ExitCode.OK;
  }

  /** The file's history, or empty after saying on stderr why there is none. */
  private Optional<WorkflowExecutionHistory> read(Path file) {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      context.err().println("sqlfeed: " + file + ": no such file");
      return Optional.empty();
    } catch (AccessDeniedException e) {
      context.err().println("sqlfeed: " + file + ": permission denied");
      return Optional.empty();
    } catch (IOException e) {
      context.err().println("sqlfeed: " + file + ": cannot read: " + e.getMessage());
      return Optional.empty();
    }
    try {
      return Optional.of(WorkflowExecutionHistory.fromJson(json));
    } catch (RuntimeException e) {
      context.err().println("sqlfeed: " + file + ": not a workflow history: " + reason(e));
      return Optional.empty();
    }
  }

  /**
   * Invalid input outranks a failed replay, as it did before: a file that is no history says
   * nothing about the code.
   */
  private static int worst(int code, int next) {
    if (code == ExitCode.INVALID_INPUT || next == ExitCode.INVALID_INPUT) {
      return ExitCode.INVALID_INPUT;
    }
    return Math.max(code, next);
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
