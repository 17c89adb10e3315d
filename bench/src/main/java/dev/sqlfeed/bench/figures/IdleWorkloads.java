package dev.sqlfeed.bench.figures;

import dev.sqlfeed.bench.db.AccessTables;
import dev.sqlfeed.bench.db.BenchDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Idle cycles: a committed cursor, nothing changed since, rows inside {@code overlap}. P2 compares
 * the source's database time of one idle cycle on a large table with one on a small table; the
 * same-tick workload counts the source transactions of an idle cycle on a table whose last rows
 * share one timestamp, beside the small table's. Each source is its own database, so its {@code
 * pg_stat_database} counters see nothing but the cycle. The first {@code run --once} (reading the
 * last two hours, about 3,600 rows) commits the cursor; the idle cycles that follow are measured,
 * the cheapest counting (warm cache).
 */
final class IdleWorkloads {
  private static final Duration LOOKBACK = Duration.ofHours(2);
  private static final Duration OVERLAP = Duration.ofMinutes(10);

  private final Bench bench;

  IdleWorkloads(Bench bench) {
    this.bench = bench;
  }

  /** What one measured idle cycle cost the source. */
  private record Idle(SourceCounters.Reading cost, Run run) {}

  List<Figure> run() throws Exception {
    Sizes sizes = bench.sizes();
    Idle small = idle("p2-small", sizes.idleSmall(), 0);
    Idle big = idle("p2-big", sizes.idleBig(), 0);
    Idle sameTick = idle("same-tick", sizes.sameTick(), sizes.sameTickShared());
    List<Figure> figures = new ArrayList<>();
    double ratio = big.cost.activeMillis() / small.cost.activeMillis();
    boolean met = ratio <= 1.5 && big.cost.activeMillis() <= 5;
    figures.add(
        Bench.profiled(
            new Figure(
                "p2.idle_database_time",
                String.format(
                    "P2 idle cycle (`run --once`), %,d-row table, index on the cursor",
                    sizes.idleBig()),
                String.format("the same on a %,d-row table", sizes.idleSmall()),
                small.cost.activeMillis(),
                big.cost.activeMillis(),
                "ms database time",
                ratio,
                "≤ 1.5× and ≤ 5 ms",
                Verdict.of(met),
                String.format(
                    "pg_stat_database.active_time; %d against %d source transactions",
                    big.cost.transactions(), small.cost.transactions()),
                List.of()),
            big.run));
    long count = sameTick.cost.transactions();
    figures.add(
        Bench.profiled(
            new Figure(
                "idle.same_tick_statements",
                String.format(
                    "idle cycle, %,d-row table whose last %,d rows share one timestamp",
                    sizes.sameTick(), sizes.sameTickShared()),
                String.format("idle cycle, %,d rows, distinct timestamps", sizes.idleSmall()),
                small.cost.transactions(),
                count,
                "source transactions",
                count / (double) small.cost.transactions(),
                "≤ 50 transactions",
                Verdict.of(count <= 50),
                String.format(
                    "%.1f s wall, %.1f s CPU; %.1f ms database time",
                    sameTick.run.seconds(),
                    sameTick.run.cpu().toMillis() / 1e3,
                    sameTick.cost.activeMillis()),
                List.of()),
            sameTick.run));
    return figures;
  }

  private Idle idle(String label, int rows, int sharedTail) throws Exception {
    try (BenchDatabase source = BenchDatabase.create(BenchDatabase.Kind.POSTGRES)) {
      AccessTables.users(source, rows);
      if (sharedTail > 0) {
        source.execute(
            "UPDATE users SET updated_at = (SELECT max(updated_at) FROM users) WHERE id > "
                + (rows - sharedTail),
            "VACUUM ANALYZE users");
      } else {
        source.execute("VACUUM ANALYZE users");
      }
      Path config =
          bench
              .configs()
              .write(label, Form.GET, "users", 1, LOOKBACK, OVERLAP, Duration.ofMinutes(1));
      Path store = bench.keptStore(label);
      SourceCounters counters = new SourceCounters(source);
      try {
        bench.once(label + "-commit", config, source, store);
        Idle cheapest = null;
        for (int i = 0; i < bench.sizes().idleRepeats(); i++) {
          SourceCounters.Reading before = counters.settled();
          Run run = bench.once(label + "-idle-" + (i + 1), config, source, store);
          Idle idle = new Idle(counters.settled().minus(before), run);
          if (cheapest == null || idle.cost.activeMillis() < cheapest.cost.activeMillis()) {
            cheapest = idle;
          }
        }
        return cheapest;
      } finally {
        Bench.deleteStore(store);
      }
    }
  }
}
