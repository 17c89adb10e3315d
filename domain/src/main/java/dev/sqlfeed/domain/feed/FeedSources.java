package dev.sqlfeed.domain.feed;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.Pagination;
import dev.sqlfeed.domain.config.feed.EventFeed;
import dev.sqlfeed.domain.config.grant.GrantsIncrementalSync;
import dev.sqlfeed.domain.config.grant.GrantsQuery;
import dev.sqlfeed.domain.config.resource.ResourceIncrementalSync;
import dev.sqlfeed.domain.config.resource.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The incremental sources of a config, in config order: for each resource type in file order, its
 * own {@code incremental_sync}, then for each of its grants queries the changes query and, when
 * there is one, the revokes query; then each shared event feed ({@code event_feeds.<key>}) in file
 * order.
 *
 * <p>baton-sql names the same sources {@code user:resource}, {@code role:grants:0:changes} ... and
 * scans them one after another in sorted order within one cursor; sqlfeed gives each its own
 * workflow, so the order matters only for listings, and the keys drop baton-sql's {@code :resource}
 * suffix and use dots.
 */
public final class FeedSources {
  private FeedSources() {}

  /** Every incremental source of the config; empty when it has none. */
  public static List<FeedSource> of(Config config) {
    List<FeedSource> out = new ArrayList<>();
    for (ResourceType rt : config.resourceTypes().values()) {
      rt.incrementalSync().ifPresent(s -> out.add(resource(rt, s)));
      for (int n = 0; n < rt.grants().size(); n++) {
        GrantsQuery grants = rt.grants().get(n);
        if (grants.incrementalSync().isEmpty()) {
          continue;
        }
        GrantsIncrementalSync s = grants.incrementalSync().get();
        String prefix = rt.id() + ".grants." + n;
        out.add(grant(prefix + ".changes", FeedSource.Kind.GRANT_CHANGES, rt, grants, s));
        if (s.revokesQuery().isPresent()) {
          out.add(grant(prefix + ".revokes", FeedSource.Kind.GRANT_REVOKES, rt, grants, s));
        }
      }
    }
    for (EventFeed feed : config.eventFeeds().values()) {
      out.add(feed(feed, config));
    }
    return List.copyOf(out);
  }

  /** The source with this key, if the config has it. */
  public static Optional<FeedSource> find(Config config, String key) {
    return of(config).stream().filter(s -> s.key().equals(key)).findFirst();
  }

  /** The Temporal workflow id of a source: {@code sqlfeed/<app_name>/<key>}. */
  public static String workflowId(String appName, String key) {
    Objects.requireNonNull(appName, "appName");
    Objects.requireNonNull(key, "key");
    return "sqlfeed/" + appName + "/" + key;
  }

  private static FeedSource resource(ResourceType rt, ResourceIncrementalSync s) {
    return new FeedSource(
        rt.id(),
        FeedSource.Kind.RESOURCE,
        Optional.of(rt),
        s.query(),
        s.cursorColumn(),
        primaryKey(s.pagination()),
        s.pagination(),
        s.vars(),
        s.settings(),
        s.resourceId().orElse(rt.list().map().id()),
        Optional.empty(),
        Optional.empty());
  }

  private static FeedSource feed(EventFeed feed, Config config) {
    return new FeedSource(
        feed.sourceKey(),
        FeedSource.Kind.EVENT_FEED,
        Optional.empty(),
        feed.query(),
        feed.cursorColumn(),
        feed.primaryKey(),
        Optional.empty(),
        feed.vars(),
        feed.settings(),
        feed.map().resourceId(),
        Optional.empty(),
        Optional.of(new SharedFeed(feed, config.resourceTypes())));
  }

  private static FeedSource grant(
      String key,
      FeedSource.Kind kind,
      ResourceType rt,
      GrantsQuery grants,
      GrantsIncrementalSync s) {
    boolean revokes = kind == FeedSource.Kind.GRANT_REVOKES;
    return new FeedSource(
        key,
        kind,
        Optional.of(rt),
        revokes ? s.revokesQuery().orElseThrow() : s.changesQuery(),
        revokes ? s.revokesCursorColumn().orElseThrow() : s.changesCursorColumn(),
        primaryKey(s.pagination()),
        s.pagination(),
        s.vars(),
        s.settings(),
        s.resourceId(),
        Optional.of(grants),
        Optional.empty());
  }

  private static String primaryKey(Optional<Pagination> pagination) {
    return pagination.map(Pagination::primaryKey).orElse("");
  }
}
