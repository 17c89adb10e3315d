package dev.sqlfeed.worker.demo;

import dev.sqlfeed.ports.EventLog;
import dev.sqlfeed.ports.StoredEvent;
import dev.sqlfeed.ports.fullsync.ReconcileEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads the app's new events from the store as they are appended, hands each to a printer, and
 * keeps what the summary needs: events by kind, and the lag of every incremental event (from the
 * change's cursor value to the store appending it).
 */
public final class EventTail {
  private static final int BATCH = 500;

  private final EventLog log;
  private final String app;
  private final Consumer<StoredEvent> printer;
  private final Map<String, Integer> kinds = new TreeMap<>();
  private final List<Long> lagsMillis = new ArrayList<>();
  private long last;

  /**
   * @param after the seq after which to start
   */
  public EventTail(EventLog log, String app, long after, Consumer<StoredEvent> printer) {
    this.log = log;
    this.app = app;
    this.last = after;
    this.printer = printer;
  }

  /** Prints every event appended since the last call; returns how many. */
  public int drain() {
    int seen = 0;
    while (true) {
      List<StoredEvent> events = log.events(Optional.of(app), last, BATCH);
      for (StoredEvent e : events) {
        printer.accept(e);
        kinds.merge(e.event().kind(), 1, Integer::sum);
        if (!ReconcileEvents.SOURCE.equals(e.event().source())) {
          lagsMillis.add(Duration.between(e.event().cursor(), e.observedAt()).toMillis());
        }
        last = e.seq();
      }
      seen += events.size();
      if (events.size() < BATCH) {
        return seen;
      }
    }
  }

  /** Events seen, by kind. */
  public Map<String, Integer> kinds() {
    return Map.copyOf(kinds);
  }

  /** The lag below which {@code percent} of the incremental events were appended. */
  public Optional<Duration> lag(int percent) {
    if (lagsMillis.isEmpty()) {
      return Optional.empty();
    }
    List<Long> sorted = new ArrayList<>(lagsMillis);
    sorted.sort(null);
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return Optional.of(Duration.ofMillis(sorted.get(Math.max(0, index))));
  }
}
