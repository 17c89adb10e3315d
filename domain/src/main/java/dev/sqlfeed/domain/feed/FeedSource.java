package dev.sqlfeed.domain.feed;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.Ordered;
import dev.sqlfeed.domain.config.Pagination;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.QueryVar;
import dev.sqlfeed.domain.config.SyncMode;
import dev.sqlfeed.domain.config.SyncSettings;
import dev.sqlfeed.domain.config.grant.GrantMapping;
import dev.sqlfeed.domain.config.grant.GrantsQuery;
import dev.sqlfeed.domain.config.resource.ResourceIncrementalSync;
import dev.sqlfeed.domain.config.resource.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One incremental source of a config: a query that one workflow scans, with everything needed to
 * read a page and map its rows. Built by {@link FeedSources#of}.
 *
 * @param key {@code <resource type>}, or {@code <resource type>.grants.<n>.changes} / {@code
 *     .revokes} for the n-th (from 0) grants query, or {@code event_feeds.<key>} for a shared event
 *     feed
 * @param kind what the rows mean
 * @param resourceType the resource type the events are about; empty for a shared event feed, whose
 *     rows each name their own
 * @param query the incremental query ({@code ?<since>} and vars)
 * @param cursorColumn the result column whose timestamps advance the cursor
 * @param keyColumn {@code pagination.primary_key}: breaks ties between equal cursor values and is
 *     the row key of event ids; empty when the config names none (see {@link #readMode()})
 * @param pagination the query's {@code pagination} block: in compat mode the query pages itself
 *     with it, as baton-sql does
 * @param vars values for the query's other placeholders
 * @param settings the source's timing and paging, already resolved against the top level; its
 *     {@code mode} is the source's mode
 * @param resourceId the CEL expression that gives the resource id of a row: for a resource source
 *     {@code incremental_sync.resource_id}, or else the list mapping's {@code id}; for a grants
 *     source the grants' {@code incremental_sync.resource_id}; for a shared event feed its {@code
 *     map.resource_id}
 * @param grants for a grants source, the grants query whose {@code map} turns rows into grants
 * @param shared for a shared event feed, the feed and the resource types its rows may name
 */
public record FeedSource(
    String key,
    Kind kind,
    Optional<ResourceType> resourceType,
    Query query,
    String cursorColumn,
    String keyColumn,
    Optional<Pagination> pagination,
    Map<String, QueryVar> vars,
    SyncSettings settings,
    Cel resourceId,
    Optional<GrantsQuery> grants,
    Optional<SharedFeed> shared) {

  /** What a source's rows mean. */
  public enum Kind {
    /** A resource type's {@code incremental_sync}: each row names a changed resource. */
    RESOURCE,
    /** A grants query's {@code changes_query}: each row yields created grants. */
    GRANT_CHANGES,
    /** A grants query's {@code revokes_query}: each row yields revoked grants (soft deletes). */
    GRANT_REVOKES,
    /**
     * A shared event feed ({@code event_feeds.<key>}): each row yields one event of any kind, about
     * a resource of any type, as its {@code map} says.
     */
    EVENT_FEED
  }

  /** How a cycle reads its window. */
  public enum ReadMode {
    /**
     * Keyset pages of {@code page_size} rows in (cursor, key) order, each strictly after the last
     * row written: rows updated while a scan runs are never skipped, and rows sharing a cursor
     * value are never split wrongly across a page edge.
     */
    KEYSET,
    /**
     * Keyset mode without a primary key: the whole window ({@code since <= cursor <= upTo}, ordered
     * by the cursor) is read as one page. Paging by the cursor alone would either skip or endlessly
     * re-read rows that share the cursor value at a page edge, so it is not done; the price is one
     * page (and one store transaction) as large as the window. This is also what baton-sql does
     * with an incremental query without pagination: it reads it in one go.
     */
    WHOLE_WINDOW,
    /**
     * The query pages itself with {@code ?<Limit>}/{@code ?<Offset>} or {@code ?<Cursor>}, with
     * baton-sql's semantics and what they can miss.
     */
    COMPAT
  }

  public FeedSource {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("a source key must not be empty");
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(cursorColumn, "cursorColumn");
    Objects.requireNonNull(keyColumn, "keyColumn");
    Objects.requireNonNull(pagination, "pagination");
    vars = Ordered.copy(vars);
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(grants, "grants");
    Objects.requireNonNull(shared, "shared");
    boolean grantsKind = kind == Kind.GRANT_CHANGES || kind == Kind.GRANT_REVOKES;
    if (grantsKind != grants.isPresent()) {
      throw new IllegalArgumentException(
          "a grants source, and only a grants source, has a grants query: " + key);
    }
    boolean feedKind = kind == Kind.EVENT_FEED;
    if (feedKind != shared.isPresent() || feedKind == resourceType.isPresent()) {
      throw new IllegalArgumentException(
          "a shared event feed, and only a shared event feed, has a feed and no resource type: "
              + key);
    }
  }

  /** The resource type's id; empty for a shared event feed, whose rows each name their own. */
  public String resourceTypeId() {
    return resourceType.map(ResourceType::id).orElse("");
  }

  /** The source's mode: keyset unless the query pages itself (or the config says so). */
  public SyncMode mode() {
    return settings.mode();
  }

  /** Whether the source names a primary key. */
  public boolean keyed() {
    return !keyColumn.isEmpty();
  }

  /** How a cycle reads its window; see {@link ReadMode}. */
  public ReadMode readMode() {
    if (mode() == SyncMode.COMPAT) {
      return ReadMode.COMPAT;
    }
    return keyed() ? ReadMode.KEYSET : ReadMode.WHOLE_WINDOW;
  }

  /**
   * A resource source's {@code deleted_if}: present when its rows are row-complete, mapped with the
   * list's {@code map} as they are read instead of read again with {@code get}.
   */
  public Optional<Cel> deletedIf() {
    return kind == Kind.RESOURCE
        ? resourceType
            .flatMap(ResourceType::incrementalSync)
            .flatMap(ResourceIncrementalSync::deletedIf)
        : Optional.empty();
  }

  /** The grant mappings of a grants source, in config order; empty for a resource source. */
  public List<GrantMapping> mappings() {
    return grants.map(GrantsQuery::map).orElse(List.of());
  }

  /** The Temporal workflow id of this source: {@code sqlfeed/<app_name>/<key>}. */
  public String workflowId(String appName) {
    return FeedSources.workflowId(appName, key);
  }
}
