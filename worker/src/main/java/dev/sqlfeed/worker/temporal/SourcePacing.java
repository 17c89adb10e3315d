package dev.sqlfeed.worker.temporal;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.SyncSettings;
import dev.sqlfeed.domain.feed.FeedSources;
import dev.sqlfeed.workflows.SourceSettings;
import java.util.List;
import java.util.Objects;

/**
 * An incremental source as its workflow is started: its key and the pacing the workflow keeps (the
 * rest of the source's settings stay with the page activity, which reads the config).
 *
 * @param key the source key, as {@link FeedSources} names it
 */
public record SourcePacing(String key, SourceSettings settings) {
  public SourcePacing {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(settings, "settings");
  }

  /** Every incremental source of the config, in config order. */
  public static List<SourcePacing> of(Config config) {
    return FeedSources.of(config).stream()
        .map(s -> new SourcePacing(s.key(), settings(s.settings())))
        .toList();
  }

  private static SourceSettings settings(SyncSettings s) {
    return SourceSettings.of(s.pollInterval().toMillis(), s.pageSize());
  }
}
