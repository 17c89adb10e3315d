package dev.sqlfeed.workflows;

import dev.sqlfeed.domain.feed.FeedSource;
import dev.sqlfeed.domain.mapping.Activation;
import dev.sqlfeed.ports.SourceQuery;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.UnreadableCursors;
import dev.sqlfeed.ports.fullsync.QueryVars;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks, now and then, for rows that incremental sync can never read: a NULL cursor is never within
 * a window, and neither is an SQLite text cursor that is not a timestamp, so each cycle commits
 * past such rows without having read them. The look ({@link SourceReader#unreadableCursors}) runs
 * on a page that ends a cycle, before its commit is written, at most once per {@link #interval} per
 * source and worker, the first time on the first commit at least {@link #firstAfter} after the
 * worker started: idle cycles stay as cheap as they are, and so does a cycle's first page. What it
 * finds is logged as a warning naming the source and some keys (never row contents), and goes into
 * the page's result, from where the workflow's state ({@code status}) and the metrics take it.
 *
 * <p>Compat sources (queries that page themselves) are not looked at: their queries need paging
 * values that only a running cycle has.
 */
final class CursorChecks {
  /** Rows a look reads at most; {@code status} shows {@code 100+} beyond. */
  static final int LIMIT = 100;

  /** Between two looks at one source, by default. */
  static final Duration INTERVAL = Duration.ofMinutes(10);

  /** From the worker's start to its first look at a source, by default. */
  static final Duration FIRST_AFTER = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(CursorChecks.class);

  private final SourceReader source;
  private final Clock clock;
  private final Duration interval;
  private final Instant firstDue;
  private final Map<String, Instant> lastLook = new ConcurrentHashMap<>();

  CursorChecks(SourceReader source, Clock clock, Duration firstAfter, Duration interval) {
    this.source = source;
    this.clock = clock;
    this.interval = interval;
    this.firstDue = clock.instant().plus(firstAfter);
  }

  /** The look, if one is due for {@code feed} now; {@code since} binds the query's own bound. */
  Optional<CursorCheck> ifDue(FeedSource feed, Instant since) {
    if (feed.readMode() == FeedSource.ReadMode.COMPAT) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Instant last = lastLook.get(feed.key());
    if (now.isBefore(last == null ? firstDue : last.plus(interval))) {
      return Optional.empty();
    }
    Map<String, Object> bindings =
        new HashMap<>(QueryVars.evaluate(feed.vars(), Activation.forRow(Map.of())));
    bindings.put("since", since);
    UnreadableCursors found =
        source.unreadableCursors(
            new SourceQuery(feed.query().path(), feed.query().sql()),
            bindings,
            feed.cursorColumn(),
            feed.keyed() ? feed.keyColumn() : null,
            LIMIT);
    lastLook.put(feed.key(), now);
    CursorCheck check =
        new CursorCheck(
            now.toString(), found.found(), found.more(), found.sampleKeys(), found.nullsVisible());
    warn(feed, check);
    return Optional.of(check);
  }

  private static void warn(FeedSource feed, CursorCheck check) {
    if (check.found() > 0) {
      int sample = Math.min(10, check.sampleKeys().size());
      LOG.warn(
          "source {}: {} row(s) whose cursor column '{}' is NULL or not a timestamp are never read"
              + " by incremental sync (the cursor moves past them); {}. The next full sync reads"
              + " them.",
          feed.key(),
          check.count(),
          feed.cursorColumn(),
          check.sampleKeys().isEmpty()
              ? "no pagination.primary_key to name them by"
              : "keys " + String.join(", ", check.sampleKeys().subList(0, sample)));
    }
    if (!check.nullsVisible()) {
      LOG.warn(
          "source {}: its query compares ?<since> in a shape other than '<column> >= ?<since>', so"
              + " rows whose cursor is NULL, which that comparison hides, cannot be looked for",
          feed.key());
    }
  }
}
