package dev.sqlfeed.bench.figures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The machine a run measured on: cores, memory, the load average (read from {@code /proc}, before
 * and after: the figures of a shared machine mean little without it), and the commit measured.
 */
final class Machine {
  private Machine() {}

  static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** Total memory in MB, from {@code /proc/meminfo}; 0 if unreadable. */
  static long memoryMb() {
    return ProcStatus.meminfo("MemTotal") / (1024 * 1024);
  }

  /** The 1, 5 and 15 minute load averages, as {@code /proc/loadavg} spells them. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  static String java() {
    return System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
  }

  static String os() {
    return System.getProperty("os.name") + " " + System.getProperty("os.version");
  }

  /** {@code git describe --always --dirty} of the working directory, or {@code unknown}. */
  static String commit() {
    try {
      Process git =
          new ProcessBuilder("git", "describe", "--always", "--dirty", "--abbrev=12")
              .redirectErrorStream(true)
              .start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
