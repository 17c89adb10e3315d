package dev.sqlfeed.worker.publish;

import dev.sqlfeed.domain.error.SqlfeedException;
import dev.sqlfeed.ports.sink.EventPublisher;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes an app's events on a daemon thread of its own while the worker runs: batch after batch
 * until the sink has the whole log, then a look for new events every {@link Timing#idle}. The
 * sources write the log and never wait for this thread, so a broker outage slows no scan: it is
 * logged (in the sink's words, which carry no credentials) and retried after a pause that doubles
 * from {@link Timing#firstRetry} up to {@link Timing#maxRetry}.
 */
public final class PublishLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PublishLoop.class);

  /** How long to wait between looks and retries. */
  public record Timing(Duration idle, Duration firstRetry, Duration maxRetry) {
    public static final Timing DEFAULT =
        new Timing(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMinutes(1));

    public Timing {
      Objects.requireNonNull(idle, "idle");
      Objects.requireNonNull(firstRetry, "firstRetry");
      Objects.requireNonNull(maxRetry, "maxRetry");
      if (firstRetry.compareTo(maxRetry) > 0) {
        throw new IllegalArgumentException("firstRetry must not exceed maxRetry");
      }
    }
  }

  private final EventPublisher publisher;
  private final AutoCloseable sink;
  private final Timing timing;
  private final CountDownLatch stop = new CountDownLatch(1);
  private Thread thread;

  /**
   * @param sink closed with the loop, after its thread ended
   */
  public PublishLoop(EventPublisher publisher, AutoCloseable sink, Timing timing) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.timing = Objects.requireNonNull(timing, "timing");
  }

  /** Starts publishing on a daemon thread. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    thread = new Thread(this::run, "sqlfeed-publish");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Publishes on the caller's thread until the sink has every event of the log, for {@code run
   * --once}; not with {@link #start}.
   *
   * @return how many events were published
   * @throws SqlfeedException if the broker or the store failed; what was acknowledged is stored
   */
  public long drain() {
    long total = 0;
    for (int n = publisher.publishNext(); n > 0; n = publisher.publishNext()) {
      total += n;
    }
    return total;
  }

  private void run() {
    LOG.info("publishing events to {}", publisher.sinkName());
    Duration retry = timing.firstRetry();
    boolean failing = false;
    while (stop.getCount() > 0) {
      Duration pause;
      try {
        pause = publisher.publishNext() > 0 ? Duration.ZERO : timing.idle();
        if (failing) {
          LOG.info("publishing to {} again", publisher.sinkName());
          failing = false;
        }
        retry = timing.firstRetry();
      } catch (SqlfeedException e) {
        // Both the sink's and the store's messages are written to carry no secret.
        LOG.warn("publishing failed, retrying in {} ms: {}", retry.toMillis(), e.getMessage());
        failing = true;
        pause = retry;
        retry = min(retry.multipliedBy(2), timing.maxRetry());
      } catch (RuntimeException e) {
        LOG.warn(
            "publishing failed, retrying in {} ms: {}",
            retry.toMillis(),
            e.getClass().getSimpleName());
        LOG.debug("publishing failed", e);
        failing = true;
        pause = retry;
        retry = min(retry.multipliedBy(2), timing.maxRetry());
      }
      if (!pause.isZero() && await(pause)) {
        return;
      }
    }
  }

  /** Waits {@code pause}; true if asked to stop meanwhile. */
  private boolean await(Duration pause) {
    try {
      return stop.await(pause.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Stops the thread (letting a publish in flight finish or time out) and closes the sink. */
  @Override
  public void close() {
    stop.countDown();
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      try {
        t.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      sink.close();
    } catch (Exception e) {
      LOG.debug("closing the sink failed", e);
    }
  }
}
