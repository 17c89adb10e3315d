package dev.sqlfeed.ports;

import dev.sqlfeed.domain.mirror.Entitlement;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.Resource;
import dev.sqlfeed.domain.mirror.ResourceRef;
import java.util.List;

/** What an event does to the mirror, applied by the store in the event's transaction. */
public sealed interface MirrorChange {
  /**
   * The resource as its {@code get} query read it now, with its static entitlements: replaces the
   * stored resource and its entitlements (its grants stay).
   */
  record PutResource(Resource resource, List<Entitlement> entitlements) implements MirrorChange {
    public PutResource {
      entitlements = List.copyOf(entitlements);
    }
  }

  /** The resource is gone: removes it, its entitlements and the grants of those entitlements. */
  record DeleteResource(ResourceRef resource) implements MirrorChange {}

  /** Adds the grant (nothing if it is there). */
  record PutGrant(Grant grant) implements MirrorChange {}

  /** Removes the grant (nothing if it is not there). */
  record DeleteGrant(Grant grant) implements MirrorChange {}
}
