package dev.sqlfeed.ports.feed;

import dev.sqlfeed.domain.config.grant.GrantsQuery;
import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.domain.feed.FeedSource;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.Resource;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settles the grant checks a grants source owes ({@link GrantCheck}) when a cycle of it has scanned
 * its window: each resource whose check is due by then gets its grants read with the source's
 * grants query, and each grant the mirror lacks (and the cycle's own pages did not touch) is logged
 * by the source as a {@code restore:} {@code grant_created}, in the transaction of the page that
 * exhausts the window. Everything the source delivers itself is in the mirror by then, so in the
 * common case a check restores nothing and costs one batched query for the resources it checks;
 * what it restores are memberships the source read past while their resource was soft-deleted,
 * before anything had read the resource.
 */
public final class GrantChecker {
  /** Checks settled by one cycle at most; the rest wait for the next. */
  static final int PER_CYCLE = 500;

  private final ResourceGrants grants;
  private final EventLog log;

  public GrantChecker(SourceReader source, EventLog log) {
    this.grants = new ResourceGrants(source);
    this.log = log;
  }

  /**
   * The grants the cycle restores and the checks it settles.
   *
   * @param restores {@code grant_created} events, to follow the page's
   * @param settled the checks done, to remove with the page
   */
  public record Checked(List<SourceEvent> restores, List<GrantCheck> settled) {
    public static final Checked NONE = new Checked(List.of(), List.of());
  }

  /**
   * The checks {@code feed} owes that are due now that a cycle of it has scanned its rows up to
   * {@code scannedTo}, settled against the mirror and the cycle's last {@code page}.
   */
  public Checked check(String app, FeedSource feed, Instant scannedTo, List<SourceEvent> page) {
    if (feed.kind() != FeedSource.Kind.GRANT_CHANGES
        || feed.resourceType().isEmpty()
        || feed.grants().isEmpty()) {
      return Checked.NONE;
    }
    List<GrantCheck> due = log.grantChecksDue(app, feed.key(), scannedTo, PER_CYCLE);
    if (due.isEmpty()) {
      return Checked.NONE;
    }
    Map<ResourceRef, GrantCheck> byResource = new LinkedHashMap<>();
    due.forEach(c -> byResource.put(c.resource(), c));
    Map<ResourceRef, Resource> present = log.resourcesInMirror(app, byResource.keySet());
    if (present.isEmpty()) {
      return new Checked(List.of(), due);
    }
    HeldGrants held = HeldGrants.inMirror(log, app, present.keySet());
    for (SourceEvent event : page) {
      for (MirrorChange change : event.changes()) {
        if (change instanceof MirrorChange.PutGrant put) {
          held.touched(put.grant());
        } else if (change instanceof MirrorChange.DeleteGrant delete) {
          held.touched(delete.grant());
        }
      }
    }
    ResourceType type = feed.resourceType().get();
    GrantsQuery query = feed.grants().get();
    List<MappedResource> owners = new ArrayList<>(present.size());
    present.values().forEach(r -> owners.add(ResourceRowMapper.of(r)));
    List<SourceEvent> restores = new ArrayList<>();
    grants
        .of(type, query, owners)
        .forEach(
            (ref, database) -> {
              GrantCheck check = byResource.get(ref);
              for (Grant grant : held.addMissing(ref, database)) {
                restores.add(
                    GrantRestorer.restoreEvent(check.eventId(), feed.key(), check.cursor(), grant));
              }
            });
    return new Checked(restores, due);
  }
}
