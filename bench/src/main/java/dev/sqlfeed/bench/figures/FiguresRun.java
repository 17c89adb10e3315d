package dev.sqlfeed.bench.figures;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * One command for the figures of issue #10: runs every workload beside its baseline, in one run,
 * and writes {@code BENCHMARKS.md} and {@code benchmarks.json}. {@code bench/run.sh} is its front
 * door.
 *
 * <pre>
 * FiguresRun [--smoke] [--only backlog|idle|many] [--out DIR] [--work DIR]
 *     [--jar worker/target/sqlfeed.jar]
 * </pre>
 *
 * <p>{@code --only} runs one group of workloads, to re-measure a change without the whole run; its
 * report holds that group's rows only, so it is not what {@code BENCHMARKS.md} at the root is.
 *
 * <p>A workload that fails does not stop the others: its rows say why, and the exit code is 1. A
 * missed target is a figure, not a failure (exit 0).
 */
public final class FiguresRun {
  /** The row ids of each workload group, in report order: what a complete report holds. */
  static final List<String> BACKLOG_IDS =
      List.of(
          "ceiling.plain_write.sqlite",
          "ceiling.plain_write.postgres",
          "p1.get.sqlite",
          "p1.get.postgres",
          "p1.deleted_if.sqlite",
          "p1.deleted_if.postgres",
          "fullsync.sqlite",
          "p3.keyset_vs_offset",
          "roundtrips.get",
          "roundtrips.deleted_if",
          "p4.peak_rss");

  static final List<String> IDLE_IDS =
      List.of("p2.idle_database_time", "idle.same_tick_statements");
  static final List<String> MANY_IDS = List.of("p6.idle_sources_cpu");

  /** Every row id a complete report holds. */
  public static List<String> ids() {
    List<String> all = new ArrayList<>(BACKLOG_IDS);
    all.addAll(IDLE_IDS);
    all.addAll(MANY_IDS);
    return all;
  }

  private FiguresRun() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args));
  }

  /** Runs the figures; returns the process exit code (0: every workload ran; 1: one failed). */
  public static int run(String... args) throws Exception {
    boolean smoke = false;
    String only = null;
    Path out = null;
    Path work = null;
    Path jar = Path.of("worker/target/sqlfeed.jar");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--smoke" -> smoke = true;
        case "--only" -> only = args[++i];
        case "--out" -> out = Path.of(args[++i]);
        case "--work" -> work = Path.of(args[++i]);
        case "--jar" -> jar = Path.of(args[++i]);
        default -> {
          System.err.println(
              "usage: FiguresRun [--smoke] [--only backlog|idle|many] [--out DIR] [--work DIR]"
                  + " [--jar sqlfeed.jar]; not: "
                  + args[i]);
          return 2;
        }
      }
    }
    Sizes sizes = smoke ? Sizes.smoke() : Sizes.full();
    out = out == null ? Path.of(".") : out;
    work = work == null ? out.resolve("figures-" + sizes.mode()) : work;
    List<String> javaOptions = new ArrayList<>();
    String opts = System.getenv("SQLFEED_JAVA_OPTS");
    if (opts != null && !opts.isBlank()) {
      javaOptions.addAll(Arrays.asList(opts.trim().split("\\s+")));
    }
    if (smoke) {
      // The smoke run's figures are not targets: the C1 compiler alone starts the CLI faster.
      javaOptions.add("-XX:TieredStopAtLevel=1");
    }
    Bench bench =
        new Bench(
            sizes,
            new Sqlfeed(
                jar.toAbsolutePath(),
                javaOptions,
                work.resolve("runs").toAbsolutePath(),
                smoke ? classArchive(work) : null),
            new Configs(work.resolve("configs").toAbsolutePath()),
            work.toAbsolutePath());
    String command =
        System.getProperty("sqlfeed.figures.command", "FiguresRun " + String.join(" ", args));
    Instant started = Instant.now();
    String loadBefore = Machine.loadAverage();
    List<Group> all =
        List.of(
            new Group("backlog", BACKLOG_IDS, () -> new BacklogWorkloads(bench).run()),
            new Group("idle", IDLE_IDS, () -> new IdleWorkloads(bench).run()),
            new Group("many", MANY_IDS, () -> List.of(new ManySourcesWorkload(bench).run())));
    String chosen = only;
    List<Group> groups =
        all.stream().filter(g -> chosen == null || g.name().equals(chosen)).toList();
    if (groups.isEmpty()) {
      System.err.println("--only takes backlog, idle or many; not: " + only);
      return 2;
    }
    // One group after the other, the smoke run too, so that no workload shares the machine with
    // another (run concurrently, the smoke run's processes starved each other on 2 cores).
    List<Figure> figures = groups.stream().flatMap(g -> g.run().stream()).toList();
    boolean failed = figures.stream().anyMatch(f -> f.verdict() == Verdict.FAILED);
    RunInfo info =
        new RunInfo(
            sizes.mode(),
            command,
            started,
            Instant.now(),
            Machine.commit(),
            loadBefore,
            Machine.loadAverage(),
            bench.sqlfeed().retries());
    Report.write(out, info, figures);
    System.out.println(Report.markdown(info, figures));
    System.out.println(
        "written: " + out.resolve(Report.MARKDOWN) + ", " + out.resolve(Report.JSON));
    return failed ? 1 : 0;
  }

  /** A fresh class-data archive for this smoke run's child processes. */
  private static Path classArchive(Path work) throws java.io.IOException {
    Path archive = work.resolve("sqlfeed.jsa").toAbsolutePath();
    java.nio.file.Files.createDirectories(work);
    java.nio.file.Files.deleteIfExists(archive);
    return archive;
  }

  /** Workloads that share their databases, and the row ids they report. */
  private record Group(String name, List<String> ids, Callable<List<Figure>> workloads) {
    /** The group's rows; if it fails, a failed row for each of its ids, saying why. */
    List<Figure> run() {
      System.err.println("figures: " + ids + " ...");
      try {
        return workloads.call();
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        e.printStackTrace();
        String why = "failed: " + e.getMessage();
        return ids.stream().map(id -> Figure.failed(id, id, why)).toList();
      }
    }
  }
}
