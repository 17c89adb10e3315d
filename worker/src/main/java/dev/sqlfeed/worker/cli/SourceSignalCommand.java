package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.config.LoadedConfig;
import dev.sqlfeed.domain.error.ConfigException;
import dev.sqlfeed.worker.config.ConfigLoader;
import dev.sqlfeed.worker.temporal.SourcePacing;
import dev.sqlfeed.worker.temporal.TemporalConnection;
import dev.sqlfeed.workflows.SourceWorkflow;
import dev.sqlfeed.workflows.SourceWorkflows;
import io.temporal.client.WorkflowNotFoundException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * What {@code pause}, {@code resume}, {@code poll} and {@code reset} share: the config names the
 * app and its incremental sources, and the command signals the workflow of one source or of each.
 * Signals need no worker to answer (Temporal keeps them until a worker runs the workflow), so the
 * commands only ever wait for the server; they print one line per source signalled.
 */
abstract class SourceSignalCommand implements Callable<Integer> {
  final CliContext context;

  @Mixin ConfigOption config;

  @Mixin TemporalAddressOptions temporal;

  SourceSignalCommand(CliContext context) {
    this.context = context;
  }

  /** The source asked for, or null for every source of the app. */
  abstract String source();

  /** Signals one source's workflow and says what was asked, such as {@code paused}. */
  abstract String signal(SourceWorkflow workflow);

  @Override
  public Integer call() {
    LoadedConfig loaded = ConfigLoader.withEnvironment(context.env()).load(config.file);
    String app = loaded.config().appName();
    List<String> keys = selected(SourcePacing.of(loaded.config()));
    PrintWriter out = context.out();
    int code = ExitCode.OK;
    try (TemporalConnection connection = temporal.connect(context.env())) {
      for (String key : keys) {
        try {
          out.println(key + ": " + signal(SourceWorkflows.attach(connection.client(), app, key)));
        } catch (WorkflowNotFoundException e) {
          context
              .err()
              .println(
                  "sqlfeed: "
                      + key
                      + ": no running workflow "
                      + SourceWorkflows.workflowId(app, key)
                      + " at "
                      + temporal
                      + " (is 'sqlfeed run' running for "
                      + config
                      + "?)");
          code = ExitCode.FAILURE;
        }
      }
    }
    out.flush();
    context.err().flush();
    return code;
  }

  private List<String> selected(List<SourcePacing> sources) {
    List<String> keys = sources.stream().map(SourcePacing::key).toList();
    String source = source();
    if (source == null) {
      return keys;
    }
    if (!keys.contains(source)) {
      throw new ConfigException(
          "--source " + source + ": not an incremental source of " + config + "; sources: " + keys);
    }
    return List.of(source);
  }
}
