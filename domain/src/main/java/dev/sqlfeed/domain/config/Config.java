package dev.sqlfeed.domain.config;

import dev.sqlfeed.domain.config.action.Action;
import dev.sqlfeed.domain.config.feed.EventFeed;
import dev.sqlfeed.domain.config.resource.ResourceType;
import java.util.Map;
import java.util.Objects;

/**
 * A whole config file, in baton-sql's format plus sqlfeed's incremental-sync keys, bound and
 * validated: every query parsed, every CEL expression compiled.
 *
 * @param appName {@code app_name}
 * @param appDescription {@code app_description}, empty when absent
 * @param connect {@code connect}
 * @param resourceTypes {@code resource_types}, by id, in file order
 * @param actions {@code actions}, by key, in file order
 * @param incrementalSync the top-level {@code incremental_sync} with defaults applied (every
 *     source's own settings are already resolved against it)
 * @param eventFeeds {@code event_feeds}, by key, in file order
 * @param fullSync {@code full_sync}
 * @param eventRetention {@code events.retention}
 */
public record Config(
    String appName,
    String appDescription,
    Connect connect,
    Map<String, ResourceType> resourceTypes,
    Map<String, Action> actions,
    SyncSettings incrementalSync,
    Map<String, EventFeed> eventFeeds,
    FullSyncSettings fullSync,
    EventRetention eventRetention) {
  public Config {
    Objects.requireNonNull(appName, "appName");
    Objects.requireNonNull(appDescription, "appDescription");
    Objects.requireNonNull(connect, "connect");
    resourceTypes = Ordered.copy(resourceTypes);
    actions = Ordered.copy(actions);
    Objects.requireNonNull(incrementalSync, "incrementalSync");
    eventFeeds = Ordered.copy(eventFeeds);
    Objects.requireNonNull(fullSync, "fullSync");
    Objects.requireNonNull(eventRetention, "eventRetention");
  }

  /** A config that keeps every event ({@link EventRetention#KEEP_ALL}). */
  public Config(
      String appName,
      String appDescription,
      Connect connect,
      Map<String, ResourceType> resourceTypes,
      Map<String, Action> actions,
      SyncSettings incrementalSync,
      Map<String, EventFeed> eventFeeds,
      FullSyncSettings fullSync) {
    this(
        appName,
        appDescription,
        connect,
        resourceTypes,
        actions,
        incrementalSync,
        eventFeeds,
        fullSync,
        EventRetention.KEEP_ALL);
  }

  /** Whether any event feed, resource type or grants query has {@code incremental_sync}. */
  public boolean hasIncrementalSync() {
    return !eventFeeds.isEmpty()
        || resourceTypes.values().stream()
            .anyMatch(
                rt ->
                    rt.incrementalSync().isPresent()
                        || rt.grants().stream().anyMatch(g -> g.incrementalSync().isPresent()));
  }
}
