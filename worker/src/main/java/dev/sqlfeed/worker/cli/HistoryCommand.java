package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.config.LoadedConfig;
import dev.sqlfeed.domain.error.ConfigException;
import dev.sqlfeed.worker.config.ConfigLoader;
import dev.sqlfeed.worker.temporal.SourcePacing;
import dev.sqlfeed.worker.temporal.TemporalConnection;
import dev.sqlfeed.workflows.SourceWorkflows;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sqlfeed history}: a source workflow's history as JSON, for replay and Temporal's tools.
 */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the history of a source's current workflow run as JSON, in the form that",
      "Temporal's tools and 'sqlfeed replay' read."
    })
final class HistoryCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin ConfigOption config;

  @Mixin TemporalAddressOptions temporal;

  @Option(
      names = "--source",
      required = true,
      paramLabel = "KEY",
      description = "The source, e.g. user or team.grants.0.changes.")
  String source;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Where to write the JSON.")
  Path out;

  HistoryCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    LoadedConfig loaded = ConfigLoader.withEnvironment(context.env()).load(config.file);
    List<String> keys = SourcePacing.of(loaded.config()).stream().map(SourcePacing::key).toList();
    if (!keys.contains(source)) {
      throw new ConfigException(
          "--source " + source + ": not an incremental source of " + config + "; sources: " + keys);
    }
    String id = SourceWorkflows.workflowId(loaded.config().appName(), source);
    try (TemporalConnection connection = temporal.connect(context.env())) {
      // The run is pinned first, so that the history and the run id it is printed with agree.
      String runId =
          connection.client().newUntypedWorkflowStub(id).describe().getExecution().getRunId();
      WorkflowExecutionHistory history = connection.client().fetchHistory(id, runId);
      Files.writeString(out, history.toJson(true) + "\n", StandardCharsets.UTF_8);
      context
          .out()
          .printf(
              "wrote %d events of %s (run %s) to %s%n", history.getEvents().size(), id, runId, out);
      context.out().flush();
      return ExitCode.OK;
    } catch (WorkflowNotFoundException e) {
      throw CliException.failed("no workflow " + id + " at " + temporal);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out, e);
    }
  }
}
