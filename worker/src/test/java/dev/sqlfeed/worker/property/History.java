package dev.sqlfeed.worker.property;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.jdbc.JdbcStores;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.StoredEvent;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.ports.fullsync.FullSync;
import dev.sqlfeed.ports.fullsync.SyncProgress;
import dev.sqlfeed.worker.cli.MirrorLines;
import dev.sqlfeed.worker.config.ConfigLoader;
import dev.sqlfeed.workflows.FeedActivitiesImpl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One seeded random history: random writes to the source interleaved with pages of incremental
 * cycles, restarts from the checkpoint, quiet sweeps (one whole cycle of every source) and
 * reconciliations, each sweep and reconciliation followed by the checks.
 *
 * <p><b>The checks.</b> After every sweep, the event log passes {@link EventLedger#check}; and when
 * no hard delete happened since the last reconciliation, the mirror's export equals that of a fresh
 * full sync into an empty store (hard deletes are invisible to incremental sync, so until a
 * reconciliation the mirror may hold them, and only them). After every reconciliation, every event
 * it wrote is explained by a pending hard delete (a {@code resource_deleted} of a hard-deleted user
 * or group, a {@code grant_revoked} of a hard-deleted membership or of a grant of a hard-deleted
 * group): any other difference is a change the incremental sources missed; and the mirror equals a
 * fresh full sync. Every history ends with a sweep and a reconciliation.
 */
final class History {
  private static final int MAX_EVENTS = 1_000_000;

  private final long seed;
  private final Shared shared;
  private final Path dir;
  private final boolean temporal;
  private final Optional<TestDatabase> storeDb;
  private final Flags flags;
  private final String app;
  private final List<String> ops = new ArrayList<>();
  private AccessModel model;
  private EventLedger ledger;
  private Config config;
  private SyncStore store;
  private int freshSyncs;

  /**
   * @param dir where the history writes its config file
   * @param storeDb a PostgreSQL store database, or empty for the shared SQLite store
   */
  History(
      long seed,
      Shared shared,
      Path dir,
      boolean temporal,
      Optional<TestDatabase> storeDb,
      Flags flags) {
    this.seed = seed;
    this.shared = shared;
    this.dir = dir;
    this.temporal = temporal;
    this.storeDb = storeDb;
    this.flags = flags;
    this.app = "p" + Long.toUnsignedString(seed) + (temporal ? "t" : "");
  }

  /** Runs the history; a failure names the seed, the settings and every step taken. */
  void run() throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    Dialect dialect = Dialect.of(seed);
    int pageSize = 1 + random.nextInt(3);
    String header =
        "seed "
            + seed
            + " ("
            + dialect
            + " source, "
            + (storeDb.isPresent() ? "PostgreSQL" : "SQLite")
            + " store, page_size "
            + pageSize
            + ", "
            + (temporal ? "through run --once" : "page activity in process")
            + ", "
            + flags
            + "); replay it alone with -Dsqlfeed.property.seed="
            + seed;
    TestDatabase sourceDb = shared.sourceDb();
    Map<String, String> env = Map.of(PropertyConfig.DSN_VARIABLE, PropertyConfig.dsn(sourceDb));
    sourceDb.execute(dialect.clear());
    Path configFile =
        Files.writeString(dir.resolve(app + ".yml"), PropertyConfig.yaml(app, pageSize));
    config = ConfigLoader.withEnvironment(env).load(configFile).config();
    model = new AccessModel();
    ledger = new EventLedger(model, PropertyConfig.OVERLAP);
    SourceReader reader = shared.reader();
    try (Connection connection = sourceDb.connect()) {
      store =
          storeDb
              .map(db -> JdbcStores.open(db.jdbcUrl(), db.user(), db.password()))
              .orElse(shared.store());
      // The baseline: the app's first full sync, of the still empty tables, so that every later
      // one reconciles.
      fullSync(store, config);
      long start = reader.databaseNow().toEpochMilli() - 600_000;
      SourceWriter writer = new SourceWriter(connection, dialect, model, random, flags, start);
      Cycles cycles =
          temporal
              ? new TemporalCycles(configFile, shared.storeUrl(), env, store, app, ledger)
              : new DirectCycles(
                  new FeedActivitiesImpl(config, reader, store, Clock.systemUTC()),
                  store,
                  app,
                  pageSize,
                  ledger);
      int steps = temporal ? 20 + random.nextInt(10) : 35 + random.nextInt(40);
      for (int step = 0; step < steps; step++) {
        int roll = random.nextInt(100);
        String source = AccessModel.SOURCES[random.nextInt(AccessModel.SOURCES.length)];
        if (roll < 60 || (!cycles.pageable() && roll < 85)) {
          int before = writer.journal().size();
          writer.write(cycles::openedAt);
          writer.journal().subList(before, writer.journal().size()).forEach(ops::add);
        } else if (roll < 84) {
          ops.add("page of " + source);
          cycles.page(source, writer.now());
        } else if (roll < 87) {
          ops.add("restart " + source + " from its checkpoint");
          cycles.restartFromCheckpoint(source);
        } else if (roll < 94) {
          sweep(cycles, writer);
        } else {
          sweep(cycles, writer);
          reconcile();
        }
      }
      sweep(cycles, writer);
      reconcile();
      long upToAtStart = start + 600_000 - 2_000;
      if (writer.now() >= upToAtStart) {
        throw new AssertionError("the generator's clock ran past the database's: a test bug");
      }
    } catch (Exception | AssertionError e) {
      throw new AssertionError(
          header + "\n" + e.getMessage() + "\nsteps:\n  " + String.join("\n  ", ops), e);
    } finally {
      if (storeDb.isPresent() && store != null) {
        store.close();
      }
    }
  }

  private void sweep(Cycles cycles, SourceWriter writer) {
    ops.add("sweep");
    cycles.sweep(writer.now());
    List<StoredEvent> log = events();
    List<String> problems = ledger.check(log);
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "after a sweep, the event log is wrong:\n  " + String.join("\n  ", problems));
    }
    List<String> unowed = ledger.unowedAndUnseen(log);
    if (!unowed.isEmpty()) {
      throw new AssertionError(
          "the generator stamped versions outside every cycle's window (a test bug): " + unowed);
    }
    if (model.pendingHardDeletes.isEmpty()) {
      compareWithFreshFullSync("after a sweep");
    }
  }

  private void reconcile() {
    ops.add("reconcile (pending hard deletes: " + model.pendingHardDeletes + ")");
    List<StoredEvent> before = events();
    long last = before.isEmpty() ? 0 : before.get(before.size() - 1).seq();
    fullSync(store, config);
    List<String> unexplained = new ArrayList<>();
    for (StoredEvent stored : store.events(Optional.of(app), last, MAX_EVENTS)) {
      var e = stored.event();
      String principal =
          e instanceof dev.sqlfeed.domain.feed.FeedEvent.GrantEvent g
              ? g.principal().resourceId()
              : null;
      if (!e.source().equals("full-sync")
          || !model.explains(
              e.kind(), e.resource().resourceType(), e.resource().resourceId(), principal)) {
        unexplained.add(e.id());
      }
    }
    if (!unexplained.isEmpty()) {
      throw new AssertionError(
          "reconciliation found differences that no hard delete explains, so incremental sync"
              + " missed them: "
              + unexplained);
    }
    model.pendingHardDeletes.clear();
    compareWithFreshFullSync("after a reconciliation");
  }

  private void compareWithFreshFullSync(String when) {
    // A full sync under an app name of its own: the app's first, so a baseline into an empty
    // mirror, as into a new store.
    Config renamed =
        new Config(
            app + "-fresh" + (++freshSyncs),
            config.appDescription(),
            config.connect(),
            config.resourceTypes(),
            config.actions(),
            config.incrementalSync(),
            config.eventFeeds(),
            config.fullSync());
    fullSync(shared.fresh(), renamed);
    List<String> fresh = MirrorLines.of(shared.fresh(), renamed.appName());
    List<String> mirror = MirrorLines.of(store, app);
    if (!mirror.equals(fresh)) {
      Set<String> onlyMirror = new HashSet<>(mirror);
      fresh.forEach(onlyMirror::remove);
      Set<String> onlyFresh = new HashSet<>(fresh);
      mirror.forEach(onlyFresh::remove);
      throw new AssertionError(
          when
              + ", the mirror differs from a fresh full sync\n only in the mirror: "
              + onlyMirror
              + "\n only in the full sync: "
              + onlyFresh);
    }
  }

  private void fullSync(SyncStore target, Config of) {
    new FullSync(shared.reader(), target, Clock.systemUTC(), SyncProgress.SILENT).run(of);
  }

  private List<StoredEvent> events() {
    return store.events(Optional.of(app), 0, MAX_EVENTS);
  }
}
