package dev.sqlfeed.bench.figures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A running sqlfeed CLI process, sampled every 50 ms from outside: its peak RSS ({@code VmHWM}),
 * CPU and threads. Sampling stops when the process exits, so the last 50 ms may be missed; the
 * kernel's high-water mark makes an RSS peak inside them visible to the previous sample only if it
 * happened before it, which for a process's end (memory being freed) does not matter.
 */
final class Child implements AutoCloseable {
  private final String label;
  private final Process process;
  private final long startNanos;
  private final Path jfr;
  private final Path log;
  private final Thread sampler;
  private volatile long peakRss;
  private volatile Duration cpu = Duration.ZERO;
  private volatile int threads;
  private volatile int peakThreads;

  Child(String label, Process process, Path jfr, Path log) {
    this.label = label;
    this.process = process;
    this.startNanos = System.nanoTime();
    this.jfr = jfr;
    this.log = log;
    this.sampler = new Thread(this::sample, "sample-" + label);
    sampler.setDaemon(true);
    sampler.start();
  }

  private void sample() {
    long pid = process.pid();
    while (process.isAlive()) {
      ProcStatus.field(pid, "VmHWM").ifPresent(v -> peakRss = Math.max(peakRss, v));
      ProcStatus.field(pid, "Threads")
          .ifPresent(
              v -> {
                threads = (int) v;
                peakThreads = Math.max(peakThreads, threads);
              });
      process.toHandle().info().totalCpuDuration().ifPresent(d -> cpu = d);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * Waits until the output holds {@code count} lines containing {@code needle}, the process has
   * exited, or {@code limit} has passed; says whether the lines came.
   */
  boolean awaitLines(String needle, int count, Duration limit) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (process.isAlive() && System.nanoTime() < end) {
      try {
        if (Files.readAllLines(log).stream().filter(l -> l.contains(needle)).count() >= count) {
          return true;
        }
      } catch (java.io.IOException | java.io.UncheckedIOException notYet) {
        // The log is being written; read it again.
      }
      Thread.sleep(200);
    }
    return false;
  }

  /** CPU used so far (user plus system), read now. */
  Duration cpuNow() {
    return process.toHandle().info().totalCpuDuration().orElse(cpu);
  }

  /** Threads now, as last sampled. */
  int threads() {
    return threads;
  }

  /** Waits for the process to exit by itself, at most {@code limit}. */
  Run await(Duration limit) throws InterruptedException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          label + ": did not finish within " + limit + "; see " + log + "\n" + tail());
    }
    return finished();
  }

  /** Asks the process to stop (SIGTERM, as Ctrl-C or a service manager would) and waits. */
  Run stop() throws InterruptedException {
    process.destroy();
    return await(Duration.ofMinutes(3));
  }

  private Run finished() throws InterruptedException {
    Duration wall = Duration.ofNanos(System.nanoTime() - startNanos);
    sampler.join(1_000);
    return new Run(label, process.exitValue(), wall, peakRss, cpu, peakThreads, jfr, log);
  }

  /** The last lines of the process's output, for an error message. */
  String tail() {
    try {
      var lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (Exception e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
