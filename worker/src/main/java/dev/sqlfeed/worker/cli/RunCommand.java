package dev.sqlfeed.worker.cli;

import com.sun.net.httpserver.HttpHandler;
import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.GoDuration;
import dev.sqlfeed.domain.config.LoadedConfig;
import dev.sqlfeed.domain.error.SinkException;
import dev.sqlfeed.domain.feed.CycleStateWire;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.worker.Wiring;
import dev.sqlfeed.worker.config.ConfigLoader;
import dev.sqlfeed.worker.http.EventsHandler;
import dev.sqlfeed.worker.http.HealthHandler;
import dev.sqlfeed.worker.logging.LogFormat;
import dev.sqlfeed.worker.metrics.FeedMetrics;
import dev.sqlfeed.worker.metrics.FullSyncMetrics;
import dev.sqlfeed.worker.metrics.JmxExport;
import dev.sqlfeed.worker.metrics.MeteredEventLog;
import dev.sqlfeed.worker.metrics.MeteredFeedActivities;
import dev.sqlfeed.worker.metrics.MeteredFullSyncActivities;
import dev.sqlfeed.worker.metrics.MetricsEndpoint;
import dev.sqlfeed.worker.metrics.SqlfeedMetrics;
import dev.sqlfeed.worker.publish.PublishLoop;
import dev.sqlfeed.worker.retention.RetentionPruning;
import dev.sqlfeed.worker.temporal.FeedRunner;
import dev.sqlfeed.worker.temporal.SourceHealth;
import dev.sqlfeed.worker.temporal.SourcePacing;
import dev.sqlfeed.workflows.FeedFailures;
import dev.sqlfeed.workflows.SourceFailure;
import dev.sqlfeed.workflows.SourceState;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
        "pages, to bound its memory (it keeps every closed run). Default: ${DEFAULT-VALUE}."
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
    CountDownLatch stop = new CountDownLatch(1);
    SqlfeedMetrics metrics = Wiring.metrics();
    // /healthz answers from the start; it finds the worker polling once the runner is there.
    AtomicReference<FeedRunner> running = new AtomicReference<>();
    SourceHealth health =
        new SourceHealth(
            cfg.appName(),
            sources.stream().map(SourcePacing::key).toList(),
            () -> Optional.ofNullable(running.get()).flatMap(FeedRunner::pollingClient));
    try (var pools = Wiring.poolMetrics(metrics);
        JmxExport jmx = JmxExport.start(metrics);
        SyncStore syncStore = Wiring.store(store.url, context.env());
        SourceReader source = Wiring.source(cfg, context.env());
        MetricsServing serving =
            MetricsServing.start(
                metricsBind,
                metricsPort,
                metrics,
                Map.of(
                    "/events",
                    new EventsHandler(syncStore, cfg.appName(), EventsCommand::toJsonLine),
                    "/healthz",
                    new HealthHandler(health)));
        Publishing publishing = Publishing.of(publish, cfg.appName(), syncStore, once);
        RetentionPruning retention =
            RetentionPruning.of(cfg.appName(), cfg.eventRetention(), syncStore, Clock.systemUTC());
        StopSignals signals = StopSignals.install(stop)) {
      FeedRunner runner =
          new FeedRunner(
              options,
              cfg.appName(),
              sources,
              new MeteredFeedActivities(
                  Wiring.feedActivities(
                      cfg, source, new MeteredEventLog(syncStore, metrics, cfg.appName())),
                  new FeedMetrics(metrics, cfg.appName())),
              new FeedRunner.FullSyncs(
                  new MeteredFullSyncActivities(
                      Wiring.fullSyncActivities(cfg, source, syncStore),
                      new FullSyncMetrics(metrics, cfg.appName())),
                  once ? Optional.empty() : interval),
              stop);
      running.set(runner);
      if (!once) {
        retention.schedule();
        runner.runUntilStopped();
        return ExitCode.OK;
      }
      Optional<Map<String, SourceState>> states = runner.runOnce();
      if (states.isEmpty()) {
        throw CliException.failed("stopped before every source finished its cycle");
      }
      int code = publishing.drain(context, report(states.get()));
      long pruned = retention.pruneNow();
      if (pruned > 0) {
        context.out().printf("pruned %d events (events.retention)%n", pruned);
        context.out().flush();
      }
      return code;
    } catch (UncheckedIOException e) {
      // The metrics port or the store's file: something the worker needs it cannot have.
      throw CliException.unavailable(e.getMessage());
    }
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

  /**
   * The publisher of {@code --publish}, if given: beside the sources while the worker runs, or,
   * with {@code --once}, after the cycle, until the broker has the whole log.
   */
  private static final class Publishing implements AutoCloseable {
    private final PublishLoop loop;

    private Publishing(PublishLoop loop) {
      this.loop = loop;
    }

    static Publishing of(PublishOption publish, String app, SyncStore store, boolean once) {
      if (!publish.enabled()) {
        return new Publishing(null);
      }
      PublishLoop loop =
          Wiring.natsPublisher(
              app,
              store,
              publish.url,
              publish.subjectPrefix,
              publish.stream(),
              EventsCommand::toJsonLine);
      if (!once) {
        loop.start();
      }
      return new Publishing(loop);
    }

    /** With {@code --once}: publishes what the log holds; a broker failure makes the exit 3. */
    int drain(CliContext context, int code) {
      if (loop == null) {
        return code;
      }
      try {
        long published = loop.drain();
        context.out().printf("published %d events%n", published);
        context.out().flush();
        return code;
      } catch (SinkException e) {
        context.err().println("sqlfeed: " + e.getMessage());
        context.err().flush();
        return code == ExitCode.OK ? ExitCode.UNAVAILABLE : code;
      }
    }

    @Override
    public void close() {
      if (loop != null) {
        loop.close();
      }
    }
  }

  /**
   * The metrics endpoint (with /events and /healthz) while the worker runs, if a port was given.
   */
  private static final class MetricsServing implements AutoCloseable {
    private final MetricsEndpoint endpoint;

    private MetricsServing(MetricsEndpoint endpoint) {
      this.endpoint = endpoint;
    }

    static MetricsServing start(
        String bind, Integer port, SqlfeedMetrics metrics, Map<String, HttpHandler> more) {
      if (port == null) {
        return new MetricsServing(null);
      }
      MetricsEndpoint endpoint = MetricsEndpoint.start(bind, port, metrics, more);
      LOG.info("metrics at http://{}/metrics", endpoint.address());
      return new MetricsServing(endpoint);
    }

    @Override
    public void close() {
      if (endpoint != null) {
        endpoint.close();
      }
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
