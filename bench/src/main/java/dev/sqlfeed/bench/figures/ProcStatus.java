package dev.sqlfeed.bench.figures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Reads one field of {@code /proc/<pid>/status} (or {@code /proc/meminfo}). The process may exit
 * between two reads, so an absent file is an empty answer, not an error.
 */
final class ProcStatus {
  private ProcStatus() {}

  /** A field such as {@code VmHWM} (in bytes, from kB) or {@code Threads}. */
  static OptionalLong field(long pid, String name) {
    return field(Path.of("/proc", Long.toString(pid), "status"), name);
  }

  /** A field of {@code /proc/meminfo} in bytes, or 0. */
  static long meminfo(String name) {
    return field(Path.of("/proc/meminfo"), name).orElse(0);
  }

  private static OptionalLong field(Path file, String name) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(name + ":")) {
          String[] parts = line.substring(name.length() + 1).trim().split("\\s+");
          long value = Long.parseLong(parts[0]);
          return OptionalLong.of(parts.length > 1 && parts[1].equals("kB") ? value * 1024 : value);
        }
      }
      return OptionalLong.empty();
    } catch (IOException | RuntimeException gone) {
      return OptionalLong.empty();
    }
  }
}
