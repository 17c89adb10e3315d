package dev.sqlfeed.bench.soak;

/**
 * One look at the process's memory during a soak.
 *
 * @param cycles idle cycles (pages) done so far, all sources together
 * @param heapBytes heap in use right after full collections
 * @param rssBytes the process's resident set ({@code VmRSS})
 * @param seconds since the soak started
 */
record MemorySample(long cycles, long heapBytes, long rssBytes, long seconds) {
  MemorySample {
    if (cycles < 0 || heapBytes < 0 || rssBytes < 0 || seconds < 0) {
      throw new IllegalArgumentException("a memory sample has no negative parts");
    }
  }

  /** The CSV line {@link #parse} reads back. */
  String csv() {
    return cycles + "," + heapBytes + "," + rssBytes + "," + seconds;
  }

  static MemorySample parse(String line) {
    String[] parts = line.split(",");
    if (parts.length != 4) {
      throw new IllegalArgumentException("not a memory sample (cycles,heap,rss,seconds): " + line);
    }
    return new MemorySample(
        Long.parseLong(parts[0].strip()),
        Long.parseLong(parts[1].strip()),
        Long.parseLong(parts[2].strip()),
        Long.parseLong(parts[3].strip()));
  }
}
