package dev.sqlfeed.bench.figures;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One finished child process of the sqlfeed CLI, measured from outside.
 *
 * @param label the workload's name for its files
 * @param exitCode the process's exit code
 * @param wall from start to exit
 * @param peakRssBytes the highest {@code VmHWM} sampled (the kernel's own high-water mark)
 * @param cpu user plus system CPU at the last sample before exit
 * @param peakThreads the most threads sampled
 * @param jfr the flight recording of the run
 * @param log stdout and stderr of the run
 */
public record Run(
    String label,
    int exitCode,
    Duration wall,
    long peakRssBytes,
    Duration cpu,
    int peakThreads,
    Path jfr,
    Path log) {

  /** Wall time in seconds. */
  public double seconds() {
    return wall.toNanos() / 1e9;
  }

  /** Peak RSS in MB. */
  public double peakRssMb() {
    return peakRssBytes / (1024.0 * 1024.0);
  }
}
