package dev.sqlfeed.ports.fullsync;

import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.mirror.Entitlement;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.Resource;
import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.ports.MirrorChange;
import dev.sqlfeed.ports.SourceEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The events of one reconciliation, each with the mirror change that applies it. Ids are a
 * deterministic function of the run and the difference: {@code reconcile:<run
 * id>:<kind>:<type>:<id>} for resources, with {@code :<entitlement>:<principal type>:<principal
 * id>} after it for grants, where every part has {@code %} and {@code :} written as {@code %25} and
 * {@code %3A} so that no two differences share an id. Writing a page again therefore adds nothing.
 * The cursor of every event is the run's start: the time the full read began, by the clock of
 * whoever started the run (the worker's).
 */
public final class ReconcileEvents {
  /** The source key of reconciliation events. */
  public static final String SOURCE = "full-sync";

  private final long runId;
  private final Instant cursor;

  public ReconcileEvents(long runId, Instant cursor) {
    this.runId = runId;
    this.cursor = Objects.requireNonNull(cursor, "cursor");
  }

  /** The resource is gone: removes it, its entitlements and the grants on it. */
  public SourceEvent resourceDeleted(ResourceRef resource) {
    String id = id("resource_deleted", resource);
    return new SourceEvent(
        new FeedEvent.ResourceDeleted(id, SOURCE, resource, cursor),
        List.of(new MirrorChange.DeleteResource(resource)));
  }

  /** The resource is new or was read differently: puts it with its entitlements. */
  public SourceEvent resourceChanged(Resource resource, List<Entitlement> entitlements) {
    String id = id("resource_changed", resource.resource());
    return new SourceEvent(
        new FeedEvent.ResourceChanged(id, SOURCE, resource.resource(), cursor),
        List.of(new MirrorChange.PutResource(resource, entitlements)));
  }

  // Alike on purpose to grantRevoked: the two events share fields; their mirror changes differ.
  public SourceEvent grantCreated(Grant grant) {
    return new SourceEvent(
        new FeedEvent.GrantCreated(
            id("grant_created", grant),
            SOURCE,
            grant.resource(),
            grant.entitlement(),
            grant.principal(),
            cursor),
        List.of(new MirrorChange.PutGrant(grant)));
  }

  // Alike on purpose to grantCreated: the two events share fields; their mirror changes differ.
  public SourceEvent grantRevoked(Grant grant) {
    return new SourceEvent(
        new FeedEvent.GrantRevoked(
            id("grant_revoked", grant),
            SOURCE,
            grant.resource(),
            grant.entitlement(),
            grant.principal(),
            cursor),
        List.of(new MirrorChange.DeleteGrant(grant)));
  }

  private String id(String kind, ResourceRef resource) {
    return "reconcile:"
        + runId
        + ":"
        + kind
        + ":"
        + part(resource.resourceType())
        + ":"
        + part(resource.resourceId());
  }

  private String id(String kind, Grant grant) {
    return id(kind, grant.resource())
        + ":"
        + part(grant.entitlement())
        + ":"
        + part(grant.principal().resourceType())
        + ":"
        + part(grant.principal().resourceId());
  }

  private static String part(String text) {
    return text.replace("%", "%25").replace(":", "%3A");
  }
}
