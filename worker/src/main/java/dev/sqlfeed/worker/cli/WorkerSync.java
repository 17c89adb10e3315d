package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.feed.FeedSources;
import dev.sqlfeed.worker.Wiring;
import dev.sqlfeed.worker.temporal.FullSyncRequest;
import dev.sqlfeed.worker.temporal.TemporalConnection;
import dev.sqlfeed.worker.temporal.WorkerProbe;
import dev.sqlfeed.workflows.FeedFailures;
import dev.sqlfeed.workflows.FullSyncFailure;
import dev.sqlfeed.workflows.FullSyncResult;
import dev.sqlfeed.workflows.FullSyncWorkflows;
import dev.sqlfeed.workflows.SourceWorkflows;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The part of {@code sqlfeed sync} that hands the full sync to a running worker of the app (a
 * {@code sqlfeed run}), so that it runs where the schedule runs, one at a time, through the app's
 * full sync workflow. With no such worker, or with {@code --in-process}, the command syncs in its
 * own process as it always did.
 */
final class WorkerSync {
  @Mixin WorkerTemporalOptions temporal;

  @Option(
      names = "--in-process",
      description = "Sync in this process even when a worker of the app runs.")
  boolean inProcess;

  /**
   * Runs the full sync in a worker of the app if one runs, printing what the in-process sync
   * prints.
   *
   * @param storeUrl the {@code --store} of the command: a worker writes to its own store
   * @return the exit code, or empty when no worker runs (sync in process)
   */
  Optional<Integer> delegate(CliContext context, Config config, String storeUrl) {
    if (inProcess) {
      return Optional.empty();
    }
    String target = temporal.address();
    String app = config.appName();
    Optional<TemporalConnection> found =
        WorkerProbe.find(
            target,
            temporal.namespace,
            temporal.security(context.env()),
            temporal.taskQueue,
            app,
            workflowIds(config));
    if (found.isEmpty()) {
      if (temporal.given()) {
        context.err().println("sqlfeed: no worker of " + app + " at " + target + "; syncing here");
      }
      return Optional.empty();
    }
    if (!Wiring.DEFAULT_STORE.equals(storeUrl)) {
      context.err().println("sqlfeed: --store is not used: the worker writes to its own store");
    }
    long started = System.nanoTime();
    try (TemporalConnection connection = found.get()) {
      FullSyncRequest.Outcome outcome =
          new FullSyncRequest(connection.client(), temporal.taskQueue, app)
              .runAndWait(() -> false)
              .orElseThrow();
      String where = "the worker at " + target + " (workflow " + outcome.workflowId() + ")";
      if (outcome.failure() != null) {
        throw failed(app, where, outcome.failure());
      }
      print(context, outcome.result(), (System.nanoTime() - started) / 1e9);
      context.out().println("ran in " + where + ", into that worker's store");
      return Optional.of(ExitCode.OK);
    }
  }

  /** The same summary lines as the in-process sync. */
  private static void print(CliContext context, FullSyncResult r, double waitedSeconds) {
    context
        .out()
        .println(
            SyncSummary.synced(
                r.app(), r.resources(), r.entitlements(), r.grants(), waitedSeconds, r.runId()));
    context
        .out()
        .println(
            SyncSummary.reconciled(
                r.resourcesChanged(), r.resourcesDeleted(), r.grantsCreated(), r.grantsRevoked()));
  }

  /** The worker's failed sync as the exit code its cause calls for. */
  private static CliException failed(String app, String where, FullSyncFailure f) {
    String message = "the full sync of " + app + " in " + where + " failed:\n" + f.message();
    if (FeedFailures.CONFIG_INVALID.equals(f.type())) {
      return CliException.invalid(message);
    }
    return FeedFailures.unavailable(f.type())
        ? CliException.unavailable(message)
        : CliException.failed(message);
  }

  /**
   * The app's workflow ids: where the server cannot list a task queue's pollers (the embedded one),
   * a running workflow of the app stands for its worker.
   */
  private static List<String> workflowIds(Config config) {
    List<String> ids = new ArrayList<>();
    ids.add(FullSyncWorkflows.workflowId(config.appName()));
    FeedSources.of(config)
        .forEach(s -> ids.add(SourceWorkflows.workflowId(config.appName(), s.key())));
    return ids;
  }
}
