package dev.sqlfeed.ports.fullsync;

import dev.sqlfeed.domain.mirror.MirrorRecord;
import dev.sqlfeed.ports.FullSyncWrite;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Stages a full sync's batches on a thread of its own, so that the next batch is read and mapped
 * while the one before is written. The hand-off holds one batch: at most three are in memory at
 * once (being filled, handed over, being written), whatever the size of the source.
 *
 * <p>Batches are staged in the order they were handed over, one at a time, so the store sees what
 * it would see from one thread. A batch the store fails to stage stops the writer, and its error is
 * thrown, unchanged, by the next {@link #put} or by {@link #finish}; the batches after it are
 * dropped (the run fails anyway). {@link #close} stops the writer and waits for it, so that nothing
 * stages behind a run's {@code fail} or {@code commit}.
 */
final class StagingWriter implements AutoCloseable {
  private static final long WAIT_MILLIS = 100;

  private final FullSyncWrite write;
  private final BlockingQueue<Item> handOff = new ArrayBlockingQueue<>(1);
  private final Thread thread;
  private volatile RuntimeException failure;
  private volatile boolean stopped;

  private sealed interface Item {}

  private record Batch(List<? extends MirrorRecord> records) implements Item {}

  private record End() implements Item {}

  StagingWriter(FullSyncWrite write, String name) {
    this.write = write;
    this.thread = new Thread(this::stageAll, name);
    thread.setDaemon(true);
    thread.start();
  }

  private void stageAll() {
    try {
      while (!stopped) {
        Item item = handOff.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        if (item instanceof End) {
          return;
        }
        if (item instanceof Batch batch) {
          write.put(batch.records());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = e;
    } catch (Error e) {
      failure = new IllegalStateException("staging a batch failed: " + e, e);
    }
  }

  /** Hands a batch to the writer, waiting while it still stages the one before. */
  void put(List<? extends MirrorRecord> records) {
    handOver(new Batch(records));
  }

  /** Waits until every batch handed over is staged; throws what staging one threw. */
  void finish() {
    handOver(new End());
    join();
    throwIfFailed();
  }

  private void handOver(Item item) {
    try {
      while (!handOff.offer(item, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        throwIfFailed();
        if (!thread.isAlive()) {
          throw new IllegalStateException("the full sync's staging thread has ended");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SyncInterrupted("the full sync was interrupted");
    }
    throwIfFailed();
  }

  private void throwIfFailed() {
    RuntimeException e = failure;
    if (e != null) {
      throw e;
    }
  }

  private void join() {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
      throw new SyncInterrupted("the full sync was interrupted");
    }
  }

  /** Stops the writer after the batch it is staging, and waits for it to end. */
  @Override
  public void close() {
    stopped = true;
    handOff.clear();
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
