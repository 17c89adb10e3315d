package dev.sqlfeed.worker.metrics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Timer;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.Resource;
import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.ports.Checkpoint;
import dev.sqlfeed.ports.EventLog;
import dev.sqlfeed.ports.GrantCheck;
import dev.sqlfeed.ports.GrantChecks;
import dev.sqlfeed.ports.PageWriteResult;
import dev.sqlfeed.ports.SourceEvent;
import dev.sqlfeed.ports.StoredEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The event log as the page activity uses it, timing each page write (events, mirror changes and
 * checkpoint in one store transaction) and counting the events written by kind. The store's answer
 * counts only new and duplicate events in all, so the kinds are those of every event a page handed
 * over, re-reads included; {@code sqlfeed_feed_duplicates_total} counts the ones the log already
 * had. Reads pass through unmeasured.
 */
public final class MeteredEventLog implements EventLog {
  /** The kinds of event, as the {@code kind} label has them. */
  static final List<String> KINDS =
      List.of("resource_changed", "resource_deleted", "grant_created", "grant_revoked");

  private final EventLog delegate;
  private final SqlfeedMetrics metrics;
  private final String app;
  private final Timer writes;

  /**
   * The counter of each kind, registered once: looking a counter up in the registry builds its
   * name, which profiled as a twentieth of a page write when done for every event.
   */
  private final Map<String, Counter> written = new java.util.concurrent.ConcurrentHashMap<>();

  public MeteredEventLog(EventLog delegate, SqlfeedMetrics metrics, String app) {
    this.delegate = delegate;
    this.metrics = metrics;
    this.app = app;
    this.writes =
        metrics.timer(
            "sqlfeed_store_write_seconds",
            "How long page writes to the store took: events, mirror changes and checkpoint in one"
                + " transaction.",
            "app",
            app);
    // Every kind's series exists from the start, at zero.
    KINDS.forEach(kind -> written.put(kind, written(kind)));
  }

  @Override
  public PageWriteResult writePage(
      String app, List<SourceEvent> events, Optional<Checkpoint> commit, GrantChecks checks) {
    PageWriteResult result;
    try (Timer.Context timing = writes.time()) {
      result = delegate.writePage(app, events, commit, checks);
    }
    for (SourceEvent e : events) {
      written.computeIfAbsent(e.event().kind(), this::written).inc();
    }
    return result;
  }

  private Counter written(String kind) {
    return metrics.counter(
        "sqlfeed_feed_events_written",
        "Events that incremental pages wrote to the store, by kind, re-reads included.",
        "app",
        app,
        "kind",
        kind);
  }

  @Override
  public List<GrantCheck> grantChecksDue(String app, String source, Instant scannedTo, int limit) {
    return delegate.grantChecksDue(app, source, scannedTo, limit);
  }

  @Override
  public Map<ResourceRef, Resource> resourcesInMirror(
      String app, Collection<ResourceRef> resources) {
    return delegate.resourcesInMirror(app, resources);
  }

  @Override
  public Set<ResourceRef> deletedFromMirror(String app, Collection<ResourceRef> resources) {
    return delegate.deletedFromMirror(app, resources);
  }

  @Override
  public Map<ResourceRef, Set<Grant>> grantsInMirror(
      String app, Collection<ResourceRef> resources) {
    return delegate.grantsInMirror(app, resources);
  }

  @Override
  public Set<String> heldIds(String app, Collection<String> ids) {
    return delegate.heldIds(app, ids);
  }

  @Override
  public Optional<Checkpoint> checkpoint(String app, String source) {
    return delegate.checkpoint(app, source);
  }

  @Override
  public List<StoredEvent> events(Optional<String> app, long afterSeq, int limit) {
    return delegate.events(app, afterSeq, limit);
  }
}
