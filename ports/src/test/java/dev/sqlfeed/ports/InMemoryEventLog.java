package dev.sqlfeed.ports;

import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.MirrorRecord;
import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.ports.feed.GrantRestorer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * The event log of an {@link InMemorySyncStore}: the reference semantics of {@link EventLog}, with
 * every change applied one by one in page order. Not thread-safe; the store calls it under its
 * lock.
 */
final class InMemoryEventLog {
  private final List<StoredEvent> log = new ArrayList<>();

  /** Per app, the seq of each id. */
  private final Map<String, Map<String, Long>> ids = new HashMap<>();

  /**
   * Per app, the ids of events dropped as delivered by a restore, with its seq (RestoredGrants).
   */
  private final Map<String, Map<String, Long>> delivered = new HashMap<>();

  private final Map<List<String>, Checkpoint> checkpoints = new HashMap<>();

  /**
   * Writes a page into {@code mirror}, the app's records by {@link InMemorySyncStore#key}. Checks
   * everything before changing anything, so that a page either happens whole or not at all.
   */
  PageWriteResult write(
      String app,
      List<SourceEvent> events,
      Optional<Checkpoint> commit,
      Map<List<String>, MirrorRecord> mirror,
      Instant now) {
    PageChecks.check(app, events, commit);
    Map<String, Long> known = ids.computeIfAbsent(app, a -> new HashMap<>());
    Instant observedAt = now.truncatedTo(ChronoUnit.MICROS);
    long appended = 0;
    RestoredGrants restores = new RestoredGrants(lastRestored(app, events, mirror));
    Map<String, Long> delivered = this.delivered.computeIfAbsent(app, a -> new HashMap<>());
    Function<String, OptionalLong> seqOf =
        id -> {
          Long seq = known.containsKey(id) ? known.get(id) : delivered.get(id);
          return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
        };
    for (SourceEvent event : events) {
      FeedEvent feedEvent = event.event();
      boolean changes = event.changes().stream().anyMatch(c -> changes(mirror, c));
      if (seqOf.apply(feedEvent.id()).isEmpty()) {
        if (RestoredGrants.dropsRestore(feedEvent, changes)) {
          continue;
        }
        OptionalLong by = restores.deliveredBy(feedEvent);
        if (by.isPresent()) {
          delivered.put(feedEvent.id(), by.getAsLong());
          continue;
        }
      } else {
        Optional<String> again = Restatements.restatedId(feedEvent, changes, seqOf);
        if (again.isEmpty()) {
          continue;
        }
        feedEvent = Restatements.withId(feedEvent, again.get());
      }
      restores.appended(new SourceEvent(feedEvent, event.changes()), log.size() + 1L);
      appended++;
      known.put(feedEvent.id(), log.size() + 1L);
      log.add(new StoredEvent(log.size() + 1L, app, feedEvent, observedAt));
      event.changes().forEach(change -> apply(mirror, change));
    }
    commit.ifPresent(
        c ->
            checkpoints.put(
                List.of(app, c.source()),
                new Checkpoint(
                    app, c.source(), c.cursor(), c.committedAt().truncatedTo(ChronoUnit.MICROS))));
    return new PageWriteResult(appended, events.size() - appended, log.size());
  }

  /** Those grants of the page's creations that the mirror holds through a restore, with its seq. */
  private Map<Grant, Long> lastRestored(
      String app, List<SourceEvent> events, Map<List<String>, MirrorRecord> mirror) {
    List<Grant> asked = RestoredGrants.asked(events);
    if (asked.isEmpty()) {
      return Map.of();
    }
    Map<Grant, StoredEvent> last = new HashMap<>();
    for (StoredEvent stored : log) {
      if (stored.app().equals(app) && stored.event() instanceof FeedEvent.GrantEvent g) {
        last.put(new Grant(g.resource(), g.entitlement(), g.principal()), stored);
      }
    }
    Map<Grant, Long> restored = new HashMap<>();
    for (Grant grant : asked) {
      StoredEvent event = last.get(grant);
      if (event != null
          && event.event().id().startsWith(GrantRestorer.PREFIX)
          && mirror.containsKey(InMemorySyncStore.key(grant))) {
        restored.put(grant, event.seq());
      }
    }
    return restored;
  }

  /** The log's last seq: 0 when empty. */
  long lastSeq() {
    return log.size();
  }

  /** Whether the app's log has an event with this id. */
  boolean has(String app, String id) {
    return ids.getOrDefault(app, Map.of()).containsKey(id);
  }

  Optional<Checkpoint> checkpoint(String app, String source) {
    return Optional.ofNullable(checkpoints.get(List.of(app, source)));
  }

  Set<String> heldIds(String app, Collection<String> wanted) {
    Map<String, Long> known = ids.getOrDefault(app, Map.of());
    Set<String> held = new HashSet<>();
    for (String id : wanted) {
      if (known.containsKey(id)) {
        held.add(id);
      }
    }
    return held;
  }

  List<StoredEvent> events(Optional<String> app, long afterSeq, int limit) {
    Objects.requireNonNull(app, "app");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    List<StoredEvent> result = new ArrayList<>();
    for (int i = (int) Math.max(0, Math.min(afterSeq, log.size())); i < log.size(); i++) {
      if (result.size() >= limit) {
        break;
      }
      StoredEvent event = log.get(i);
      if (app.isEmpty() || app.get().equals(event.app())) {
        result.add(event);
      }
    }
    return result;
  }

  /** Whether applying the change alone to the mirror as it is would change the mirror. */
  private static boolean changes(Map<List<String>, MirrorRecord> mirror, MirrorChange change) {
    if (change instanceof MirrorChange.PutResource put) {
      ResourceRef ref = put.resource().resource();
      Map<List<String>, MirrorRecord> entitlements = new HashMap<>();
      put.entitlements().forEach(e -> entitlements.put(InMemorySyncStore.key(e), e));
      return !put.resource().equals(mirror.get(InMemorySyncStore.key(put.resource())))
          || !entitlements.equals(recordsOf(mirror, "2", ref));
    }
    if (change instanceof MirrorChange.DeleteResource delete) {
      ResourceRef ref = delete.resource();
      return !recordsOf(mirror, "1", ref).isEmpty()
          || !recordsOf(mirror, "2", ref).isEmpty()
          || !recordsOf(mirror, "3", ref).isEmpty();
    }
    if (change instanceof MirrorChange.PutGrant put) {
      return !mirror.containsKey(InMemorySyncStore.key(put.grant()));
    }
    return mirror.containsKey(InMemorySyncStore.key(((MirrorChange.DeleteGrant) change).grant()));
  }

  /** The records of one kind ("1" resources ...) that belong to {@code ref}, by key. */
  private static Map<List<String>, MirrorRecord> recordsOf(
      Map<List<String>, MirrorRecord> mirror, String kind, ResourceRef ref) {
    Map<List<String>, MirrorRecord> of = new HashMap<>();
    mirror.forEach(
        (key, record) -> {
          if (key.get(0).equals(kind)
              && key.get(1).equals(ref.resourceType())
              && key.get(2).equals(ref.resourceId())) {
            of.put(key, record);
          }
        });
    return of;
  }

  private static void apply(Map<List<String>, MirrorRecord> mirror, MirrorChange change) {
    if (change instanceof MirrorChange.PutResource put) {
      ResourceRef ref = put.resource().resource();
      mirror.put(InMemorySyncStore.key(put.resource()), put.resource());
      removeOf(mirror, "2", ref);
      put.entitlements().forEach(e -> mirror.put(InMemorySyncStore.key(e), e));
    } else if (change instanceof MirrorChange.DeleteResource delete) {
      ResourceRef ref = delete.resource();
      removeOf(mirror, "1", ref);
      removeOf(mirror, "2", ref);
      removeOf(mirror, "3", ref);
    } else if (change instanceof MirrorChange.PutGrant put) {
      mirror.put(InMemorySyncStore.key(put.grant()), put.grant());
    } else {
      mirror.remove(InMemorySyncStore.key(((MirrorChange.DeleteGrant) change).grant()));
    }
  }

  /** Removes the records of one kind ("1" resources ...) that belong to {@code ref}. */
  private static void removeOf(
      Map<List<String>, MirrorRecord> mirror, String kind, ResourceRef ref) {
    mirror
        .keySet()
        .removeIf(
            key ->
                key.get(0).equals(kind)
                    && key.get(1).equals(ref.resourceType())
                    && key.get(2).equals(ref.resourceId()));
  }
}
