package dev.sqlfeed.worker.property;

import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.ports.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The versions sqlfeed owes an event for, and the check of the event log against them.
 *
 * <p><b>Owed.</b> A version is owed an event when it was its row's current version, shown by its
 * source's query, from the opening of one of that source's cycles to the cycle's end, with a stamp
 * inside the cycle's window ({@code stamp >= committed cursor at the opening - overlap}; every
 * stamp is below {@code upTo} by construction). That is what docs/incremental.md promises: a cycle
 * reads every committed row of its window, and a version overwritten before any cycle could read it
 * has no promise.
 *
 * <p><b>Checked.</b> Event ids are unique; each incremental event's kind fits its source; every
 * identity (source, row, cursor) owed has an event, and none has more events than versions that
 * ever had it (so no event for a state that did not change, and no change with two). While each
 * row's versions have distinct stamps (the default, see {@link Flags}) an identity is one version,
 * and this is "exactly one event per change". When several versions share an identity, sqlfeed may
 * log one event for them all if the later ones would not change the mirror: the mirror checks cover
 * those. Grants put back with a resource ({@code restore:} ids) and reconciliation events are left
 * to the mirror and reconciliation checks; a membership owed an event is also delivered by a {@code
 * restore:} event of its grant, since a grants source drops its own event for a grant a restore put
 * in the mirror.
 */
final class EventLedger {
  /** Where a cycle opened: what its source showed, and the committed cursor it started from. */
  record Opening(Map<String, Version> shown, Optional<Instant> committed) {}

  /**
   * The id prefix of the grants that a refresh puts back with a resource the mirror lacked (issue 9
   * case 6, branch cursors-ticks): they stand for the resource's event, not for a row version.
   */
  private static final String RESTORE = "restore:";

  private final AccessModel model;
  private final Duration overlap;
  private final Map<Version.Identity, Set<Long>> owed = new HashMap<>();

  EventLedger(AccessModel model, Duration overlap) {
    this.model = model;
    this.overlap = overlap;
  }

  Opening opening(String source, Optional<Instant> committed) {
    return new Opening(model.visible(source), committed);
  }

  /** A cycle of {@code source} ended: the versions it must have read are now owed. */
  void cycleEnded(String source, Opening opening) {
    Map<String, Version> now = model.visible(source);
    long since =
        opening.committed().map(c -> c.minus(overlap).toEpochMilli()).orElse(Long.MIN_VALUE);
    opening
        .shown()
        .forEach(
            (row, version) -> {
              if (now.get(row) == version && version.identity().stamp() >= since) {
                owed.computeIfAbsent(version.identity(), i -> new HashSet<>())
                    .add(version.serial());
              }
            });
  }

  /** Problems of the log's incremental events; empty when it is right. */
  List<String> check(List<StoredEvent> log) {
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<String> restored = new HashSet<>();
    Map<Version.Identity, Integer> counts = new HashMap<>();
    for (StoredEvent stored : log) {
      FeedEvent e = stored.event();
      if (!ids.add(e.id())) {
        problems.add("event id " + e.id() + " appended twice (seq " + stored.seq() + ")");
      }
      if (e.id().startsWith(RESTORE) && e instanceof FeedEvent.GrantEvent g) {
        restored.add(e.resource().resourceId() + ":" + g.principal().resourceId());
      }
      if (e.source().equals("full-sync") || e.id().startsWith(RESTORE)) {
        continue;
      }
      String expectedKind =
          switch (e.source()) {
            case AccessModel.USERS, AccessModel.GROUPS -> "resource_changed";
            case AccessModel.CHANGES -> "grant_created";
            case AccessModel.REVOKES -> "grant_revoked";
            default -> "none";
          };
      if (!e.kind().equals(expectedKind)) {
        problems.add("seq " + stored.seq() + ": a " + e.kind() + " event from " + e.source());
        continue;
      }
      String row =
          e instanceof FeedEvent.GrantEvent g
              ? e.resource().resourceId() + ":" + g.principal().resourceId()
              : e.resource().resourceId();
      counts.merge(
          new Version.Identity(e.source(), row, e.cursor().toEpochMilli()), 1, Integer::sum);
    }
    counts.forEach(
        (identity, n) -> {
          int existed = model.versions(identity);
          if (n > existed) {
            problems.add(
                n + " events for " + identity + ", of which " + existed + " versions ever existed");
          }
        });
    owed.forEach(
        (identity, versions) -> {
          // A membership that a restore put back is delivered by the restore's event: its own
          // row's grant_created is dropped as delivered (GrantRestorer#withoutRestored).
          boolean deliveredByRestore =
              identity.source().equals(AccessModel.CHANGES) && restored.contains(identity.row());
          if (counts.getOrDefault(identity, 0) == 0 && !deliveredByRestore) {
            problems.add(
                "missed: "
                    + identity
                    + " was shown through a whole cycle ("
                    + versions.size()
                    + " versions owed) but has no event");
          }
        });
    return problems;
  }

  /**
   * After a quiet cycle of every source: versions shown now that no event stands for although no
   * cycle owed them. Non-empty means the generator stamped a version outside every window (a
   * mistake of the test, not of sqlfeed), so a mirror difference would prove nothing. Memberships
   * of a re-activated group are left to the mirror check ({@link AccessModel#hidden}).
   */
  List<String> unowedAndUnseen(List<StoredEvent> log) {
    Set<Version.Identity> seen = new HashSet<>();
    Set<String> restored = new HashSet<>();
    for (StoredEvent stored : log) {
      FeedEvent e = stored.event();
      String row =
          e instanceof FeedEvent.GrantEvent g
              ? e.resource().resourceId() + ":" + g.principal().resourceId()
              : e.resource().resourceId();
      seen.add(new Version.Identity(e.source(), row, e.cursor().toEpochMilli()));
      if (e.id().startsWith(RESTORE)) {
        restored.add(row);
      }
    }
    List<String> out = new ArrayList<>();
    for (String source : AccessModel.SOURCES) {
      model
          .visible(source)
          .values()
          .forEach(
              v -> {
                if (!seen.contains(v.identity())
                    && !(source.equals(AccessModel.CHANGES)
                        && restored.contains(v.identity().row()))
                    && !owed.containsKey(v.identity())
                    && !model.hidden.contains(v.serial())) {
                  out.add(v.identity().toString());
                }
              });
    }
    return out;
  }
}
