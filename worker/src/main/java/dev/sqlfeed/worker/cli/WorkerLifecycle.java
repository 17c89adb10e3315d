package dev.sqlfeed.worker.cli;

import com.sun.net.httpserver.HttpHandler;
import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.error.SinkException;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.worker.Wiring;
import dev.sqlfeed.worker.http.EventsHandler;
import dev.sqlfeed.worker.http.HealthHandler;
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
import dev.sqlfeed.workflows.SourceState;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * A worker's life, from its first resource to its last: the pools' metrics and JMX, the store and
 * the source, the metrics endpoint with {@code /events} and {@code /healthz}, the publisher of
 * {@code --publish}, the retention's pruning and the stop signals, opened in that order and closed
 * in the reverse one, around the {@link FeedRunner} that runs the sources (until stopped, or one
 * cycle of each with {@code --once}). {@link RunCommand} checks the options and the config and
 * turns the sources' outcomes into an exit code; this class only runs.
 */
final class WorkerLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerLifecycle.class);

  /**
   * What {@code sqlfeed run}'s options say about the worker.
   *
   * @param options the runner's Temporal and recycling options
   * @param storeUrl the store's JDBC URL
   * @param metricsBind the metrics endpoint's address
   * @param metricsPort the metrics endpoint's port; null for none
   * @param publish the {@code --publish} sink
   * @param once one cycle of every source, then stop
   * @param fullSyncInterval the full syncs' schedule; empty for none
   */
  record Settings(
      FeedRunner.Options options,
      String storeUrl,
      String metricsBind,
      Integer metricsPort,
      PublishOption publish,
      boolean once,
      Optional<Duration> fullSyncInterval) {}

  private final CliContext context;
  private final Config cfg;
  private final List<SourcePacing> sources;
  private final Settings settings;

  WorkerLifecycle(CliContext context, Config cfg, List<SourcePacing> sources, Settings settings) {
    this.context = context;
    this.cfg = cfg;
    this.sources = sources;
    this.settings = settings;
  }

  /**
   * Runs the worker until it is stopped (0), or with {@code once} one cycle of every source, whose
   * states {@code report} turns into the exit code.
   *
   * @throws CliException when the worker stopped before every source finished its cycle, or when
   *     something it needs (a port, the store's file) cannot be had
   */
  int run(ToIntFunction<Map<String, SourceState>> report) {
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
        SyncStore syncStore = Wiring.store(settings.storeUrl(), context.env());
        SourceReader source = Wiring.source(cfg, context.env());
        MetricsServing serving =
            MetricsServing.start(
                settings.metricsBind(),
                settings.metricsPort(),
                metrics,
                Map.of(
                    "/events",
                    new EventsHandler(syncStore, cfg.appName(), EventsCommand::toJsonLine),
                    "/healthz",
                    new HealthHandler(health)));
        Publishing publishing =
            Publishing.of(settings.publish(), cfg.appName(), syncStore, settings.once());
        RetentionPruning retention =
            RetentionPruning.of(cfg.appName(), cfg.eventRetention(), syncStore, Clock.systemUTC());
        StopSignals signals = StopSignals.install(stop)) {
      FeedRunner runner =
          new FeedRunner(
              settings.options(),
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
                  settings.once() ? Optional.empty() : settings.fullSyncInterval()),
              stop);
      running.set(runner);
      if (!settings.once()) {
        retention.schedule();
        runner.runUntilStopped();
        return ExitCode.OK;
      }
      Optional<Map<String, SourceState>> states = runner.runOnce();
      if (states.isEmpty()) {
        throw CliException.failed("stopped before every source finished its cycle");
      }
      int code = publishing.drain(context, report.applyAsInt(states.get()));
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
