package dev.sqlfeed.ports.fullsync;

import dev.sqlfeed.domain.mirror.MirrorRecord;
import dev.sqlfeed.ports.FullSyncWrite;
import java.util.ArrayList;
import java.util.List;

/** Collects mirror records and hands them to the store in batches, keeping memory flat. */
final class Batches {
  static final int SIZE = 5000;

  private final FullSyncWrite write;
  private final List<MirrorRecord> pending = new ArrayList<>(SIZE);

  Batches(FullSyncWrite write) {
    this.write = write;
  }

  void add(MirrorRecord record) {
    pending.add(record);
    if (pending.size() >= SIZE) {
      flush();
    }
  }

  void addAll(List<? extends MirrorRecord> records) {
    records.forEach(this::add);
  }

  void flush() {
    if (!pending.isEmpty()) {
      write.put(List.copyOf(pending));
      pending.clear();
    }
  }
}
