package dev.sqlfeed.worker.property;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.jdbc.JdbcStores;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import dev.sqlfeed.worker.Wiring;
import dev.sqlfeed.worker.config.ConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The property of issue 11: for seeded random histories of inserts, updates, soft deletes, hard
 * deletes and re-inserts of users, groups and memberships on PostgreSQL, MariaDB and SQLite sources
 * (equal stamps across page edges, rows that commit late, writes between the pages of a cycle,
 * workflows that lose their state), interleaved with incremental cycles and reconciliations, the
 * mirror's export equals a fresh full sync's and every change gives exactly one event. {@link
 * History} states the rule checked at each point, {@link EventLedger} what "exactly one event"
 * means.
 *
 * <p>Most histories drive the page activity's code in process ({@link DirectCycles}), into an
 * SQLite store shared by the histories of a dialect (each an app of its own) or, for one seed in
 * twelve, a PostgreSQL store of its own; a few go through {@code sqlfeed run --once} and its
 * embedded Temporal server ({@link TemporalCycles}).
 *
 * <p>{@code -Dsqlfeed.property.seed=N} replays one history (its dialect and store follow from the
 * seed); {@code -Dsqlfeed.property.histories=N} runs N histories (default 210); {@code
 * -Dsqlfeed.property.base=N} fixes the first seed (default: a new one each run, printed with every
 * failure). {@link Flags} names the switches for known bugs.
 */
class MirrorPropertyIT {
  private static final int DEFAULT_HISTORIES = 210;
  private static final int TEMPORAL_HISTORIES = 3;
  private static final long BASE =
      Long.getLong("sqlfeed.property.base", System.nanoTime() & 0xffff_ffffL);
  private static final Map<Dialect, Shared> SHARED = new EnumMap<>(Dialect.class);
  private static Path dir;

  static Stream<Long> seeds() {
    Long one = Long.getLong("sqlfeed.property.seed");
    if (one != null) {
      return Stream.of(one);
    }
    int n = Integer.getInteger("sqlfeed.property.histories", DEFAULT_HISTORIES);
    return LongStream.range(BASE, BASE + n).boxed();
  }

  static Stream<Long> temporalSeeds() {
    Long one = Long.getLong("sqlfeed.property.seed");
    if (one != null) {
      return Stream.of(one);
    }
    // Seeds the in-process test runs too, one per dialect.
    return LongStream.range(BASE, BASE + TEMPORAL_HISTORIES).boxed();
  }

  @BeforeAll
  static void workDirectory() throws IOException {
    // Stores live in memory where the machine has a tmpfs: the histories commit thousands of small
    // transactions, and the property is about their effects, not about fsync.
    Path shm = Path.of("/dev/shm");
    dir =
        Files.isDirectory(shm) && Files.isWritable(shm)
            ? Files.createTempDirectory(shm, "sqlfeed-property-")
            : Files.createTempDirectory("sqlfeed-property-");
  }

  @AfterAll
  static void dropEverything() throws IOException {
    SHARED.values().forEach(Shared::close);
    SHARED.clear();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(MirrorPropertyIT::delete);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aRandomHistory_leavesTheMirrorEqualToAFullSync_withOneEventPerChange(long seed)
      throws Exception {
    boolean postgresStore = Math.floorMod(seed / 3, 12L) == 0;
    if (!postgresStore) {
      new History(seed, shared(seed), dir, false, Optional.empty(), Flags.fromSystemProperties())
          .run();
      return;
    }
    try (TestDatabase storeDb = TestDatabases.create(TestDatabase.Kind.POSTGRES)) {
      new History(
              seed, shared(seed), dir, false, Optional.of(storeDb), Flags.fromSystemProperties())
          .run();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("temporalSeeds")
  void aRandomHistoryThroughTheWorker_leavesTheMirrorEqualToAFullSync_withOneEventPerChange(
      long seed) throws Exception {
    new History(seed, shared(seed), dir, true, Optional.empty(), Flags.fromSystemProperties())
        .run();
  }

  private static Shared shared(long seed) {
    return SHARED.computeIfAbsent(Dialect.of(seed), MirrorPropertyIT::create);
  }

  private static Shared create(Dialect dialect) {
    TestDatabase db = TestDatabases.create(dialect.kind);
    if (dialect == Dialect.SQLITE) {
      db.execute("PRAGMA journal_mode=WAL");
    }
    db.execute(dialect.schema());
    Map<String, String> env = Map.of(PropertyConfig.DSN_VARIABLE, PropertyConfig.dsn(db));
    Config config =
        ConfigLoader.withEnvironment(env)
            .load("reader.yml", PropertyConfig.yaml("reader", 1))
            .config();
    String storeUrl = "jdbc:sqlite:" + dir.resolve("store-" + dialect + ".db");
    return new Shared(
        db,
        Wiring.source(config, env),
        storeUrl,
        JdbcStores.open(storeUrl),
        JdbcStores.open("jdbc:sqlite:" + dir.resolve("fresh-" + dialect + ".db")));
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
