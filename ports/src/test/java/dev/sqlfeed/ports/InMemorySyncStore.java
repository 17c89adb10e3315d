package dev.sqlfeed.ports;

import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.mirror.Entitlement;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.MirrorRecord;
import dev.sqlfeed.domain.mirror.Resource;
import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.ports.fullsync.KeyOrder;
import dev.sqlfeed.ports.fullsync.MirrorCommit;
import dev.sqlfeed.ports.fullsync.ReconcileGuard;
import dev.sqlfeed.ports.fullsync.SortedMirror;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A {@link SyncStore} in memory, faithful to the contract that the JDBC store passes: staged
 * records are invisible until commit, key limits and microsecond times are the same, the export
 * order is by code point; its event log ({@link InMemoryEventLog}) applies changes one by one, the
 * reference that the JDBC store's batched writes are tested against. Thread-safe: every write,
 * page, baseline swap or page of a reconciliation, runs under the store's lock, so they take turns
 * as in the JDBC store; the sink of an export is called without the lock held. A reconciliation
 * compares the staged records with a copy of the mirror taken when its commit begins. Runs never
 * become abandoned here: a process that dies takes this store with it.
 */
public final class InMemorySyncStore implements SyncStore {
  /** The message of a run whose write was closed without commit or fail. */
  public static final String ABORTED = "aborted: the write was closed without commit or fail";

  private static final Comparator<List<String>> KEY_ORDER = InMemorySyncStore::compareKeys;

  private final Clock clock;

  /** Each app's mirror, whether a full sync or only pages wrote it. */
  private final Map<String, Map<List<String>, MirrorRecord>> mirrors =
      new TreeMap<>(KeyOrder.CODE_POINTS);

  /** The apps whose full sync committed. */
  private final Set<String> synced = new TreeSet<>(KeyOrder.CODE_POINTS);

  private final List<SyncRun> runs = new ArrayList<>();
  private final InMemoryEventLog eventLog = new InMemoryEventLog();
  private final Map<String, Map<List<String>, GrantCheck>> grantChecks = new HashMap<>();
  private boolean closed;

  public InMemorySyncStore() {
    this(Clock.systemUTC());
  }

  /** A store whose writes closed without an outcome end at {@code clock}'s time. */
  public InMemorySyncStore(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized FullSyncWrite beginFullSync(String app, Instant startedAt) {
    ensureOpen();
    Objects.requireNonNull(app, "app");
    MirrorKeyLimits.checkApp(app);
    SyncRun run =
        new SyncRun(
            runs.size() + 1L,
            app,
            micros(startedAt),
            null,
            SyncRun.Outcome.RUNNING,
            MirrorCounts.ZERO,
            null);
    runs.add(run);
    return new Write(run, new ReconcileGuard(eventLog.lastSeq()));
  }

  @Override
  public void exportMirror(Optional<String> app, Consumer<MirrorRecord> sink) {
    List<MirrorRecord> snapshot = new ArrayList<>();
    synchronized (this) {
      ensureOpen();
      // Sort key: kind, the record's key fields, then the app.
      Map<List<String>, MirrorRecord> sorted = new TreeMap<>(KEY_ORDER);
      mirrors.forEach(
          (name, mirror) -> {
            if (app.isEmpty() || app.get().equals(name)) {
              mirror.forEach(
                  (key, record) -> {
                    List<String> sortKey = new ArrayList<>(key);
                    sortKey.add(name);
                    sorted.put(sortKey, record);
                  });
            }
          });
      snapshot.addAll(sorted.values());
    }
    snapshot.forEach(sink);
  }

  @Override
  public synchronized List<String> apps() {
    ensureOpen();
    return List.copyOf(synced);
  }

  @Override
  public synchronized PageWriteResult writePage(
      String app, List<SourceEvent> events, Optional<Checkpoint> commit, GrantChecks checks) {
    ensureOpen();
    Map<List<String>, MirrorRecord> mirror = mirrors.getOrDefault(app, new HashMap<>());
    PageWriteResult result = eventLog.write(app, events, commit, mirror, clock.instant());
    if (!mirror.isEmpty()) {
      mirrors.putIfAbsent(app, mirror);
    }
    Map<List<String>, GrantCheck> owed = grantChecks.computeIfAbsent(app, a -> new HashMap<>());
    for (GrantCheck check : checks.settled()) {
      List<String> key =
          List.of(check.source(), check.resource().resourceType(), check.resource().resourceId());
      GrantCheck held = owed.get(key);
      if (held != null && held.eventId().equals(check.eventId())) {
        owed.remove(key);
      }
    }
    for (GrantCheck check : checks.owed()) {
      owed.put(
          List.of(check.source(), check.resource().resourceType(), check.resource().resourceId()),
          check);
    }
    return result;
  }

  @Override
  public synchronized List<GrantCheck> grantChecksDue(
      String app, String source, Instant scannedTo, int limit) {
    ensureOpen();
    return grantChecks.getOrDefault(app, Map.of()).values().stream()
        .filter(c -> c.source().equals(source) && !c.due().isAfter(scannedTo))
        .sorted(Comparator.comparing(GrantCheck::due))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized Map<ResourceRef, Resource> resourcesInMirror(
      String app, Collection<ResourceRef> resources) {
    ensureOpen();
    Map<List<String>, MirrorRecord> mirror = mirrors.getOrDefault(app, Map.of());
    Map<ResourceRef, Resource> out = new HashMap<>();
    for (ResourceRef ref : resources) {
      if (mirror.get(List.of("1", ref.resourceType(), ref.resourceId())) instanceof Resource r) {
        out.put(ref, r);
      }
    }
    return out;
  }

  @Override
  public synchronized Set<ResourceRef> deletedFromMirror(
      String app, Collection<ResourceRef> resources) {
    ensureOpen();
    Map<List<String>, MirrorRecord> mirror = mirrors.getOrDefault(app, Map.of());
    Set<ResourceRef> absent = new HashSet<>();
    for (ResourceRef ref : resources) {
      if (!mirror.containsKey(List.of("1", ref.resourceType(), ref.resourceId()))) {
        absent.add(ref);
      }
    }
    Set<ResourceRef> deleted = new HashSet<>();
    for (StoredEvent event : eventLog.events(Optional.of(app), 0, Integer.MAX_VALUE)) {
      FeedEvent e = event.event();
      if (!(e instanceof FeedEvent.GrantEvent) && absent.contains(e.resource())) {
        deleted.add(e.resource());
      }
    }
    return deleted;
  }

  @Override
  public synchronized Map<ResourceRef, Set<Grant>> grantsInMirror(
      String app, Collection<ResourceRef> resources) {
    ensureOpen();
    Map<List<String>, MirrorRecord> mirror = mirrors.getOrDefault(app, Map.of());
    Map<ResourceRef, Set<Grant>> out = new HashMap<>();
    Set<ResourceRef> asked = new HashSet<>(resources);
    for (ResourceRef ref : resources) {
      if (mirror.containsKey(List.of("1", ref.resourceType(), ref.resourceId()))) {
        out.put(ref, new HashSet<>());
      }
    }
    for (MirrorRecord record : mirror.values()) {
      if (record instanceof Grant g && asked.contains(g.resource())) {
        out.computeIfAbsent(g.resource(), k -> new HashSet<>()).add(g);
      }
    }
    return out;
  }

  @Override
  public synchronized Set<String> heldIds(String app, Collection<String> ids) {
    ensureOpen();
    return eventLog.heldIds(app, ids);
  }

  @Override
  public synchronized Optional<Checkpoint> checkpoint(String app, String source) {
    ensureOpen();
    return eventLog.checkpoint(app, source);
  }

  @Override
  public synchronized List<StoredEvent> events(Optional<String> app, long afterSeq, int limit) {
    ensureOpen();
    return eventLog.events(app, afterSeq, limit);
  }

  @Override
  public synchronized List<SyncRun> syncRuns(String app) {
    ensureOpen();
    List<SyncRun> result = new ArrayList<>();
    for (SyncRun run : runs) {
      if (run.app().equals(app)) {
        result.add(run);
      }
    }
    result.sort(Comparator.comparing(SyncRun::startedAt).thenComparingLong(SyncRun::id).reversed());
    return result;
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the sync store is closed");
    }
  }

  private synchronized SyncRun end(
      SyncRun run, MirrorCounts counts, ReconcileCounts reconciled, Instant endedAt, String why) {
    ensureOpen();
    SyncRun ended =
        new SyncRun(
            run.id(),
            run.app(),
            run.startedAt(),
            micros(endedAt),
            SyncRun.Outcome.ofEnd(why),
            counts,
            why,
            reconciled);
    runs.set((int) run.id() - 1, ended);
    return ended;
  }

  /** The first full sync of the app: its records become the mirror, no events. */
  private synchronized SyncRun baseline(
      SyncRun run, Map<List<String>, MirrorRecord> staged, Instant endedAt) {
    ensureOpen();
    mirrors.put(run.app(), new HashMap<>(staged));
    synced.add(run.app());
    return end(run, counts(staged), ReconcileCounts.BASELINE, endedAt, null);
  }

  /** A copy of the app's mirror in key order. */
  private synchronized SortedMirror sortedMirror(String app) {
    ensureOpen();
    return sorted(mirrors.getOrDefault(app, Map.of()));
  }

  /**
   * One page of a reconciliation: under the lock, shows the guard the app's events since it last
   * looked, leaves out the differences it suppresses and those already in the log, and writes the
   * rest as a page.
   */
  private synchronized List<SourceEvent> reconcilePage(
      String app, List<SourceEvent> page, ReconcileGuard guard) {
    ensureOpen();
    eventLog.events(Optional.of(app), guard.seenUpTo(), Integer.MAX_VALUE).forEach(guard::saw);
    List<SourceEvent> kept = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (SourceEvent event : page) {
      String id = event.event().id();
      if (!guard.suppresses(event.event()) && !eventLog.has(app, id) && ids.add(id)) {
        kept.add(event);
      }
    }
    writePage(app, kept, Optional.empty());
    return kept;
  }

  private static SortedMirror sorted(Map<List<String>, MirrorRecord> records) {
    Map<List<String>, MirrorRecord> byKey = new TreeMap<>(KEY_ORDER);
    byKey.putAll(records);
    List<Resource> resources = new ArrayList<>();
    List<Entitlement> entitlements = new ArrayList<>();
    List<Grant> grants = new ArrayList<>();
    for (MirrorRecord record : byKey.values()) {
      if (record instanceof Resource r) {
        resources.add(r);
      } else if (record instanceof Entitlement e) {
        entitlements.add(e);
      } else {
        grants.add((Grant) record);
      }
    }
    return new SortedMirror() {
      @Override
      public Iterator<Resource> resources() {
        return resources.iterator();
      }

      @Override
      public Iterator<Entitlement> entitlements() {
        return entitlements.iterator();
      }

      @Override
      public Iterator<Grant> grants() {
        return grants.iterator();
      }
    };
  }

  private static MirrorCounts counts(Map<List<String>, MirrorRecord> records) {
    long resources = 0;
    long entitlements = 0;
    long grants = 0;
    for (MirrorRecord record : records.values()) {
      if (record instanceof Resource) {
        resources++;
      } else if (record instanceof Entitlement) {
        entitlements++;
      } else {
        grants++;
      }
    }
    return new MirrorCounts(resources, entitlements, grants);
  }

  /** The record's kind (as a sortable digit) followed by its key fields. */
  static List<String> key(MirrorRecord record) {
    List<String> key = new ArrayList<>(7);
    if (record instanceof Resource) {
      key.add("1");
    } else if (record instanceof Entitlement) {
      key.add("2");
    } else {
      key.add("3");
    }
    key.add(record.resource().resourceType());
    key.add(record.resource().resourceId());
    if (record instanceof Entitlement e) {
      key.add(e.entitlement());
    } else if (record instanceof Grant g) {
      key.add(g.entitlement());
      key.add(g.principal().resourceType());
      key.add(g.principal().resourceId());
    }
    return key;
  }

  private static Instant micros(Instant instant) {
    return Objects.requireNonNull(instant, "instant").truncatedTo(ChronoUnit.MICROS);
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = KeyOrder.CODE_POINTS.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** One full sync: records are staged here, out of sight, until the write ends. */
  private final class Write implements FullSyncWrite {
    private final SyncRun run;
    private final ReconcileGuard guard;
    private final Map<List<String>, MirrorRecord> staged = new HashMap<>();
    private boolean ended;

    Write(SyncRun run, ReconcileGuard guard) {
      this.run = run;
      this.guard = guard;
    }

    @Override
    public void put(List<? extends MirrorRecord> batch) {
      ensureRunning();
      for (MirrorRecord record : batch) {
        MirrorKeyLimits.check(record);
      }
      for (MirrorRecord record : batch) {
        staged.put(key(record), record);
      }
    }

    @Override
    public SyncRun commit(Instant endedAt) {
      ensureRunning();
      ended = true;
      return MirrorCommit.commit(
          new MirrorCommit.Steps() {
            @Override
            public SyncRun run() {
              return run;
            }

            @Override
            public KeyOrder keyOrder() {
              return new KeyOrder(KeyOrder.CODE_POINTS);
            }

            @Override
            public Optional<SyncRun> swapIfFirst(Instant at) {
              synchronized (InMemorySyncStore.this) {
                return synced.contains(run.app())
                    ? Optional.empty()
                    : Optional.of(baseline(run, staged, at));
              }
            }

            @Override
            public SortedMirror mirror() {
              return sortedMirror(run.app());
            }

            @Override
            public SortedMirror staged() {
              return sorted(staged);
            }

            @Override
            public List<SourceEvent> applyPage(List<SourceEvent> page) {
              return reconcilePage(run.app(), page, guard);
            }

            @Override
            public SyncRun reconciled(
                Instant at, MirrorCounts stagedCounts, ReconcileCounts applied) {
              return end(run, stagedCounts, applied, at, null);
            }

            @Override
            public void failed(
                Instant at, String message, ReconcileCounts applied, RuntimeException failure) {
              end(run, counts(staged), applied, at, message);
            }
          },
          endedAt);
    }

    @Override
    public SyncRun fail(Instant endedAt, String message) {
      Objects.requireNonNull(message, "message");
      ensureRunning();
      ended = true;
      return end(run, counts(staged), ReconcileCounts.NONE, endedAt, message);
    }

    @Override
    public void close() {
      if (!ended) {
        ended = true;
        end(run, counts(staged), ReconcileCounts.NONE, clock.instant(), ABORTED);
      }
    }

    private void ensureRunning() {
      synchronized (InMemorySyncStore.this) {
        ensureOpen();
      }
      if (ended) {
        throw new IllegalStateException("this full sync has already ended");
      }
    }
  }
}
