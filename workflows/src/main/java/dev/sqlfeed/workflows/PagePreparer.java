package dev.sqlfeed.workflows;

import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.domain.error.ConfigException;
import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.feed.FeedSource;
import dev.sqlfeed.domain.feed.MappedRow;
import dev.sqlfeed.domain.feed.RowResource;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.ports.MirrorChange;
import dev.sqlfeed.ports.SourceEvent;
import dev.sqlfeed.ports.feed.ReReads;
import dev.sqlfeed.ports.feed.ResourceRefresher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The middle stage of a page: finds which of its rows' events were logged before ({@link ReReads}),
 * refreshes the resources the others name as changed with their {@code get} query (or, for a
 * row-complete source with {@code deleted_if}, takes them from the rows as mapped), and pairs each
 * event with its mirror changes.
 *
 * <p>It reads the source and looks up event ids in the store's log, and writes nothing, so it can
 * run on the reader thread of a {@link PagePipeline} while the page before is written: an event of
 * this page is never one the page before writes (an id names its row and the row's cursor value,
 * and a cycle's keyset reads each row once), so the look-up finds what it would find after that
 * write.
 */
final class PagePreparer {
  private final Map<String, ResourceType> types;
  private final ResourceRefresher refresher;
  private final ReReads reReads;

  PagePreparer(Map<String, ResourceType> types, ResourceRefresher refresher, ReReads reReads) {
    this.types = types;
    this.refresher = refresher;
    this.reReads = reReads;
  }

  /**
   * The page's events with their mirror changes.
   *
   * @param progress told the page's rows once they are refreshed
   */
  PreparedPage prepare(String app, FeedSource feed, ReadPage page, LongConsumer progress) {
    List<MappedRow> rows = page.rows();
    Set<String> seen = reReads.seenBefore(app, feed, rows);
    return new PreparedPage(page, events(rows, seen, progress));
  }

  /**
   * Resources are refreshed after the page's read has finished, so that the {@code get} queries do
   * not run while its result streams, and all the page's ids of a type are refreshed together: a
   * few statements, not one per row. A {@code resource_changed} seen before is not refreshed: it
   * carries no changes, and the log drops it.
   */
  private List<SourceEvent> events(List<MappedRow> rows, Set<String> seen, LongConsumer progress) {
    Map<String, Map<String, MirrorChange>> refreshed = refreshAll(rows, seen);
    Map<Integer, MirrorChange> complete = fromRows(rows, seen);
    progress.accept(rows.size());
    List<SourceEvent> events = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      MappedRow row = rows.get(i);
      for (FeedEvent event : row.events()) {
        if (seen.contains(event.id())) {
          events.add(new SourceEvent(event, List.of()));
          continue;
        }
        // Row-complete: the row itself gave the resource; else the refresh read it with get.
        MirrorChange change =
            row.resource().isPresent() ? complete.get(i) : change(event, refreshed);
        events.add(new SourceEvent(event, List.of(change)));
      }
    }
    return events;
  }

  /**
   * The mirror change of each row of a row-complete source ({@code deleted_if}), by row index: a
   * type's rows together, so that a query for entitlements runs for the page, not per row.
   */
  private Map<Integer, MirrorChange> fromRows(List<MappedRow> rows, Set<String> seen) {
    Map<String, Map<String, RowResource>> byType = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Optional<RowResource> resource = rows.get(i).resource();
      if (resource.isPresent() && !allSeen(rows.get(i), seen)) {
        byType
            .computeIfAbsent(resource.get().ref().resourceType(), t -> new LinkedHashMap<>())
            .put(Integer.toString(i), resource.get());
      }
    }
    Map<Integer, MirrorChange> changes = new HashMap<>();
    byType.forEach(
        (type, byRow) ->
            refresher
                .fromRows(types.get(type), byRow)
                .forEach((row, change) -> changes.put(Integer.parseInt(row), change)));
    return changes;
  }

  private static boolean allSeen(MappedRow row, Set<String> seen) {
    return row.events().stream().allMatch(e -> seen.contains(e.id()));
  }

  /**
   * The current state of every resource the page's events name as changed and that was not seen
   * before, by type and id.
   */
  private Map<String, Map<String, MirrorChange>> refreshAll(
      List<MappedRow> rows, Set<String> seen) {
    Map<String, List<String>> idsByType = new LinkedHashMap<>();
    for (MappedRow row : rows) {
      if (row.resource().isPresent()) {
        continue; // row-complete: mapped from the row by fromRows, no get
      }
      for (FeedEvent event : row.events()) {
        if (event instanceof FeedEvent.ResourceChanged changed && !seen.contains(changed.id())) {
          // The type the event names: a shared event feed's rows name any type of the config.
          String type = changed.resource().resourceType();
          if (!types.containsKey(type)) {
            throw new ConfigException(
                "source " + changed.source() + ": no resource type " + type + " in the config");
          }
          idsByType
              .computeIfAbsent(type, t -> new ArrayList<>())
              .add(changed.resource().resourceId());
        }
      }
    }
    Map<String, Map<String, MirrorChange>> refreshed = new HashMap<>();
    idsByType.forEach(
        (type, ids) -> refreshed.put(type, refresher.refreshAll(types.get(type), ids)));
    return refreshed;
  }

  private static MirrorChange change(
      FeedEvent event, Map<String, Map<String, MirrorChange>> refreshed) {
    if (event instanceof FeedEvent.ResourceChanged changed) {
      return refreshed.get(changed.resource().resourceType()).get(changed.resource().resourceId());
    }
    if (event instanceof FeedEvent.ResourceDeleted deleted) {
      return new MirrorChange.DeleteResource(deleted.resource());
    }
    FeedEvent.GrantEvent g = (FeedEvent.GrantEvent) event;
    Grant grant = new Grant(g.resource(), g.entitlement(), g.principal());
    return g instanceof FeedEvent.GrantCreated
        ? new MirrorChange.PutGrant(grant)
        : new MirrorChange.DeleteGrant(grant);
  }
}
