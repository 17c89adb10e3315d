package dev.sqlfeed.domain.config.feed;

import dev.sqlfeed.domain.config.Ordered;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.QueryVar;
import dev.sqlfeed.domain.config.SyncSettings;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code event_feeds.<key>} entry: a table such as {@code audit_log} whose rows each describe
 * one change, of any resource type. One feed is one incremental source (one cursor, one workflow).
 *
 * @param key the entry's key; the feed's source key is {@link #sourceKey()}
 * @param query {@code query}: uses {@code ?<since>}
 * @param cursorColumn {@code cursor_column}: the result column whose timestamps advance the cursor
 * @param primaryKey {@code primary_key}: orders rows that share a cursor value and is the row key
 *     of event ids
 * @param map {@code map}: what each row means
 * @param vars {@code vars}
 * @param settings the feed's timing and paging: its own keys over the top-level {@code
 *     incremental_sync}
 * @param path the YAML path of the entry, {@code event_feeds.<key>}
 */
public record EventFeed(
    String key,
    Query query,
    String cursorColumn,
    String primaryKey,
    EventFeedMapping map,
    Map<String, QueryVar> vars,
    SyncSettings settings,
    String path) {
  public EventFeed {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(cursorColumn, "cursorColumn");
    Objects.requireNonNull(primaryKey, "primaryKey");
    Objects.requireNonNull(map, "map");
    vars = Ordered.copy(vars);
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(path, "path");
  }

  /**
   * The feed's source key, {@code event_feeds.<key>}: it names the feed's workflow and checkpoint.
   * The prefix keeps it apart from the resource types' source keys ({@code <id>}, {@code
   * <id>.grants.<n>.changes} ...); validation rejects the one way left to clash, a resource type
   * whose id is {@code event_feeds.<key>}.
   */
  public String sourceKey() {
    return "event_feeds." + key;
  }
}
