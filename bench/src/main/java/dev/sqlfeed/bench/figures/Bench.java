package dev.sqlfeed.bench.figures;

import dev.sqlfeed.bench.db.BenchApp;
import dev.sqlfeed.bench.db.BenchDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every workload of one figures run shares: the sizes, the CLI launcher, the config writer,
 * and the stores each run gets fresh (an SQLite file, or a new PostgreSQL database), removed after
 * the run.
 *
 * @param sizes the run's sizes
 * @param sqlfeed the CLI launcher
 * @param configs the config writer
 * @param work where stores and configs go
 */
record Bench(Sizes sizes, Sqlfeed sqlfeed, Configs configs, Path work) {
  /** The longest one child process may take before the run gives up on it. */
  static final Duration LIMIT = Duration.ofHours(2);

  /** Where a run writes: an SQLite file or a new PostgreSQL database. */
  enum StoreKind {
    SQLITE,
    POSTGRES
  }

  /** The environment of a child reading {@code source}, with the store's credentials if any. */
  static Map<String, String> env(BenchDatabase source, BenchDatabase store) {
    Map<String, String> env = new HashMap<>();
    env.put("BENCH_DSN", BenchApp.dsn(source));
    if (store != null) {
      env.put("SQLFEED_STORE_USER", store.user());
      env.put("SQLFEED_STORE_PASSWORD", store.password());
    }
    return env;
  }

  /**
   * Runs {@code sqlfeed <command> --config CONFIG --store <fresh store> <extra>} to its end, the
   * store removed afterwards.
   */
  Run runWithFreshStore(
      String label,
      String command,
      Path config,
      BenchDatabase source,
      StoreKind storeKind,
      List<String> extra)
      throws InterruptedException {
    BenchDatabase store =
        storeKind == StoreKind.POSTGRES ? BenchDatabase.create(BenchDatabase.Kind.POSTGRES) : null;
    Path file = work.resolve(label + "-store.db");
    try {
      List<String> args = new ArrayList<>(List.of(command, "--config", config.toString()));
      args.add("--store");
      args.add(store == null ? "jdbc:sqlite:" + file : store.jdbcUrl());
      args.addAll(Sqlfeed.embeddedPort());
      args.addAll(extra);
      return sqlfeed.run(label, args, env(source, store), LIMIT);
    } finally {
      if (store != null) {
        store.close();
      }
      deleteStore(file);
    }
  }

  /** A store kept across runs (for idle cycles after a committing one): an SQLite file. */
  Path keptStore(String label) {
    return work.resolve(label + "-store.db");
  }

  /** Runs {@code sqlfeed run --once} against a kept SQLite store. */
  Run once(String label, Path config, BenchDatabase source, Path store)
      throws InterruptedException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run", "--once", "--config", config.toString(), "--store", "jdbc:sqlite:" + store));
    args.addAll(Sqlfeed.embeddedPort());
    return sqlfeed.run(label, args, env(source, null), LIMIT);
  }

  static void deleteStore(Path file) {
    for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
      try {
        Files.deleteIfExists(Path.of(file + suffix));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A missed figure carries its run's top frames. */
  static Figure profiled(Figure figure, Run run) {
    return figure.verdict() == Verdict.MISSED
        ? figure.withHotFrames(HotFrames.of(run.jfr()))
        : figure;
  }
}
