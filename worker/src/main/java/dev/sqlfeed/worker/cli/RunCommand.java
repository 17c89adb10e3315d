package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.GoDuration;
import dev.sqlfeed.domain.config.LoadedConfig;
import dev.sqlfeed.domain.feed.CycleStateWire;
import dev.sqlfeed.worker.config.ConfigLoader;
import dev.sqlfeed.worker.logging.LogFormat;
import dev.sqlfeed.worker.temporal.FeedRunner;
import dev.sqlfeed.worker.temporal.SourcePacing;
import dev.sqlfeed.workflows.FeedFailures;
import dev.sqlfeed.workflows.SourceFailure;
import dev.sqlfeed.workflows.SourceState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sqlfeed run}: scans every incremental source of a config, each in its own workflow. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Scans every incremental source of the config in its own durable Temporal workflow:",
      "reads the rows whose cursor moved, writes their events and mirror changes to the store,",
      "commits the cursor when a cycle is exhausted, and waits poll_interval. Runs a full",
      "sync every full_sync.interval if set, and those 'sqlfeed sync' asks for. Without",
      "--temporal it runs Temporal's embedded server on 127.0.0.1 (see --embedded-port).",
      "SIGTERM or Ctrl-C stops it cleanly. With --once, one cycle of every source, then exit."
    })
final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  private final CliContext context;

  @Mixin ConfigOption config;

  @Mixin StoreOption store;

  @Mixin WorkerTemporalOptions temporal;

  @Mixin PublishOption publish;

  @Option(
      names = "--embedded-recycle-pages",
      paramLabel = "N",
      defaultValue = "" + FeedRunner.Options.DEFAULT_RECYCLE_PAGES,
      description = {
        "Replace the embedded server, carrying every workflow's state over, after this many",
        "pages (by any worker attached to it), to bound its memory (it keeps every closed run).",
        "Default: ${DEFAULT-VALUE}."
      })
  long recyclePages;

  @Option(
      names = "--once",
      description = {
        "Run one cycle of every source to exhaustion, then exit: 0 if all committed.",
        "Runs no full sync."
      })
  boolean once;

  @Option(
      names = "--full-sync-interval",
      paramLabel = "DURATION",
      description = {
        "Run a full sync (with reconciliation) every DURATION (such as 6h or 90m), overriding",
        "full_sync.interval of the config; 0 runs none on a schedule. Full syncs asked for by",
        "'sqlfeed sync' run in this worker either way."
      })
  String fullSyncInterval;

  @Option(
      names = "--metrics-port",
      paramLabel = "P",
      converter = OptionValues.Port.class,
      description = {
        "Serve metrics in Prometheus' text format at http://127.0.0.1:P/metrics, the app's",
        "events at /events and the worker's health at /healthz."
      })
  Integer metricsPort;

  @Option(
      names = "--metrics-bind",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description = "The address the metrics are served on. Default: ${DEFAULT-VALUE}.")
  String metricsBind;

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = {
        "text (default): one line per event for people; json: one JSON object per line",
        "(time, level, logger, thread, message, cause) for log shippers."
      })
  String logFormat;

  RunCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    switch (logFormat) {
      case "text" -> LogFormat.TEXT.apply();
      case "json" -> LogFormat.JSON.apply();
      default -> throw CliException.invalid("--log-format: text or json, not " + logFormat);
    }
    LoadedConfig loaded = ConfigLoader.withEnvironment(context.env()).load(config.file);
    // With JSON logs, stderr carries nothing but JSON lines: the warnings go through the log.
    if ("json".equals(logFormat)) {
      loaded.warnings().forEach(w -> LOG.warn("{}", w));
    } else {
      loaded.warnings().forEach(w -> context.err().println("warning: " + w));
    }
    Config cfg = loaded.config();
    SingleDatabase.require(config, cfg, "sqlfeed run");
    List<SourcePacing> sources = SourcePacing.of(cfg);
    Optional<Duration> interval;
    try {
      interval = fullSyncInterval(cfg);
    } catch (IllegalArgumentException e) {
      throw CliException.invalid("--full-sync-interval: " + e.getMessage());
    }
    if (sources.isEmpty() && (once || interval.isEmpty())) {
      throw CliException.invalid(
          config
              + ": no source has incremental_sync"
              + (once ? "" : ", and no full_sync.interval is set"));
    }
    FeedRunner.Options options =
        new FeedRunner.Options(
            temporal.temporal,
            temporal.namespace,
            temporal.taskQueue,
            temporal.embeddedPort(),
            recyclePages,
            Duration.ofSeconds(30),
            temporal.security(context.env()));
    WorkerLifecycle.Settings settings =
        new WorkerLifecycle.Settings(
            options, store.url, metricsBind, metricsPort, publish, once, interval);
    return new WorkerLifecycle(context, cfg, sources, settings).run(this::report);
  }

  /** The option's interval if given (0 for none), else the config's {@code full_sync.interval}. */
  private Optional<Duration> fullSyncInterval(Config cfg) {
    if (fullSyncInterval == null) {
      return cfg.fullSync().interval();
    }
    Duration d = GoDuration.parse(fullSyncInterval);
    if (d.isNegative()) {
      throw new IllegalArgumentException("must not be negative: " + fullSyncInterval);
    }
    return d.isZero() ? Optional.empty() : Optional.of(d);
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
}
