package dev.sqlfeed.workflows;

import dev.sqlfeed.domain.feed.CycleState;
import dev.sqlfeed.domain.feed.RunningCycle;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Overlaps the read stage of a scan with its write stage: while the activity's thread writes, a
 * reader thread reads, maps and refreshes the pages after it ({@link PagePreparer}, with a source
 * connection of its own) and hands them over through a queue that holds {@link #HAND_OFF_PAGES}
 * pages. At most {@link #HAND_OFF_PAGES} + 2 pages are in memory at once: those being written,
 * those handed over, and the one being read.
 *
 * <p>Only reading is moved off the activity's thread; every page is written there, in order, and
 * each within one store transaction, so the guarantees of a single page hold for each page of a
 * call. The writer takes the pages that are there ({@link #ready}) and may write them in one
 * transaction, so that when it falls behind its transactions grow instead of the queue. The reader
 * follows the cycle's position on its own (from each page's rows, which is all the next read
 * depends on), never the store's.
 *
 * <p>A read that fails on the reader thread is not thrown: {@link #next} answers empty, the caller
 * returns what it has written, and the next call reads that page again on its own thread, where the
 * same error surfaces as it would have without the pipeline. Closing the pipeline stops the reader
 * at its next row (which ends its read and gives its connection back) and waits a while for it to
 * finish.
 */
final class PagePipeline implements AutoCloseable {
  /** The read stage: reads, maps and refreshes the page after {@code cycle}'s position. */
  interface Stage {
    PreparedPage read(RunningCycle cycle, LongConsumer progress);
  }

  /** Pages the hand-off holds. */
  static final int HAND_OFF_PAGES = 4;

  private static final long WAIT_SECONDS = 5;
  private static final long JOIN_MILLIS = 10_000;

  private final BlockingQueue<Item> handOff = new ArrayBlockingQueue<>(HAND_OFF_PAGES);

  /** The reader's last word once taken (its end, or its failure): no page comes after it. */
  private Item last;

  private final Thread reader;
  private volatile boolean stopped;

  private sealed interface Item {}

  private record Page(PreparedPage page) implements Item {}

  private record Failed(Throwable error) implements Item {}

  private record End() implements Item {}

  /** Thrown on the reader thread, through the source reader's sink, to end a read early. */
  private static final class Stopped extends RuntimeException {
    Stopped() {
      super("the page pipeline was closed", null, false, false);
    }
  }

  private PagePipeline(String name, Runnable loop) {
    reader = new Thread(loop, name);
    reader.setDaemon(true);
  }

  /**
   * Starts reading the pages after {@code first}.
   *
   * @param before the cycle's state before {@code first}
   * @param first a page already read that did not exhaust the window
   * @param pages at most this many further pages are read
   * @param more asked before each read; false stops the reader (the call's time is up)
   */
  static PagePipeline start(
      String name,
      CycleState before,
      PreparedPage first,
      int pages,
      BooleanSupplier more,
      Stage read) {
    PagePipeline[] self = new PagePipeline[1];
    self[0] = new PagePipeline(name, () -> self[0].readAll(before, first, pages, more, read));
    self[0].reader.start();
    return self[0];
  }

  private void readAll(
      CycleState before, PreparedPage first, int pages, BooleanSupplier more, Stage read) {
    try {
      CycleState state = before.page(first.probe());
      for (int i = 0; i < pages && !stopped && more.getAsBoolean(); i++) {
        PreparedPage page = read.read(state.cycle().orElseThrow(), rows -> stopIfClosed());
        if (!handOver(new Page(page)) || page.exhausted()) {
          return;
        }
        state = state.page(page.probe());
      }
      handOver(new End());
    } catch (Stopped e) {
      // Closed while reading: nobody waits for the page.
    } catch (Throwable e) {
      handOver(new Failed(e));
    }
  }

  private void stopIfClosed() {
    if (stopped) {
      throw new Stopped();
    }
  }

  /** Waits for room in the hand-off without an interrupt, so that no JDBC call sees one. */
  private boolean handOver(Item item) {
    try {
      while (!stopped) {
        if (handOff.offer(item, 100, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /**
   * The next page, or empty when there is none to write in this call: the reader reached its limit
   * or its time, its read failed (an {@link Error} is rethrown), or this thread was interrupted.
   *
   * @param waiting told while the reader is slower than the writer, every few seconds, so that the
   *     activity keeps heartbeating (and learns of its cancellation, by an exception from it)
   */
  Optional<PreparedPage> next(Runnable waiting) {
    try {
      while (last == null) {
        Item item = handOff.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (item == null) {
          waiting.run();
          continue;
        }
        return page(item);
      }
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The next page if the reader has handed it over already; empty, without waiting, if not. */
  Optional<PreparedPage> ready() {
    if (last != null) {
      return Optional.empty();
    }
    Item item = handOff.poll();
    return item == null ? Optional.empty() : page(item);
  }

  /** The page an item holds, or empty for the reader's last word, which is kept. */
  private Optional<PreparedPage> page(Item item) {
    if (item instanceof Page p) {
      return Optional.of(p.page());
    }
    last = item;
    if (item instanceof Failed f && f.error() instanceof Error error) {
      throw error;
    }
    return Optional.empty();
  }

  /** Stops the reader and waits for it to end, so that its connection is back in the pool. */
  @Override
  public void close() {
    stopped = true;
    handOff.clear();
    try {
      reader.join(JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the reader thread has ended. */
  boolean ended() {
    return !reader.isAlive();
  }
}
