package dev.sqlfeed.ports.feed;

import dev.sqlfeed.domain.config.resource.GrantRestore;
import dev.sqlfeed.domain.config.resource.ResourceIncrementalSync;
import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.feed.FeedSource;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.domain.sync.MappedResource;
import dev.sqlfeed.domain.sync.ResourceRowMapper;
import dev.sqlfeed.ports.EventLog;
import dev.sqlfeed.ports.GrantCheck;
import dev.sqlfeed.ports.MirrorChange;
import dev.sqlfeed.ports.SourceEvent;
import dev.sqlfeed.ports.SourceReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives a changed resource the grants the database holds for it and the mirror lacks.
 *
 * <p>A grants source's {@code changes_query} often reads only the memberships of live resources (it
 * joins the group's {@code deleted_at}), so a membership added while its group was soft-deleted is
 * read past; and deleting a resource drops the grants on it. When the resource comes back, its
 * membership rows have not changed, so no grants source reads them again. So the grants of a page's
 * changed resources are re-read with the type's grants queries, as a full sync runs them per
 * resource (batched per page), and each grant the mirror lacks follows the resource's event as a
 * {@code grant_created} in the same page transaction:
 *
 * <ul>
 *   <li>a resource put back (deleted from the mirror before the page, as {@link
 *       EventLog#deletedFromMirror} tells, or by an earlier event of the page) gets all of its
 *       grants, whatever its type's {@code restore_grants};
 *   <li>a resource the mirror holds, or holds grants on, changed by an event new to the log, gets
 *       those the mirror lacks ({@link EventLog#grantsInMirror}), unless its type says {@code
 *       restore_grants: on_put_back}: its source may never have seen it deleted (deleted and
 *       re-activated between two reads, or even created, deleted and re-activated: then the mirror
 *       lacks it but holds the grants read before it was deleted). A re-read of a change the log
 *       holds (a row inside the overlap) restores nothing, so idle cycles cost no grants queries;
 *   <li>a resource the mirror knows nothing of, changed by an event new to the log, gets none now:
 *       its grants reach the mirror through their own rows, which are new too, and re-reading them
 *       here would log them under the resource's source. Unless its type says {@code
 *       restore_grants: on_put_back}, each of its type's grants sources owes it a {@link
 *       GrantCheck} instead, written with the page: once that source has scanned past the time the
 *       resource was read, what it did not deliver (memberships it read past while the resource was
 *       soft-deleted, before this source ever saw it) is restored by {@link GrantChecker}.
 * </ul>
 *
 * <p>A grant restored this way may also be read from its own row by a grants source (a membership
 * added just before its group changed), before or after the restore: the store logs it once ({@link
 * dev.sqlfeed.ports.RestoredGrants}).
 *
 * <p>Ids: {@code restore:<resource event id>:<entitlement>:<principal type>:<principal id>}, so the
 * same re-read restores under the same ids. These grants were read from the database now, like a
 * {@code get}, so {@link dev.sqlfeed.ports.Restatements} restates one whose id the log has when the
 * mirror lacks it (a resource deleted and put back twice within one tick).
 */
public final class GrantRestorer {
  /** How the ids of restored grants begin. */
  public static final String PREFIX = "restore:";

  private final ResourceGrants grants;
  private final EventLog log;
  private final Map<String, List<String>> grantSources = new HashMap<>();

  /**
   * @param sources the config's incremental sources: the grants sources among them owe checks
   */
  public GrantRestorer(SourceReader source, EventLog log, Collection<FeedSource> sources) {
    this.grants = new ResourceGrants(source);
    this.log = log;
    for (FeedSource feed : sources) {
      if (feed.kind() == FeedSource.Kind.GRANT_CHANGES && feed.resourceType().isPresent()) {
        grantSources
            .computeIfAbsent(feed.resourceType().get().id(), t -> new ArrayList<>())
            .add(feed.key());
      }
    }
  }

  /**
   * What a page gives: its events, each followed by the grants it restores, and the grant checks
   * that it owes.
   */
  public record Restored(List<SourceEvent> events, List<GrantCheck> owed) {}

  /**
   * The page with the grants of every resource it changes that the mirror lacks, and the checks
   * owed to the resources it brings into a mirror that knew nothing of them.
   *
   * @param due the upper bound of the page's cycle's window (see {@link GrantCheck#due()})
   */
  public Restored withRestoredGrants(
      String app, List<SourceEvent> page, Map<String, ResourceType> types, Instant due) {
    Map<ResourceRef, MirrorChange.PutResource> candidates = new LinkedHashMap<>();
    for (SourceEvent event : page) {
      for (MirrorChange change : event.changes()) {
        if (change instanceof MirrorChange.PutResource put && hasGrants(types, put)) {
          candidates.putIfAbsent(put.resource().resource(), put);
        }
      }
    }
    if (candidates.isEmpty()) {
      return new Restored(page, List.of());
    }
    Set<ResourceRef> deleted = new HashSet<>(log.deletedFromMirror(app, candidates.keySet()));
    List<ResourceRef> watched = new ArrayList<>();
    candidates.forEach(
        (ref, put) -> {
          if (!deleted.contains(ref) && restoresOnChange(types.get(ref.resourceType()))) {
            watched.add(ref);
          }
        });
    Set<String> fresh = fresh(app, page, watched);
    HeldGrants held = fresh.isEmpty() ? new HeldGrants() : HeldGrants.inMirror(log, app, watched);
    Set<ResourceRef> toRead = new HashSet<>(deleted);
    toRead.addAll(held.resources());
    for (SourceEvent event : page) {
      for (MirrorChange change : event.changes()) {
        if (change instanceof MirrorChange.DeleteResource delete
            && candidates.containsKey(delete.resource())) {
          toRead.add(delete.resource());
        }
      }
    }
    List<GrantCheck> owed = new ArrayList<>();
    Set<ResourceRef> unknown = new HashSet<>(watched);
    unknown.removeAll(held.resources());
    Map<ResourceRef, Set<Grant>> database =
        toRead.isEmpty() ? Map.of() : read(types, candidates, toRead);
    List<SourceEvent> out = new ArrayList<>(page.size());
    for (SourceEvent event : page) {
      out.add(event);
      for (MirrorChange change : event.changes()) {
        if (change instanceof MirrorChange.DeleteResource delete) {
          deleted.add(delete.resource());
          held.deleted(delete.resource());
        } else if (change instanceof MirrorChange.PutResource put) {
          ResourceRef ref = put.resource().resource();
          boolean restores = false;
          if (deleted.remove(ref)) {
            held.putBack(ref);
            restores = true;
          } else if (held.knows(ref) && fresh.contains(event.event().id())) {
            restores = true;
          } else if (unknown.remove(ref) && fresh.contains(event.event().id())) {
            FeedEvent first = event.event();
            for (String source : grantSources.getOrDefault(ref.resourceType(), List.of())) {
              owed.add(new GrantCheck(source, ref, first.id(), first.cursor(), due));
            }
          }
          if (restores && database.containsKey(ref)) {
            for (Grant grant : held.addMissing(ref, database.get(ref))) {
              out.add(restoreEvent(event.event(), grant));
            }
          }
        }
      }
    }
    return new Restored(out, owed);
  }

  /**
   * The ids of the page's events that put one of {@code watched} and are new to the log: a re-read
   * of a change the log has (a row inside the overlap, read again at every cycle) restores nothing,
   * so that an idle cycle runs no grants queries.
   */
  private Set<String> fresh(String app, List<SourceEvent> page, List<ResourceRef> watched) {
    if (watched.isEmpty()) {
      return Set.of();
    }
    Set<ResourceRef> of = new HashSet<>(watched);
    Set<String> ids = new HashSet<>();
    for (SourceEvent event : page) {
      for (MirrorChange change : event.changes()) {
        if (change instanceof MirrorChange.PutResource put
            && of.contains(put.resource().resource())) {
          ids.add(event.event().id());
        }
      }
    }
    ids.removeAll(log.heldIds(app, ids));
    return ids;
  }

  private Map<ResourceRef, Set<Grant>> read(
      Map<String, ResourceType> types,
      Map<ResourceRef, MirrorChange.PutResource> candidates,
      Set<ResourceRef> toRead) {
    Map<String, List<MappedResource>> byType = new LinkedHashMap<>();
    candidates.forEach(
        (ref, put) -> {
          if (toRead.contains(ref)) {
            byType
                .computeIfAbsent(ref.resourceType(), t -> new ArrayList<>())
                .add(ResourceRowMapper.of(put.resource()));
          }
        });
    Map<ResourceRef, Set<Grant>> out = new HashMap<>();
    byType.forEach((type, owners) -> out.putAll(grants.of(types.get(type), owners)));
    return out;
  }

  private static boolean restoresOnChange(ResourceType type) {
    return type.incrementalSync()
        .map(ResourceIncrementalSync::restoreGrants)
        .map(r -> r == GrantRestore.ON_CHANGE)
        .orElse(true);
  }

  private static boolean hasGrants(Map<String, ResourceType> types, MirrorChange.PutResource put) {
    ResourceType type = types.get(put.resource().resource().resourceType());
    return type != null && !type.skipEntitlementsAndGrants() && !type.grants().isEmpty();
  }

  private static SourceEvent restoreEvent(FeedEvent putBack, Grant grant) {
    return restoreEvent(putBack.id(), putBack.source(), putBack.cursor(), grant);
  }

  /**
   * The {@code grant_created} that restores {@code grant}, logged by {@code source}, with an id
   * made from the id of the event that brought its resource back.
   */
  static SourceEvent restoreEvent(String putId, String source, Instant cursor, Grant grant) {
    String id =
        PREFIX
            + String.join(
                ":",
                putId,
                grant.entitlement(),
                grant.principal().resourceType(),
                grant.principal().resourceId());
    return new SourceEvent(
        new FeedEvent.GrantCreated(
            id, source, grant.resource(), grant.entitlement(), grant.principal(), cursor),
        List.of(new MirrorChange.PutGrant(grant)));
  }
}
