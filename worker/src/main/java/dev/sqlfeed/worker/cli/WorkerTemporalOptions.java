package dev.sqlfeed.worker.cli;

import dev.sqlfeed.worker.temporal.EmbeddedTemporal;
import dev.sqlfeed.workflows.SourceWorkflows;
import picocli.CommandLine.Option;

/**
 * The Temporal options of the commands that run a worker ({@code run}) or hand work to one ({@code
 * sync}): the address and namespace, the task queue the workers share, and the embedded server's
 * port. Declared once, so that both commands read the same options the same way.
 */
final class WorkerTemporalOptions extends TemporalAddressOptions {
  // Alike on purpose to EventsPruneCommand's options: others, alike only in picocli's form.
  @Option(
      names = "--task-queue",
      paramLabel = "Q",
      defaultValue = SourceWorkflows.DEFAULT_TASK_QUEUE,
      description = "The task queue that workers share. Default: ${DEFAULT-VALUE}.")
  String taskQueue;

  @Option(
      names = "--embedded-port",
      paramLabel = "P",
      converter = OptionValues.Port.class,
      defaultValue = "" + EmbeddedTemporal.DEFAULT_PORT,
      description = "The embedded server's port on 127.0.0.1. Default: ${DEFAULT-VALUE}.")
  int embeddedPort;

  @Override
  int embeddedPort() {
    return embeddedPort;
  }
}
