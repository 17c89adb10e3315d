package dev.sqlfeed.domain.feed;

import dev.sqlfeed.domain.config.Ordered;
import dev.sqlfeed.domain.config.feed.EventFeed;
import dev.sqlfeed.domain.config.resource.ResourceType;
import java.util.Map;
import java.util.Objects;

/**
 * A shared event feed as its source sees it: the {@code event_feeds} entry, and the resource types
 * its rows may name (all of the config's), so that {@link EventFeedRowMapper} can check each row's
 * type where the config could not.
 *
 * @param feed the {@code event_feeds.<key>} entry
 * @param resourceTypes the config's resource types, by id
 */
public record SharedFeed(EventFeed feed, Map<String, ResourceType> resourceTypes) {
  public SharedFeed {
    Objects.requireNonNull(feed, "feed");
    resourceTypes = Ordered.copy(resourceTypes);
  }
}
