package dev.sqlfeed.ports;

import dev.sqlfeed.domain.mirror.CanonicalJson;
import dev.sqlfeed.domain.mirror.Entitlement;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.Resource;
import dev.sqlfeed.domain.mirror.ResourceRef;
import java.util.List;
import java.util.Objects;

/** What an event does to the mirror, applied by the store in the event's transaction. */
public sealed interface MirrorChange {
  /**
   * The resource as its {@code get} query read it now, with its static entitlements: replaces the
   * stored resource and its entitlements (its grants stay).
   *
   * @param traitsJson {@link CanonicalJson#write} of the resource's traits, as the two-argument
   *     constructor writes it
   */
  record PutResource(Resource resource, List<Entitlement> entitlements, String traitsJson)
      implements MirrorChange {
    public PutResource {
      entitlements = List.copyOf(entitlements);
      Objects.requireNonNull(traitsJson, "traitsJson");
    }

    /**
     * The change, with the canonical JSON of the resource's traits written now, by the thread that
     * read the resource: a page's reader, while the page before is written, rather than the store's
     * one writer, where it profiled as an eighth of a page write.
     */
    public PutResource(Resource resource, List<Entitlement> entitlements) {
      this(resource, entitlements, CanonicalJson.write(resource.traits()));
    }
  }

  /** The resource is gone: removes it, its entitlements and the grants of those entitlements. */
  record DeleteResource(ResourceRef resource) implements MirrorChange {}

  /** Adds the grant (nothing if it is there). */
  record PutGrant(Grant grant) implements MirrorChange {}

  /** Removes the grant (nothing if it is not there). */
  record DeleteGrant(Grant grant) implements MirrorChange {}
}
