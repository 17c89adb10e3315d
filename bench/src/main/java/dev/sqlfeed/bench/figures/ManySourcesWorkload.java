package dev.sqlfeed.bench.figures;

import dev.sqlfeed.bench.db.AccessTables;
import dev.sqlfeed.bench.db.BenchDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * P6: the CPU of one long-running worker ({@code sqlfeed run}, embedded Temporal) with many idle
 * sources, against the same worker with few. Each source is a user type over the same 20-row table,
 * all of whose rows stay inside {@code overlap} of the committed cursor, so every poll re-reads
 * them. The worker first gets {@code warmUp} to start and finish its first cycles; its CPU (user
 * plus system, from {@code /proc}) is then measured over {@code window}, and it is stopped with
 * SIGTERM.
 */
final class ManySourcesWorkload {
  private static final int ROWS = 20;

  private final Bench bench;

  ManySourcesWorkload(Bench bench) {
    this.bench = bench;
  }

  /** A worker's share of one core over the window, and its threads at the end of it. */
  private record Load(double coreShare, int threads, Run run) {}

  Figure run() throws Exception {
    Sizes sizes = bench.sizes();
    try (BenchDatabase source = BenchDatabase.create(BenchDatabase.Kind.POSTGRES)) {
      AccessTables.users(source, ROWS);
      Load few = load(source, sizes.fewSources());
      Load many = load(source, sizes.manySources());
      double ratio = many.coreShare / few.coreShare;
      return Bench.profiled(
          new Figure(
              "p6.idle_sources_cpu",
              String.format(
                  "P6 `run`, %d idle sources, poll %ds, CPU over %ds",
                  sizes.manySources(),
                  sizes.pollInterval().toSeconds(),
                  sizes.window().toSeconds()),
              String.format("the same worker with %d sources", sizes.fewSources()),
              100 * few.coreShare,
              100 * many.coreShare,
              "% of one core",
              ratio,
              "≤ 10 % of one core",
              Verdict.of(100 * many.coreShare <= 10),
              String.format(
                  "threads %d against %d; peak RSS %.0f MB against %.0f MB",
                  many.threads, few.threads, many.run.peakRssMb(), few.run.peakRssMb()),
              List.of()),
          many.run);
    }
  }

  private Load load(BenchDatabase source, int sources) throws Exception {
    Sizes sizes = bench.sizes();
    String label = "p6-" + sources + "-sources";
    Path config =
        bench
            .configs()
            .write(
                label,
                Form.GET,
                "users",
                sources,
                Duration.ofDays(1),
                Duration.ofMinutes(1),
                sizes.pollInterval());
    Path store = bench.keptStore(label);
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--config",
                config.toString(),
                "--store",
                "jdbc:sqlite:" + store,
                "--full-sync-interval",
                "0"));
    args.addAll(Sqlfeed.embeddedPort());
    try (Child child = bench.sqlfeed().start(label, args, Bench.env(source, null))) {
      // Starting 200 workflows takes a while on a loaded machine, and a SIGTERM before the worker
      // has set up its handlers is not the clean stop being measured: the warm-up counts from the
      // log line of the last source started (or a minute, should the log read otherwise).
      child.awaitLines(" sqlfeed/bench/", sources, Duration.ofMinutes(1));
      Thread.sleep(sizes.warmUp().toMillis());
      long start = System.nanoTime();
      Duration before = child.cpuNow();
      Thread.sleep(sizes.window().toMillis());
      Duration after = child.cpuNow();
      double wall = (System.nanoTime() - start) / 1e9;
      int threads = child.threads();
      Run run = child.stop();
      if (run.exitCode() != 0) {
        throw new IllegalStateException(
            label
                + ": sqlfeed exited "
                + run.exitCode()
                + "; see "
                + run.log()
                + "\n"
                + child.tail());
      }
      return new Load(after.minus(before).toNanos() / 1e9 / wall, threads, run);
    } finally {
      Bench.deleteStore(store);
    }
  }
}
