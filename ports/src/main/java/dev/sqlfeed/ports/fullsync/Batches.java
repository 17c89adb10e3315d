package dev.sqlfeed.ports.fullsync;

import dev.sqlfeed.domain.mirror.MirrorRecord;
import dev.sqlfeed.ports.FullSyncWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects mirror records and hands them to the store in batches, keeping memory flat. Batches are
 * staged by a {@link StagingWriter} while the next one fills, unless {@code
 * -Dsqlfeed.pipeline=false} (for measuring the overlap against one thread in the same build, not
 * for production).
 */
final class Batches implements AutoCloseable {
  static final int SIZE = 5000;

  private static final boolean PIPELINE =
      !"false".equalsIgnoreCase(System.getProperty("sqlfeed.pipeline"));

  private final StagingWriter writer;
  private final Consumer<List<? extends MirrorRecord>> stage;
  private List<MirrorRecord> pending = new ArrayList<>(SIZE);

  Batches(FullSyncWrite write) {
    this.writer = PIPELINE ? new StagingWriter(write, "sqlfeed-fullsync-staging") : null;
    this.stage = writer != null ? writer::put : write::put;
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

  /** Stages every record added: returns when the store holds them all. */
  void finish() {
    flush();
    if (writer != null) {
      writer.finish();
    }
  }

  private void flush() {
    if (!pending.isEmpty()) {
      // A fresh list, not a cleared one: the writer may still be staging the one handed over.
      List<MirrorRecord> batch = pending;
      pending = new ArrayList<>(SIZE);
      stage.accept(batch);
    }
  }

  /** Stops staging, waiting for a batch being staged: call before a run's commit or fail. */
  @Override
  public void close() {
    if (writer != null) {
      writer.close();
    }
  }
}
