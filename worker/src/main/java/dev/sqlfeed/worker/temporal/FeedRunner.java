package dev.sqlfeed.worker.temporal;

import dev.sqlfeed.workflows.FeedActivities;
import dev.sqlfeed.workflows.FullSyncActivities;
import dev.sqlfeed.workflows.FullSyncState;
import dev.sqlfeed.workflows.FullSyncStatus;
import dev.sqlfeed.workflows.SourceState;
import dev.sqlfeed.workflows.SourceStatus;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code sqlfeed run} does with Temporal: starts the embedded server unless told to use one,
 * runs a worker, starts (or attaches to) every source's workflow and the app's full sync schedule,
 * then either waits to be stopped or, with {@code once}, for one cycle of every source (no full
 * sync then). The worker also runs the full syncs that {@code sqlfeed sync} asks of it.
 *
 * <p>The embedded server keeps every closed run in memory and never gives it back. Left alone for
 * months it would fill the heap; so after a number of pages it is recycled: every workflow's state
 * is read by a query, the server is replaced by a new one, and the workflows start again from those
 * states (a workflow that does not answer starts from the store's checkpoint). A page that was
 * running then is read again, and its events are dropped as duplicates.
 */
public final class FeedRunner {
  private static final Logger LOG = LoggerFactory.getLogger(FeedRunner.class);

  /**
   * How {@code sqlfeed run} reaches Temporal.
   *
   * @param temporal {@code HOST:PORT} of a server to use; null for the embedded one
   * @param namespace the namespace
   * @param taskQueue the task queue the workers share
   * @param embeddedPort the port of the embedded server (on 127.0.0.1)
   * @param recyclePages pages (page activity tasks, all sources together, run by any worker) after
   *     which the embedded server is recycled
   * @param checkEvery how often the page count is looked at
   * @param security TLS and API key for {@code temporal}; {@link TemporalSecurity#NONE} for the
   *     embedded server, which has neither
   */
  public record Options(
      String temporal,
      String namespace,
      String taskQueue,
      int embeddedPort,
      long recyclePages,
      Duration checkEvery,
      TemporalSecurity security) {
    /** Pages between two recycles when none is given: about 40 MB of server heap. */
    public static final long DEFAULT_RECYCLE_PAGES = 5_000;

    public Options {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(taskQueue, "taskQueue");
      Objects.requireNonNull(checkEvery, "checkEvery");
      Objects.requireNonNull(security, "security");
      if (temporal == null && !security.equals(TemporalSecurity.NONE)) {
        throw new IllegalArgumentException("the embedded server takes no TLS and no API key");
      }
    }

    /** Options for a plain connection (or the embedded server): no TLS, no API key. */
    public Options(
        String temporal,
        String namespace,
        String taskQueue,
        int embeddedPort,
        long recyclePages,
        Duration checkEvery) {
      this(
          temporal,
          namespace,
          taskQueue,
          embeddedPort,
          recyclePages,
          checkEvery,
          TemporalSecurity.NONE);
    }

    boolean embedded() {
      return temporal == null;
    }
  }

  /**
   * The full syncs a worker runs.
   *
   * @param activities the full sync activity; null for a worker that runs no full sync
   * @param interval {@code full_sync.interval}: when present, the worker starts the app's schedule
   */
  public record FullSyncs(FullSyncActivities activities, Optional<Duration> interval) {
    /** No full syncs: neither scheduled nor on demand. */
    public static final FullSyncs NONE = new FullSyncs(null, Optional.empty());

    public FullSyncs {
      Objects.requireNonNull(interval, "interval");
      if (interval.isPresent() && activities == null) {
        throw new IllegalArgumentException("a full sync schedule needs the full sync activity");
      }
    }
  }

  private final Options options;
  private final String app;

  /**
   * Completed waits after which a source workflow continues as new on the embedded server. Without
   * sticky execution there, each of an idle cycle's two workflow tasks replays its run's whole
   * history, so shorter runs make cheaper cycles, at one more workflow task per run: with 200 idle
   * sources (30 s poll) 3 cost about a sixth less CPU than the default 10, and 2 hardly less than
   * 3. A cluster keeps the default: it has sticky execution, and every run stays in its visibility.
   */
  static final int EMBEDDED_CYCLES_PER_RUN = 3;

  private final List<SourcePacing> sources;
  private final FeedActivities activities;
  private final FullSyncs fullSyncs;
  private final CountDownLatch stop;
  private volatile WorkflowClient polling;

  /**
   * A runner of the source workflows only.
   *
   * @param stop counted down to stop (SIGTERM, Ctrl-C, a test)
   */
  public FeedRunner(
      Options options,
      String app,
      List<SourcePacing> sources,
      FeedActivities activities,
      CountDownLatch stop) {
    this(options, app, sources, activities, FullSyncs.NONE, stop);
  }

  /**
   * A runner of the source workflows and the app's full syncs: on demand ({@code sqlfeed sync}
   * against this worker) and, with an interval, on a schedule.
   *
   * @param stop counted down to stop (SIGTERM, Ctrl-C, a test)
   */
  public FeedRunner(
      Options options,
      String app,
      List<SourcePacing> sources,
      FeedActivities activities,
      FullSyncs fullSyncs,
      CountDownLatch stop) {
    this.options = options;
    this.app = app;
    this.sources =
        options.embedded()
            ? sources.stream()
                .map(
                    s ->
                        new SourcePacing(
                            s.key(), s.settings().withCyclesPerRun(EMBEDDED_CYCLES_PER_RUN)))
                .toList()
            : List.copyOf(sources);
    this.activities = Objects.requireNonNull(activities, "activities");
    this.fullSyncs = Objects.requireNonNull(fullSyncs, "fullSyncs");
    this.stop = stop;
  }

  /** Polls every source, and runs the full sync schedule if there is one, until stopped. */
  public void runUntilStopped() {
    Map<String, SourceState> carried = Map.of();
    FullSyncState carriedFullSync = null;
    while (true) {
      try (Session session = open()) {
        session.starter.startAll(sources, false, carried);
        if (fullSyncs.interval().isPresent()) {
          session.fullSyncs.startScheduled(fullSyncs.interval().get(), carriedFullSync);
        }
        polling = session.connection.client();
        LOG.info(
            "scanning {} source(s) of {} with Temporal at {} (task queue {})",
            sources.size(),
            app,
            session.connection.target(),
            options.taskQueue());
        long base = pages(session);
        while (!stopped(options.checkEvery())) {
          if (options.embedded()
              && pages(session) - base >= options.recyclePages()
              && !fullSyncRunning(session)) {
            break;
          }
        }
        if (stopped(Duration.ZERO)) {
          return;
        }
        carried = states(session);
        carriedFullSync = session.fullSyncs.status().map(FullSyncStatus::state).orElse(null);
        LOG.info("recycling the embedded Temporal server to bound its memory");
      }
    }
  }

  /**
   * Runs one cycle of every source to exhaustion (or failure).
   *
   * @return each source's state after its cycle, by key, in source order; empty if stopped first
   */
  public Optional<Map<String, SourceState>> runOnce() {
    try (Session session = open()) {
      List<SourceStarter.Started> started = session.starter.startAll(sources, true, Map.of());
      polling = session.connection.client();
      Map<String, SourceState> states = new java.util.LinkedHashMap<>();
      for (SourceStarter.Started s : started) {
        Optional<SourceState> state = session.starter.awaitOnce(s, () -> stop.getCount() == 0);
        if (state.isEmpty()) {
          return Optional.empty();
        }
        states.put(s.source().key(), state.get());
      }
      return Optional.of(states);
    }
  }

  /**
   * The client of the worker while it polls, once every workflow was started or attached to: empty
   * before, while the embedded server is recycled, and once the worker stops. For {@code /healthz},
   * which asks the workflows for their state.
   */
  public Optional<WorkflowClient> pollingClient() {
    return Optional.ofNullable(polling);
  }

  private Session open() {
    EmbeddedTemporal server =
        options.embedded() ? EmbeddedTemporal.start(options.embeddedPort()) : null;
    try {
      TemporalConnection connection =
          server == null
              ? TemporalConnection.connectWorker(
                  options.temporal(), options.namespace(), options.security(), app)
              : TemporalConnection.connectEmbeddedWorker(server, options.namespace(), app);
      TemporalWorker worker =
          TemporalWorker.start(
              connection.client(),
              options.taskQueue(),
              activities,
              fullSyncs.activities(),
              options.embedded() || loopback(options.temporal()));
      return new Session(
          () -> polling = null,
          server,
          connection,
          worker,
          new SourceStarter(connection.client(), options.taskQueue(), app),
          new FullSyncStarter(connection.client(), options.taskQueue(), app));
    } catch (RuntimeException e) {
      if (server != null) {
        server.close();
      }
      throw e;
    }
  }

  /**
   * Whether a server address is on this machine. Such a server may be another {@code sqlfeed run}'s
   * embedded test server, which mishandles sticky queues; sticky execution is then switched off to
   * be safe, which costs replays, never correctness.
   */
  static boolean loopback(String target) {
    String host = target.substring(0, Math.max(0, target.lastIndexOf(':')));
    host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
  }

  private boolean stopped(Duration wait) {
    try {
      return stop.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /**
   * Work done on the embedded server so far, the measure of its growth: the activity tasks (pages,
   * mostly, and full syncs' steps) that any worker reported done to it. Counted as they are
   * reported, not queried: with many sources, a query of each every few seconds cost more than
   * their idle cycles. Not only this worker's own: when other workers attach, the server may hand
   * them nearly every task (it gives a task to the poll that came last, so the busiest worker stays
   * busy), and their pages grow it all the same.
   */
  private static long pages(Session session) {
    return session.server() == null ? 0 : session.server().activityTasksDone();
  }

  /**
   * Whether a full sync runs now (scheduled, or asked for by {@code sqlfeed sync}): a recycle would
   * interrupt it and run it again from the start, and the {@code sync} waiting for it would lose
   * the server, so the recycle waits.
   */
  private boolean fullSyncRunning(Session session) {
    return fullSyncs.activities() != null
        && session.fullSyncs.status().map(s -> "syncing".equals(s.phase())).orElse(false);
  }

  private Map<String, SourceState> states(Session session) {
    Map<String, SourceState> states = new HashMap<>();
    for (SourcePacing s : sources) {
      SourceStatus status = query(session, s.key());
      if (status != null) {
        states.put(s.key(), status.state());
      }
    }
    return states;
  }

  private static SourceStatus query(Session session, String key) {
    try {
      return session.starter.stub(key).state();
    } catch (RuntimeException e) {
      LOG.warn("{}: state query failed: {}", key, e.getMessage());
      return null;
    }
  }

  /**
   * One server (if embedded), connection and worker; closed in reverse order, after {@code
   * stopping} says that the worker no longer polls.
   */
  private record Session(
      Runnable stopping,
      EmbeddedTemporal server,
      TemporalConnection connection,
      TemporalWorker worker,
      SourceStarter starter,
      FullSyncStarter fullSyncs)
      implements AutoCloseable {
    @Override
    public void close() {
      stopping.run();
      worker.close();
      connection.close();
      if (server != null) {
        server.close();
      }
    }
  }
}
