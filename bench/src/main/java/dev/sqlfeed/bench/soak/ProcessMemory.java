package dev.sqlfeed.bench.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;

/** This process's memory as the soak reports it. */
final class ProcessMemory {
  private ProcessMemory() {}

  /**
   * Heap in use after full collections. Several, a little apart, because objects with finalizers or
   * cleaners (gRPC channels, Netty buffers) are freed only by a later collection.
   */
  static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The resident set from {@code /proc/self/status}; 0 where there is no such file. */
  static long rss() {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return 0;
    }
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The first lines of the live-object class histogram ({@code jcmd PID GC.class_histogram}), to
   * see what a growing heap holds.
   */
  static String histogram(int lines) {
    try {
      Object text =
          ManagementFactory.getPlatformMBeanServer()
              .invoke(
                  new ObjectName("com.sun.management:type=DiagnosticCommand"),
                  "gcClassHistogram",
                  new Object[] {new String[0]},
                  new String[] {String[].class.getName()});
      String[] all = String.valueOf(text).split("\n");
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < Math.min(lines, all.length); i++) {
        out.append(all[i]).append('\n');
      }
      return out.toString();
    } catch (JMException e) {
      return "no class histogram: " + e.getMessage() + "\n";
    }
  }
}
