package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.config.LoadedConfig;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.SyncRun;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.ports.fullsync.FullSync;
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
      "Reads every resource type, its entitlements and its grants, and replaces the app's",
      "mirror in the store with them, atomically. A failed sync leaves the previous mirror.",
      "When a worker of the app runs ('sqlfeed run'), the sync runs there, into its store."
    })
final class SyncCommand implements Callable<Integer> {
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
    Optional<Integer> delegated = worker.delegate(context, loaded.config(), store.url);
    if (delegated.isPresent()) {
      return delegated.get();
    }
    SyncProgress progress =
        context.interactive()
            ? new TerminalProgress(System.err)
            : new LogProgress(System::nanoTime);
    long started = System.nanoTime();
    try (SyncStore syncStore = Wiring.store(store.url, context.env());
        SourceReader source = Wiring.source(loaded.config(), context.env())) {
      SyncRun run =
          new FullSync(source, syncStore, Clock.systemUTC(), progress).run(loaded.config());
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      context
          .out()
          .printf(
              "synced %s: %d resources, %d entitlements, %d grants in %.1f s (run %d)%n",
              run.app(),
              run.counts().resources(),
              run.counts().entitlements(),
              run.counts().grants(),
              took.toMillis() / 1000.0,
              run.id());
      return ExitCode.OK;
    }
  }
}
