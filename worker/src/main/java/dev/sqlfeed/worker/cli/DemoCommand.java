package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.GoDuration;
import dev.sqlfeed.ports.ReconcileCounts;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.SyncRun;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.ports.fullsync.FullSync;
import dev.sqlfeed.worker.Wiring;
import dev.sqlfeed.worker.config.ConfigLoader;
import dev.sqlfeed.worker.demo.Change;
import dev.sqlfeed.worker.demo.DemoApp;
import dev.sqlfeed.worker.demo.EventLine;
import dev.sqlfeed.worker.demo.EventTail;
import dev.sqlfeed.worker.demo.MirrorCounts;
import dev.sqlfeed.worker.demo.Simulator;
import dev.sqlfeed.worker.progress.LogProgress;
import dev.sqlfeed.worker.temporal.FeedRunner;
import dev.sqlfeed.worker.temporal.FullSyncRequest;
import dev.sqlfeed.worker.temporal.SourcePacing;
import dev.sqlfeed.worker.temporal.TemporalConnection;
import dev.sqlfeed.workflows.SourceWorkflows;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/**
 * {@code sqlfeed demo}: an SQLite application in a temporary folder, a worker with embedded
 * Temporal reading it, and simulated activity, printed as the events arrive.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Creates an SQLite application (users, groups, memberships, roles, an audit log) in a",
      "temporary folder, runs a worker with embedded Temporal on it, and simulates activity:",
      "sign-ups, renames, joins and leaves, soft and hard deletes, a late-committing",
      "transaction. Prints each event as it arrives and, every few seconds, the mirror's",
      "counts; runs a reconciliation half-way so that hard deletes are seen. At the end it",
      "checks its mirror against a fresh full sync: exit 0 if nothing was missed, else 1."
    })
final class DemoCommand implements Callable<Integer> {
  private static final Duration COUNTS_EVERY = Duration.ofSeconds(5);
  private static final Duration UNBOUNDED_RECONCILE_AT = Duration.ofSeconds(30);
  private static final Duration QUIET = Duration.ofSeconds(3);
  private static final Duration WORKER_START_AT_MOST = Duration.ofSeconds(90);
  private static final Duration CATCH_UP_AT_MOST = Duration.ofSeconds(30);

  private final CliContext context;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      description = "How long to simulate (such as 20s or 5m). Default: until Ctrl-C.")
  String duration;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of the simulated activity. Default: a random one (printed).")
  Long seed;

  @Option(
      names = "--dir",
      paramLabel = "FOLDER",
      description = "Where to create the application and store. Default: a new temporary folder.")
  Path dir;

  // Alike on purpose to EventsCommand's --poll-millis: two options, alike only in picocli's form.
  @Option(
      names = "--changes-per-second",
      paramLabel = "N",
      defaultValue = "4",
      description = "Simulated changes per second. Default: ${DEFAULT-VALUE}.")
  int perSecond;

  DemoCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    Optional<Duration> length;
    try {
      length = Optional.ofNullable(duration).map(GoDuration::parse);
    } catch (IllegalArgumentException e) {
      throw CliException.invalid("--duration: " + e.getMessage());
    }
    if (perSecond < 1) {
      throw CliException.invalid("--changes-per-second must be at least 1");
    }
    long actualSeed = seed != null ? seed : new java.util.Random().nextLong();
    DemoApp app = DemoApp.create(dir != null ? dir : Files.createTempDirectory("sqlfeed-demo-"));
    int port = freePort();
    PrintWriter out = context.out();
    out.printf("sqlfeed demo (seed %d)%n", actualSeed);
    out.printf(
        "  application: %s%n  config:      %s%n  store:       %s%n",
        app.database(), app.config(), app.storeUrl());
    out.printf("While it runs, in another terminal:%n");
    out.printf("  ./sqlfeed status --config %s --temporal 127.0.0.1:%d%n", app.config(), port);
    out.printf("  ./sqlfeed events --store %s --follow%n%n", app.storeUrl());
    out.flush();
    Config cfg = ConfigLoader.withEnvironment(context.env()).load(app.config()).config();
    CountDownLatch stop = new CountDownLatch(1);
    var previous = Signal.handle(new Signal("INT"), s -> stop.countDown());
    try (SyncStore store = Wiring.store(app.storeUrl(), context.env());
        SourceReader source = Wiring.source(cfg, context.env());
        Simulator simulator = Simulator.open(app.database(), actualSeed, 2_500)) {
      fullSync(cfg, source, store);
      out.printf("baseline full sync: %s%n", MirrorCounts.of(store, cfg.appName()));
      EventTail tail =
          new EventTail(
              store,
              cfg.appName(),
              lastSeq(store),
              e -> print(EventLine.of(e, context.interactive())));
      CountDownLatch workerStop = new CountDownLatch(1);
      Thread worker = startWorker(cfg, source, store, port, workerStop);
      Optional<ReconcileCounts> midway;
      try {
        awaitWorker(simulator, tail);
        midway = simulate(simulator, tail, store, cfg, port, length, stop);
        catchUp(tail);
      } finally {
        workerStop.countDown();
        worker.join(TimeUnit.SECONDS.toMillis(60));
      }
      tail.drain();
      SyncRun check = fullSync(cfg, source, store);
      return summary(app, simulator.made(), tail, midway, check, port);
    } finally {
      Signal.handle(new Signal("INT"), previous);
    }
  }

  private Optional<ReconcileCounts> simulate(
      Simulator simulator,
      EventTail tail,
      SyncStore store,
      Config cfg,
      int port,
      Optional<Duration> length,
      CountDownLatch stop)
      throws SQLException, InterruptedException {
    long start = System.nanoTime();
    Duration reconcileAt = length.map(d -> d.dividedBy(2)).orElse(UNBOUNDED_RECONCILE_AT);
    Duration hardDeletesUntil = reconcileAt.multipliedBy(6).dividedBy(10);
    CompletableFuture<Optional<ReconcileCounts>> reconciliation = null;
    long nextCounts = COUNTS_EVERY.toNanos();
    long pause = 1000 / perSecond;
    while (!stop.await(pause, TimeUnit.MILLISECONDS)) {
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      if (length.isPresent() && elapsed.compareTo(length.get()) >= 0) {
        break;
      }
      simulator.step(elapsed.compareTo(hardDeletesUntil) < 0);
      tail.drain();
      if (reconciliation == null && elapsed.compareTo(reconcileAt) >= 0) {
        print("-- reconciliation: a full sync in the worker, to find hard deletes");
        reconciliation = CompletableFuture.supplyAsync(() -> reconcile(cfg, port, stop));
      }
      if (elapsed.toNanos() >= nextCounts) {
        print("-- mirror: " + MirrorCounts.of(store, cfg.appName()));
        nextCounts += COUNTS_EVERY.toNanos();
      }
    }
    if (reconciliation == null) {
      return Optional.empty();
    }
    Optional<ReconcileCounts> counts = reconciliation.join();
    counts.ifPresent(c -> print("-- reconciliation done: " + describe(c)));
    return counts;
  }

  /**
   * Signs a user up every two seconds until the worker reports an event, so that the simulation
   * starts once the embedded server and the sources' workflows run (a change made before a source's
   * first cycle is older than its {@code default_lookback} and is not read).
   */
  private void awaitWorker(Simulator simulator, EventTail tail)
      throws SQLException, InterruptedException {
    print("-- starting the worker with embedded Temporal (a few seconds)");
    long deadline = System.nanoTime() + WORKER_START_AT_MOST.toNanos();
    long nextPoke = System.nanoTime();
    while (tail.drain() == 0 && System.nanoTime() < deadline) {
      if (System.nanoTime() >= nextPoke) {
        simulator.signUp();
        nextPoke = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      }
      Thread.sleep(200);
    }
    Thread.sleep(QUIET.toMillis());
    tail.drain();
    print("-- worker running; simulating activity");
  }

  /** Waits until the worker has read what the simulator wrote: no new event for a while. */
  private void catchUp(EventTail tail) throws InterruptedException {
    print("-- simulation over; waiting for the last changes to arrive");
    long deadline = System.nanoTime() + CATCH_UP_AT_MOST.toNanos();
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline && System.nanoTime() - quietSince < QUIET.toNanos()) {
      Thread.sleep(200);
      if (tail.drain() > 0) {
        quietSince = System.nanoTime();
      }
    }
  }

  private Optional<ReconcileCounts> reconcile(Config cfg, int port, CountDownLatch stop) {
    try (TemporalConnection connection =
        TemporalConnection.connect("127.0.0.1:" + port, TemporalConnection.DEFAULT_NAMESPACE)) {
      return new FullSyncRequest(
              connection.client(), SourceWorkflows.DEFAULT_TASK_QUEUE, cfg.appName())
          .runAndWait(() -> stop.getCount() == 0)
          .filter(o -> o.failure() == null)
          .map(
              o ->
                  new ReconcileCounts(
                      false,
                      o.result().resourcesChanged(),
                      o.result().resourcesDeleted(),
                      o.result().grantsCreated(),
                      o.result().grantsRevoked()));
    }
  }

  private Thread startWorker(
      Config cfg, SourceReader source, SyncStore store, int port, CountDownLatch stop) {
    FeedRunner runner =
        new FeedRunner(
            new FeedRunner.Options(
                null,
                TemporalConnection.DEFAULT_NAMESPACE,
                SourceWorkflows.DEFAULT_TASK_QUEUE,
                port,
                FeedRunner.Options.DEFAULT_RECYCLE_PAGES,
                Duration.ofSeconds(1)),
            cfg.appName(),
            SourcePacing.of(cfg),
            Wiring.feedActivities(cfg, source, store),
            new FeedRunner.FullSyncs(
                Wiring.fullSyncActivities(cfg, source, store), Optional.empty()),
            stop);
    Thread t = new Thread(runner::runUntilStopped, "sqlfeed-demo-worker");
    t.start();
    return t;
  }

  private int summary(
      DemoApp app,
      Map<Change, Integer> made,
      EventTail tail,
      Optional<ReconcileCounts> midway,
      SyncRun check,
      int port) {
    PrintWriter out = context.out();
    out.println();
    out.println("Summary");
    out.printf(
        "  changes made: %d (%s)%n",
        made.values().stream().mapToInt(Integer::intValue).sum(),
        String.join(
            ", ",
            made.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " " + e.getKey().label())
                .toList()));
    out.printf(
        "  events seen:  %d (%s)%n",
        tail.kinds().values().stream().mapToInt(Integer::intValue).sum(),
        String.join(
            ", ",
            tail.kinds().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " " + e.getKey())
                .toList()));
    out.printf(
        "  lag from change to event: p50 %s, p99 %s%n",
        tail.lag(50).map(EventLine::millis).orElse("-"),
        tail.lag(99).map(EventLine::millis).orElse("-"));
    out.printf(
        "  reconciliation half-way: %s%n", midway.map(DemoCommand::describe).orElse("not run"));
    ReconcileCounts missed = check.reconciled();
    int code;
    if (missed.total() == 0) {
      out.printf(
          "  check: a fresh full sync (run %d) matches the mirror: nothing missed%n", check.id());
      code = ExitCode.OK;
    } else {
      out.printf(
          "  check: a fresh full sync (run %d) differs from the mirror: %s%n",
          check.id(), describe(missed));
      code = ExitCode.FAILURE;
    }
    out.println();
    out.println("Look at the same run (the worker has stopped; its store stays):");
    out.printf("  ./sqlfeed events --store %s --limit 20%n", app.storeUrl());
    out.printf("  ./sqlfeed export --store %s%n", app.storeUrl());
    out.printf(
        "  ./sqlfeed run --config %s --store %s --embedded-port %d%n",
        app.config(), app.storeUrl(), port);
    out.printf(
        "  then: ./sqlfeed status --config %s --temporal 127.0.0.1:%d%n", app.config(), port);
    out.printf(
        "        ./sqlfeed history --config %s --temporal 127.0.0.1:%d --source user --out"
            + " user-history.json%n",
        app.config(), port);
    out.flush();
    return code;
  }

  private static String describe(ReconcileCounts c) {
    return SyncSummary.reconciled(
        c.resourcesChanged(), c.resourcesDeleted(), c.grantsCreated(), c.grantsRevoked());
  }

  private static SyncRun fullSync(Config cfg, SourceReader source, SyncStore store) {
    return new FullSync(source, store, Clock.systemUTC(), new LogProgress(System::nanoTime))
        .run(cfg);
  }

  private static long lastSeq(SyncStore store) {
    long last = 0;
    while (true) {
      var events = store.events(Optional.empty(), last, 1000);
      if (events.isEmpty()) {
        return last;
      }
      last = events.get(events.size() - 1).seq();
    }
  }

  private void print(String line) {
    context.out().println(line);
    context.out().flush();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for the embedded Temporal server", e);
    }
  }
}
