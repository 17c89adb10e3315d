package dev.sqlfeed.bench.figures;

import dev.sqlfeed.bench.db.AccessTables;
import dev.sqlfeed.bench.db.BenchDatabase;
import dev.sqlfeed.bench.figures.Bench.StoreKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The changed backlog, end to end through the CLI, beside a plain JDBC read of the same rows: P1
 * ({@code run --once}, {@code get} and {@code deleted_if}, SQLite and PostgreSQL stores), the full
 * sync, P3 (keyset against compat offsets), P4 (peak RSS, large against small backlog) and the
 * source round trips per 1,000-change page. Every user row of the source is in the first cycle's
 * window, so a fresh store makes the whole table a backlog.
 */
final class BacklogWorkloads {
  private static final Duration YEAR = Duration.ofDays(365);
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final String RATE_TARGET = "≥ 0.25× plain read";

  private final Bench bench;

  /** Wall time of a cycle over an empty window: the process's fixed cost, in every P1 figure. */
  private double startUp;

  private Map<StoreKind, Double> ceilings = Map.of();

  BacklogWorkloads(Bench bench) {
    this.bench = bench;
  }

  List<Figure> run() throws Exception {
    List<Figure> figures = new ArrayList<>();
    int rows = bench.sizes().backlog();
    try (BenchDatabase source = BenchDatabase.create(BenchDatabase.Kind.POSTGRES)) {
      AccessTables.users(source, rows);
      double plain = PlainRead.rowsPerSecond(source, "users");
      String plainLabel = String.format("plain JDBC read of %,d rows", rows);
      double ceilingSqlite = PlainWrite.changesPerSecond(BenchDatabase.Kind.SQLITE, rows);
      double ceilingPostgres = PlainWrite.changesPerSecond(BenchDatabase.Kind.POSTGRES, rows);
      figures.add(ceiling("sqlite", "SQLite", rows, ceilingSqlite, plain, plainLabel));
      figures.add(ceiling("postgres", "PostgreSQL", rows, ceilingPostgres, plain, plainLabel));
      ceilings = Map.of(StoreKind.SQLITE, ceilingSqlite, StoreKind.POSTGRES, ceilingPostgres);
      SourceCounters counters = new SourceCounters(source);
      var configs = bench.configs();
      var get = configs.write("backlog-get", Form.GET, "users", 1, YEAR, MINUTE, MINUTE);
      var deletedIf =
          configs.write("backlog-deleted-if", Form.DELETED_IF, "users", 1, YEAR, MINUTE, MINUTE);
      var compat =
          configs.write("backlog-compat", Form.COMPAT_OFFSET, "users", 1, YEAR, MINUTE, MINUTE);
      var empty = configs.write("empty-window", Form.GET, "users", 1, MINUTE, MINUTE, MINUTE);

      Counted emptyRun = counted(counters, () -> once("empty-cycle", empty, source));
      long emptyCycle = emptyRun.transactions;
      startUp = emptyRun.run.seconds();
      Counted getSqlite = counted(counters, () -> once("p1-get-sqlite", get, source));
      Counted deletedSqlite =
          counted(counters, () -> once("p1-deleted-if-sqlite", deletedIf, source));
      Run getPg = onceInto("p1-get-postgres", get, source, StoreKind.POSTGRES);
      Run deletedPg = onceInto("p1-deleted-if-postgres", deletedIf, source, StoreKind.POSTGRES);
      figures.add(
          rate(
              "p1.get.sqlite",
              "P1 `run --once`, `get` form, SQLite store",
              getSqlite.run,
              StoreKind.SQLITE,
              rows,
              plain,
              plainLabel));
      figures.add(
          rate(
              "p1.get.postgres",
              "P1 `run --once`, `get` form, PostgreSQL store",
              getPg,
              StoreKind.POSTGRES,
              rows,
              plain,
              plainLabel));
      figures.add(
          rate(
              "p1.deleted_if.sqlite",
              "P1 `run --once`, `deleted_if` form, SQLite store",
              deletedSqlite.run,
              StoreKind.SQLITE,
              rows,
              plain,
              plainLabel));
      figures.add(
          rate(
              "p1.deleted_if.postgres",
              "P1 `run --once`, `deleted_if` form, PostgreSQL store",
              deletedPg,
              StoreKind.POSTGRES,
              rows,
              plain,
              plainLabel));

      Run sync =
          bench.runWithFreshStore(
              "full-sync-sqlite", "sync", get, source, StoreKind.SQLITE, List.of("--in-process"));
      figures.add(
          rate(
              "fullsync.sqlite",
              "full sync (`sync --in-process`), SQLite store",
              sync,
              StoreKind.SQLITE,
              rows,
              plain,
              plainLabel));

      Run offsets = once("p3-compat-offset-sqlite", compat, source);
      figures.add(p3(rows, offsets, getSqlite.run));

      int pages = (rows + 999) / 1000;
      figures.add(roundTrips("roundtrips.get", "`get`", getSqlite, emptyCycle, pages));
      figures.add(
          roundTrips("roundtrips.deleted_if", "`deleted_if`", deletedSqlite, emptyCycle, pages));
      figures.add(p4(getSqlite.run));
    }
    return figures;
  }

  /** A plain write of each change's rows on one store: P1's ceiling there. */
  private static Figure ceiling(
      String id, String store, int rows, double rate, double plain, String plainLabel) {
    return new Figure(
        "ceiling.plain_write." + id,
        String.format(
            "plain JDBC write of what %,d changes leave in a %s store (an event row and a resource"
                + " upsert each, 1,000 a transaction; not sqlfeed)",
            rows, store),
        plainLabel,
        plain,
        rate,
        "rows/s",
        rate / plain,
        "",
        Verdict.NO_TARGET,
        "the most a writer of a per-change event log and mirror reaches on this store: P1's "
            + store
            + " rows cannot reach a higher ratio",
        List.of());
  }

  private Figure p4(Run large) throws Exception {
    int rows = bench.sizes().smallBacklog();
    try (BenchDatabase source = BenchDatabase.create(BenchDatabase.Kind.POSTGRES)) {
      AccessTables.users(source, rows);
      var config =
          bench.configs().write("small-backlog-get", Form.GET, "users", 1, YEAR, MINUTE, MINUTE);
      Run small = once("p4-small-backlog-get-sqlite", config, source);
      double ratio = large.peakRssMb() / small.peakRssMb();
      boolean met = large.peakRssMb() <= 512 && ratio <= 1.2;
      return Bench.profiled(
          new Figure(
              "p4.peak_rss",
              String.format(
                  "P4 peak RSS of `run --once`, %,d-row backlog (`get`, SQLite)",
                  bench.sizes().backlog()),
              String.format("the same, %,d-row backlog", rows),
              small.peakRssMb(),
              large.peakRssMb(),
              "MB",
              ratio,
              "≤ 512 MB and ≤ 1.2×",
              Verdict.of(met),
              String.format("peak threads %d against %d", large.peakThreads(), small.peakThreads()),
              List.of()),
          large);
    }
  }

  private Figure rate(
      String id,
      String workload,
      Run run,
      StoreKind store,
      int rows,
      double plain,
      String plainLabel) {
    double rate = rows / run.seconds();
    double ratio = rate / plain;
    double ceiling = ceilings.getOrDefault(store, Double.NaN);
    return Bench.profiled(
        new Figure(
            id,
            workload,
            plainLabel,
            plain,
            rate,
            "rows/s",
            ratio,
            RATE_TARGET,
            Verdict.of(ratio >= 0.25),
            String.format(
                "%.1f s wall (about %.1f s of it the process's fixed cost: a cycle over an"
                    + " empty window took that), %.1f s CPU, peak RSS %.0f MB; %.2f× the plain"
                    + " write of the same changes on this store (its ceiling row)",
                run.seconds(),
                startUp,
                run.cpu().toMillis() / 1e3,
                run.peakRssMb(),
                rate / ceiling),
            List.of()),
        run);
  }

  private Figure p3(int rows, Run offsets, Run keyset) {
    double compatRate = rows / offsets.seconds();
    double keysetRate = rows / keyset.seconds();
    return new Figure(
        "p3.keyset_vs_offset",
        "P3 `run --once`, keyset mode (`get`, SQLite)",
        "compat mode, `LIMIT ?<Limit> OFFSET ?<Offset>`, same backlog",
        compatRate,
        keysetRate,
        "rows/s",
        keysetRate / compatRate,
        "",
        Verdict.NO_TARGET,
        String.format("%.1f s against %.1f s wall", keyset.seconds(), offsets.seconds()),
        List.of());
  }

  private Figure roundTrips(String id, String form, Counted run, long emptyCycle, int pages) {
    double perPage = (run.transactions - emptyCycle) / (double) pages;
    return Bench.profiled(
        new Figure(
            id,
            "source transactions per 1,000-change page, " + form + " form",
            "one cycle over an empty window (clock and first page)",
            emptyCycle,
            perPage,
            "transactions",
            Double.NaN,
            "≤ 20 per page",
            Verdict.of(perPage <= 20),
            String.format(
                "(%d transactions of the backlog's cycle − %d of an empty one) / %d pages;"
                    + " counted in pg_stat_database",
                run.transactions, emptyCycle, pages),
            List.of()),
        run.run);
  }

  private Run once(String label, java.nio.file.Path config, BenchDatabase source)
      throws InterruptedException {
    return bench.runWithFreshStore(
        label, "run", config, source, StoreKind.SQLITE, List.of("--once"));
  }

  private Run onceInto(
      String label, java.nio.file.Path config, BenchDatabase source, StoreKind store)
      throws InterruptedException {
    return bench.runWithFreshStore(label, "run", config, source, store, List.of("--once"));
  }

  /** A run and the source transactions it cost. */
  private record Counted(Run run, long transactions) {}

  private interface RunStep {
    Run run() throws InterruptedException;
  }

  private static Counted counted(SourceCounters counters, RunStep step)
      throws InterruptedException {
    SourceCounters.Reading before = counters.settled();
    Run run = step.run();
    return new Counted(run, counters.settled().minus(before).transactions());
  }
}
