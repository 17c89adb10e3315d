package dev.sqlfeed.ports.feed;

import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.ports.EventLog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grants held on some resources, per resource, as the mirror holds them before a page and as
 * the page's changes leave them. Both {@link GrantRestorer} and {@link GrantChecker} restore a
 * grant only when it is missing here, and add it here when they do, so that a grant read twice (by
 * two events of a page, or by two grants queries) is restored once.
 */
final class HeldGrants {
  private final Map<ResourceRef, Set<Grant>> byResource = new HashMap<>();

  /** Holds nothing: no resource is known to hold grants. */
  HeldGrants() {}

  /** The grants the app's mirror holds on those of {@code resources} that hold any. */
  static HeldGrants inMirror(EventLog log, String app, Collection<ResourceRef> resources) {
    HeldGrants held = new HeldGrants();
    log.grantsInMirror(app, resources).forEach((r, g) -> held.byResource.put(r, new HashSet<>(g)));
    return held;
  }

  /** The resources known to hold grants (it may be none), as a view. */
  Set<ResourceRef> resources() {
    return byResource.keySet();
  }

  boolean knows(ResourceRef resource) {
    return byResource.containsKey(resource);
  }

  /** A resource deleted: what it held is gone, and it is no longer known. */
  void deleted(ResourceRef resource) {
    byResource.remove(resource);
  }

  /** A resource put back after its deletion: known again, and holding nothing yet. */
  void putBack(ResourceRef resource) {
    byResource.put(resource, new HashSet<>());
  }

  /** A grant a page put or deleted: the page's event speaks for it, so it is not restored. */
  void touched(Grant grant) {
    byResource.computeIfAbsent(grant.resource(), r -> new HashSet<>()).add(grant);
  }

  /**
   * Those of {@code database} that {@code resource} did not hold, in their order; from now on it
   * holds them.
   */
  List<Grant> addMissing(ResourceRef resource, Collection<Grant> database) {
    Set<Grant> has = byResource.computeIfAbsent(resource, r -> new HashSet<>());
    List<Grant> missing = new ArrayList<>();
    for (Grant grant : database) {
      if (has.add(grant)) {
        missing.add(grant);
      }
    }
    return missing;
  }
}
