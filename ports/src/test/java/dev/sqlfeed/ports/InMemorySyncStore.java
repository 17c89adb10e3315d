package dev.sqlfeed.ports;

import dev.sqlfeed.domain.mirror.Entitlement;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.MirrorRecord;
import dev.sqlfeed.domain.mirror.Resource;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * reference that the JDBC store's batched writes are tested against. Thread-safe: every write, page
 * or commit, runs under the store's lock, so they take turns as in the JDBC store; the sink of an
 * export is called without the lock held.
 */
public final class InMemorySyncStore implements SyncStore {
  /** Compares strings by Unicode code point, the byte order of UTF-8. */
  public static final Comparator<String> CODE_POINT_ORDER = InMemorySyncStore::compareCodePoints;

  /** The message of a run whose write was closed without commit or fail. */
  public static final String ABORTED = "aborted: the write was closed without commit or fail";

  private static final Comparator<List<String>> KEY_ORDER = InMemorySyncStore::compareKeys;

  private final Clock clock;

  /** Each app's mirror, whether a full sync or only pages wrote it. */
  private final Map<String, Map<List<String>, MirrorRecord>> mirrors =
      new TreeMap<>(CODE_POINT_ORDER);

  /** The apps whose full sync committed. */
  private final Set<String> synced = new TreeSet<>(CODE_POINT_ORDER);

  private final List<SyncRun> runs = new ArrayList<>();
  private final InMemoryEventLog eventLog = new InMemoryEventLog();
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
    return new Write(run);
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
      String app, List<SourceEvent> events, Optional<Checkpoint> commit) {
    ensureOpen();
    Map<List<String>, MirrorRecord> mirror = mirrors.getOrDefault(app, new HashMap<>());
    PageWriteResult result = eventLog.write(app, events, commit, mirror, clock.instant());
    if (!mirror.isEmpty()) {
      mirrors.putIfAbsent(app, mirror);
    }
    return result;
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
      SyncRun run, Map<List<String>, MirrorRecord> staged, Instant endedAt, String why) {
    ensureOpen();
    SyncRun ended =
        new SyncRun(
            run.id(),
            run.app(),
            run.startedAt(),
            micros(endedAt),
            why == null ? SyncRun.Outcome.SUCCEEDED : SyncRun.Outcome.FAILED,
            counts(staged),
            why);
    if (why == null) {
      mirrors.put(run.app(), new HashMap<>(staged));
      synced.add(run.app());
    }
    runs.set((int) run.id() - 1, ended);
    return ended;
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
      int c = compareCodePoints(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /** One full sync: records are staged here, out of sight, until the write ends. */
  private final class Write implements FullSyncWrite {
    private final SyncRun run;
    private final Map<List<String>, MirrorRecord> staged = new HashMap<>();
    private boolean ended;

    Write(SyncRun run) {
      this.run = run;
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
      return end(run, staged, endedAt, null);
    }

    @Override
    public SyncRun fail(Instant endedAt, String message) {
      Objects.requireNonNull(message, "message");
      ensureRunning();
      ended = true;
      return end(run, staged, endedAt, message);
    }

    @Override
    public void close() {
      if (!ended) {
        ended = true;
        end(run, staged, clock.instant(), ABORTED);
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
