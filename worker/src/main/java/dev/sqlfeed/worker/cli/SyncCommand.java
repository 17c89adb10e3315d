package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.config.LoadedConfig;
import dev.sqlfeed.ports.ReconcileCounts;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.SyncRun;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.ports.fullsync.FullSync;
import dev.sqlfeed.ports.fullsync.SyncInterrupted;
import dev.sqlfeed.ports.fullsync.SyncProgress;
import dev.sqlfeed.worker.Wiring;
import dev.sqlfeed.worker.config.ConfigLoader;
import dev.sqlfeed.worker.progress.LogProgress;
import dev.sqlfeed.worker.progress.TerminalProgress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sqlfeed sync}: a full sync of one app into the store. */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = {
      "Reads every resource type, its entitlements and its grants. The app's first sync",
      "puts them in the store as its mirror, atomically; every later one reconciles: each",
      "difference with the mirror becomes an event (resource_changed, resource_deleted,",
      "grant_created, grant_revoked) applied to the mirror. A failed sync changes nothing",
      "but the differences it already applied.",
      "When a worker of the app runs ('sqlfeed run'), the sync runs there, into its store."
    })
final class SyncCommand implements Callable<Integer> {
  /** The line that says what the run's reconciliation did. */
  static String reconciled(SyncRun run) {
    ReconcileCounts r = run.reconciled();
    if (r.baseline()) {
      return "reconciled: nothing (first sync of " + run.app() + ": a baseline, no events)";
    }
    return SyncSummary.reconciled(
        r.resourcesChanged(), r.resourcesDeleted(), r.grantsCreated(), r.grantsRevoked());
  }

  /** What an interrupted sync reached, for stderr. */
  static String interrupted(SyncInterrupted e) {
    return e.run()
        .map(
            r ->
                String.format(
                    "sync of %s %s: run %d recorded as %s after staging %d resources, %d"
                        + " entitlements, %d grants; its staged rows were dropped",
                    r.app(),
                    e.getMessage(),
                    r.id(),
                    r.outcome(),
                    r.counts().resources(),
                    r.counts().entitlements(),
                    r.counts().grants()))
        .orElse("sync " + e.getMessage());
  }

  private final CliContext context;

  @Mixin ConfigOption config;

  @Mixin StoreOption store;

  @Mixin WorkerSync worker;

  SyncCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    LoadedConfig loaded = ConfigLoader.withEnvironment(context.env()).load(config.file);
    loaded.warnings().forEach(w -> context.err().println("warning: " + w));
    SingleDatabase.require(config, loaded.config(), "sqlfeed sync");
    Optional<Integer> delegated = worker.delegate(context, loaded.config(), store.url);
    if (delegated.isPresent()) {
      return delegated.get();
    }
    SyncProgress progress =
        context.interactive()
            ? new TerminalProgress(System.err)
            : new LogProgress(System::nanoTime);
    long started = System.nanoTime();
    try (SyncSignals signals = SyncSignals.install();
        SyncStore syncStore = Wiring.store(store.url, context.env());
        SourceReader source = Wiring.source(loaded.config(), context.env())) {
      SyncRun run;
      try {
        run =
            new FullSync(source, syncStore, Clock.systemUTC(), signals.watching(progress))
                .run(loaded.config());
      } catch (SyncInterrupted e) {
        context.err().println("sqlfeed: " + interrupted(e));
        return signals.exitCode();
      }
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      context
          .out()
          .println(
              SyncSummary.synced(
                  run.app(),
                  run.counts().resources(),
                  run.counts().entitlements(),
                  run.counts().grants(),
                  took.toMillis() / 1000.0,
                  run.id()));
      context.out().println(reconciled(run));
      return ExitCode.OK;
    }
  }
}
