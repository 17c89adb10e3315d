package dev.sqlfeed.ports.feed;

import dev.sqlfeed.domain.config.grant.GrantsQuery;
import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.mapping.Activation;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.domain.sync.GrantRowMapper;
import dev.sqlfeed.domain.sync.MappedResource;
import dev.sqlfeed.domain.sync.ResourceRowMapper;
import dev.sqlfeed.ports.EventLog;
import dev.sqlfeed.ports.MirrorChange;
import dev.sqlfeed.ports.SourceEvent;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.fullsync.QueryRunner;
import dev.sqlfeed.ports.fullsync.QueryVars;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives a resource that a refresh puts back into the mirror the grants the database holds for it.
 *
 * <p>Deleting a resource drops the grants on it; when the resource comes back (a group soft-deleted
 * and re-activated), its membership rows have not changed, so no grants source reads them again. So
 * whenever a page's {@code resource_changed} puts back a resource that was deleted from the mirror
 * (before the page, as {@link EventLog#deletedFromMirror} tells, or by an earlier event of the
 * page), its type's grants queries run for it, as a full sync runs them per resource, and each
 * grant they yield follows the resource's event as a {@code grant_created} in the same page
 * transaction.
 *
 * <p>Only resources put back, not every resource the mirror lacks: a new resource's grants reach
 * the mirror through their own rows (which are new too), so running the grants queries for every
 * new resource would only cost queries and log each of its grants twice. What tells the two apart
 * is a resource event about it in the log; one pruned by retention no longer counts, so a resource
 * put back after its events were pruned gets its grants at the next full sync.
 *
 * <p>Ids: {@code restore:<resource event id>:<entitlement>:<principal type>:<principal id>}, so the
 * same re-read restores under the same ids. These grants were read from the database now, like a
 * {@code get}, so {@link dev.sqlfeed.ports.Restatements} restates one whose id the log has when the
 * mirror lacks it (a resource deleted and put back twice within one tick).
 */
public final class GrantRestorer {
  /** How the ids of restored grants begin. */
  public static final String PREFIX = "restore:";

  private final SourceReader source;
  private final EventLog log;

  public GrantRestorer(SourceReader source, EventLog log) {
    this.source = source;
    this.log = log;
  }

  /** The page with the grants of every resource it puts back added after that resource's event. */
  public List<SourceEvent> withRestoredGrants(
      String app, List<SourceEvent> page, Map<String, ResourceType> types) {
    Set<ResourceRef> candidates = new HashSet<>();
    for (SourceEvent event : page) {
      for (MirrorChange change : event.changes()) {
        if (change instanceof MirrorChange.PutResource put && hasGrants(types, put)) {
          candidates.add(put.resource().resource());
        }
      }
    }
    if (candidates.isEmpty()) {
      return page;
    }
    Set<ResourceRef> deleted = new HashSet<>(log.deletedFromMirror(app, candidates));
    List<SourceEvent> out = new ArrayList<>(page.size());
    for (SourceEvent event : page) {
      out.add(event);
      for (MirrorChange change : event.changes()) {
        if (change instanceof MirrorChange.DeleteResource delete) {
          deleted.add(delete.resource());
        } else if (change instanceof MirrorChange.PutResource put) {
          ResourceRef ref = put.resource().resource();
          if (candidates.contains(ref) && deleted.remove(ref)) {
            out.addAll(grants(types.get(ref.resourceType()), event.event(), put));
          }
        }
      }
    }
    return out;
  }

  private static boolean hasGrants(Map<String, ResourceType> types, MirrorChange.PutResource put) {
    ResourceType type = types.get(put.resource().resource().resourceType());
    return type != null && !type.skipEntitlementsAndGrants() && !type.grants().isEmpty();
  }

  private List<SourceEvent> grants(
      ResourceType type, FeedEvent putBack, MirrorChange.PutResource put) {
    MappedResource owner = ResourceRowMapper.of(put.resource());
    Set<Grant> grants = new LinkedHashSet<>();
    for (GrantsQuery query : type.grants()) {
      new QueryRunner(source)
          .run(
              query.query(),
              query.pagination(),
              QueryVars.evaluate(query.vars(), Activation.forResource(owner.celResource())),
              query.query().path()
                  + " (for "
                  + type.id()
                  + " "
                  + owner.resource().resource().resourceId()
                  + ")",
              (row, key) -> grants.addAll(GrantRowMapper.map(type, query, owner, row, key)));
    }
    List<SourceEvent> events = new ArrayList<>(grants.size());
    for (Grant grant : grants) {
      String id =
          PREFIX
              + String.join(
                  ":",
                  putBack.id(),
                  grant.entitlement(),
                  grant.principal().resourceType(),
                  grant.principal().resourceId());
      events.add(
          new SourceEvent(
              new FeedEvent.GrantCreated(
                  id,
                  putBack.source(),
                  grant.resource(),
                  grant.entitlement(),
                  grant.principal(),
                  putBack.cursor()),
              List.of(new MirrorChange.PutGrant(grant))));
    }
    return events;
  }
}
