package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.config.LoadedConfig;
import dev.sqlfeed.domain.feed.CycleStateWire;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.worker.Wiring;
import dev.sqlfeed.worker.config.ConfigLoader;
import dev.sqlfeed.worker.temporal.EmbeddedTemporal;
import dev.sqlfeed.worker.temporal.FeedRunner;
import dev.sqlfeed.worker.temporal.SourcePacing;
import dev.sqlfeed.worker.temporal.TemporalConnection;
import dev.sqlfeed.worker.temporal.TemporalUnavailableException;
import dev.sqlfeed.workflows.FeedFailures;
import dev.sqlfeed.workflows.SourceFailure;
import dev.sqlfeed.workflows.SourceState;
import dev.sqlfeed.workflows.SourceWorkflows;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/** {@code sqlfeed run}: scans every incremental source of a config, each in its own workflow. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Scans every incremental source of the config in its own durable Temporal workflow:",
      "reads the rows whose cursor moved, writes their events and mirror changes to the store,",
      "commits the cursor when a cycle is exhausted, and waits poll_interval. Without",
      "--temporal it runs Temporal's embedded server on 127.0.0.1 (see --embedded-port).",
      "SIGTERM or Ctrl-C stops it cleanly. With --once, one cycle of every source, then exit."
    })
final class RunCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin ConfigOption config;

  @Mixin StoreOption store;

  @Option(
      names = "--temporal",
      paramLabel = "HOST:PORT",
      description = "A Temporal server to use instead of the embedded one.")
  String temporal;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      defaultValue = TemporalConnection.DEFAULT_NAMESPACE,
      description = "The Temporal namespace. Default: ${DEFAULT-VALUE}.")
  String namespace;

  @Option(
      names = "--task-queue",
      paramLabel = "Q",
      defaultValue = SourceWorkflows.DEFAULT_TASK_QUEUE,
      description = "The task queue that workers share. Default: ${DEFAULT-VALUE}.")
  String taskQueue;

  @Option(
      names = "--embedded-port",
      paramLabel = "P",
      defaultValue = "" + EmbeddedTemporal.DEFAULT_PORT,
      description = "The embedded server's port on 127.0.0.1. Default: ${DEFAULT-VALUE}.")
  int embeddedPort;

  @Option(
      names = "--embedded-recycle-pages",
      paramLabel = "N",
      defaultValue = "" + FeedRunner.Options.DEFAULT_RECYCLE_PAGES,
      description = {
        "Replace the embedded server, carrying every workflow's state over, after this many",
        "pages, to bound its memory (it keeps every closed run). Default: ${DEFAULT-VALUE}."
      })
  long recyclePages;

  @Option(
      names = "--once",
      description = "Run one cycle of every source to exhaustion, then exit: 0 if all committed.")
  boolean once;

  RunCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    LoadedConfig loaded = ConfigLoader.withEnvironment(context.env()).load(config.file);
    loaded.warnings().forEach(w -> context.err().println("warning: " + w));
    List<SourcePacing> sources = SourcePacing.of(loaded.config());
    if (sources.isEmpty()) {
      context.err().println("sqlfeed: " + config + ": no source has incremental_sync");
      return ExitCode.INVALID_INPUT;
    }
    FeedRunner.Options options =
        new FeedRunner.Options(
            temporal, namespace, taskQueue, embeddedPort, recyclePages, Duration.ofSeconds(30));
    CountDownLatch stop = new CountDownLatch(1);
    try (SyncStore syncStore = Wiring.store(store.url, context.env());
        SourceReader source = Wiring.source(loaded.config(), context.env());
        StopSignals signals = StopSignals.install(stop)) {
      FeedRunner runner =
          new FeedRunner(
              options,
              loaded.config().appName(),
              sources,
              Wiring.feedActivities(loaded.config(), source, syncStore),
              stop);
      if (!once) {
        runner.runUntilStopped();
        return ExitCode.OK;
      }
      Optional<Map<String, SourceState>> states = runner.runOnce();
      if (states.isEmpty()) {
        context.err().println("sqlfeed: stopped before every source finished its cycle");
        return ExitCode.FAILURE;
      }
      return report(states.get());
    } catch (TemporalUnavailableException e) {
      context.err().println("sqlfeed: " + e.getMessage());
      return ExitCode.UNAVAILABLE;
    }
  }

  private int report(Map<String, SourceState> states) {
    int code = ExitCode.OK;
    for (var entry : states.entrySet()) {
      CycleStateWire c = entry.getValue().cycle();
      SourceFailure failure = entry.getValue().lastFailure();
      if (c.consecutiveFailures() == 0) {
        context
            .out()
            .printf(
                "%s: committed %s (%d rows, %d new events, %d duplicates)%n",
                entry.getKey(),
                c.committedCursor() == null ? "nothing yet" : c.committedCursor(),
                c.rows(),
                c.eventsAppended(),
                c.duplicates());
        continue;
      }
      context
          .err()
          .printf(
              "sqlfeed: %s: %s failed: %s%n",
              entry.getKey(),
              failure == null ? "cycle" : failure.during(),
              failure == null ? c.lastError() : failure.message());
      boolean unavailable = failure != null && FeedFailures.unavailable(failure.type());
      if (!unavailable || code == ExitCode.OK) {
        code = unavailable ? ExitCode.UNAVAILABLE : ExitCode.FAILURE;
      }
    }
    context.out().flush();
    return code;
  }

  /**
   * Turns SIGTERM and SIGINT into a stop request, so that the worker stops, the store closes and
   * the process exits 0. A shutdown hook alone would leave the exit status at 143 or 130.
   */
  private static final class StopSignals implements AutoCloseable {
    private final List<Signal> signals = List.of(new Signal("TERM"), new Signal("INT"));
    private final List<SignalHandler> previous = new java.util.ArrayList<>();

    static StopSignals install(CountDownLatch stop) {
      StopSignals s = new StopSignals();
      for (Signal signal : s.signals) {
        try {
          s.previous.add(Signal.handle(signal, sig -> stop.countDown()));
        } catch (IllegalArgumentException e) {
          // The platform lacks the signal, or the JVM runs with -Xrs: the default applies.
          s.previous.add(null);
        }
      }
      return s;
    }

    @Override
    public void close() {
      for (int i = 0; i < previous.size(); i++) {
        if (previous.get(i) != null) {
          Signal.handle(signals.get(i), previous.get(i));
        }
      }
    }
  }
}
