package dev.sqlfeed.workflows;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.error.ConfigException;
import dev.sqlfeed.domain.error.SqlfeedException;
import dev.sqlfeed.domain.feed.CanonicalTime;
import dev.sqlfeed.domain.feed.CycleState;
import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.feed.FeedSource;
import dev.sqlfeed.domain.feed.FeedSources;
import dev.sqlfeed.domain.feed.IncrementalRowMapper;
import dev.sqlfeed.domain.feed.MappedRow;
import dev.sqlfeed.domain.feed.PageSummary;
import dev.sqlfeed.domain.feed.PageTally;
import dev.sqlfeed.domain.feed.RowResource;
import dev.sqlfeed.domain.feed.RunningCycle;
import dev.sqlfeed.domain.mapping.Activation;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.sync.Paging;
import dev.sqlfeed.ports.Checkpoint;
import dev.sqlfeed.ports.EventLog;
import dev.sqlfeed.ports.KeysetPage;
import dev.sqlfeed.ports.MirrorChange;
import dev.sqlfeed.ports.PageWriteResult;
import dev.sqlfeed.ports.PlannedPage;
import dev.sqlfeed.ports.SourceEvent;
import dev.sqlfeed.ports.SourceQuery;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.feed.GrantRestorer;
import dev.sqlfeed.ports.feed.ReReads;
import dev.sqlfeed.ports.feed.ResourceRefresher;
import dev.sqlfeed.ports.fullsync.QueryVars;
import io.temporal.activity.Activity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The page activity over the ports: reads a page of a source, maps its rows to events, refreshes
 * changed resources with their {@code get} query (or, for a row-complete source with {@code
 * deleted_if}, takes them from the rows as mapped), and writes the events, their mirror changes and
 * (on the page that exhausts the window) the checkpoint in one store transaction. The cycle's
 * arithmetic (window, position, commit) is the domain's {@link CycleState}; this class only feeds
 * it. Stateless between calls: every call works from the state in its request, so a retry, or
 * another worker, does the same.
 *
 * <p>Errors are sqlfeed's own, turned into failures by {@link FeedFailures}: transient ones retry,
 * permanent ones fail the cycle at once.
 */
public final class FeedActivitiesImpl implements FeedActivities {
  /** Rows between two heartbeats; the SDK throttles what it sends to the server anyway. */
  private static final int HEARTBEAT_ROWS = 100;

  private final Config config;
  private final SourceReader source;
  private final EventLog log;
  private final ResourceRefresher refresher;
  private final GrantRestorer restorer;
  private final ReReads reReads;
  private final Clock clock;
  private final Map<String, FeedSource> sources = new HashMap<>();

  /**
   * @param clock the worker's clock, only for the checkpoint's {@code committedAt}; cycle bounds
   *     come from the source database's clock
   */
  public FeedActivitiesImpl(Config config, SourceReader source, EventLog log, Clock clock) {
    this.config = config;
    this.source = source;
    this.log = log;
    this.refresher = new ResourceRefresher(source);
    this.restorer = new GrantRestorer(source, log);
    this.reReads = new ReReads(source, log);
    this.clock = clock;
    FeedSources.of(config).forEach(s -> sources.put(s.key(), s));
  }

  @Override
  public String initialCheckpoint(String app, String sourceKey) {
    try {
      return log.checkpoint(app, sourceKey).map(c -> CanonicalTime.format(c.cursor())).orElse(null);
    } catch (SqlfeedException e) {
      throw FeedFailures.of(e);
    }
  }

  @Override
  public ScanResult scanPage(ScanRequest request) {
    try {
      return scan(request, rows -> Activity.getExecutionContext().heartbeat(rows));
    } catch (SqlfeedException e) {
      throw FeedFailures.of(e);
    }
  }

  /** One page; {@code heartbeat} is told the rows handled so far, now and then. */
  ScanResult scan(ScanRequest request, LongConsumer heartbeat) {
    FeedSource feed = feedSource(request);
    CycleState state = request.state().toState();
    PageTally tally = new PageTally();
    List<MappedRow> rows = new ArrayList<>();
    String[] nextToken = {""};
    boolean exhausted;
    if (!state.running() && feed.readMode() == FeedSource.ReadMode.KEYSET) {
      // The clock and the first page in one source transaction.
      CycleState closed = state;
      CycleState[] opened = {closed};
      long read =
          source.readPageAt(
              query(feed),
              now -> {
                opened[0] = closed.open(now, feed.settings());
                return opened[0].cycle().map(c -> keysetPage(feed, c, request.pageSize()));
              },
              row -> map(feed, row.asMap(), tally, rows, heartbeat));
      state = opened[0];
      exhausted = read < request.pageSize();
    } else {
      if (!state.running()) {
        state = state.open(source.databaseNow(), feed.settings());
      }
      exhausted =
          state.running()
              && read(
                  feed,
                  state.cycle().orElseThrow(),
                  request.pageSize(),
                  tally,
                  rows,
                  heartbeat,
                  nextToken);
    }
    if (!state.running()) {
      // The window is empty (the database clock went back): the cycle has ended already.
      return new ScanResult(state.toWire(), 0, 0, 0, true);
    }
    Set<String> seen = reReads.seenBefore(request.app(), feed, rows);
    List<SourceEvent> events =
        restorer.withRestoredGrants(
            request.app(), events(rows, seen, heartbeat), config.resourceTypes());
    PageSummary probe = tally.summary(0, 0, nextToken[0], exhausted);
    Optional<Checkpoint> commit =
        exhausted
            ? state
                .committedAfter(probe)
                .map(c -> new Checkpoint(request.app(), feed.key(), c, clock.instant()))
            : Optional.empty();
    PageWriteResult written = log.writePage(request.app(), events, commit);
    PageSummary summary =
        tally.summary(written.appended(), written.duplicates(), nextToken[0], exhausted);
    return new ScanResult(
        state.page(summary).toWire(),
        tally.rows(),
        written.appended(),
        written.duplicates(),
        exhausted);
  }

  private FeedSource feedSource(ScanRequest request) {
    if (!request.app().equals(config.appName())) {
      throw new ConfigException(
          "this worker runs app " + config.appName() + ", not " + request.app());
    }
    FeedSource feed = sources.get(request.sourceKey());
    if (feed == null) {
      throw new ConfigException(
          "the config of "
              + config.appName()
              + " has no incremental source "
              + request.sourceKey()
              + " (any more?); sources: "
              + sources.keySet());
    }
    return feed;
  }

  /** Reads and maps the page's rows; returns whether the window is exhausted. */
  private boolean read(
      FeedSource feed,
      RunningCycle cycle,
      int pageSize,
      PageTally tally,
      List<MappedRow> out,
      LongConsumer heartbeat,
      String[] nextToken) {
    Map<String, Object> bindings = bindings(feed, cycle);
    SourceQuery query = query(feed);
    switch (feed.readMode()) {
      case KEYSET -> {
        PlannedPage page = keysetPage(feed, cycle, pageSize);
        long read =
            source.readPage(
                query,
                page.bindings(),
                page.page(),
                row -> map(feed, row.asMap(), tally, out, heartbeat));
        return read < pageSize;
      }
      case WHOLE_WINDOW -> {
        // No key to page by: the window is one page. The query's own ?<since> bounds it below;
        // rows past upTo are left for the next cycle.
        source.read(
            query,
            bindings,
            row -> {
              MappedRow mapped = IncrementalRowMapper.map(feed, row.asMap());
              if (!mapped.cursor().isBefore(cycle.since())
                  && !mapped.cursor().isAfter(cycle.upTo())) {
                add(mapped, tally, out, heartbeat);
              }
            });
        return true;
      }
      case COMPAT -> {
        // baton-sql's semantics: the query pages itself (?<Limit> with ?<Offset> or ?<Cursor>),
        // one page per activity, resuming from the token the previous page left in the state.
        // Rows are not bounded by upTo, and an offset can skip rows that move while the cycle
        // pages: the README says what this mode can miss.
        Paging paging = Paging.resume(feed.query(), feed.pagination(), cycle.pageToken());
        long[] returned = {0};
        Object[] lastKey = {null};
        source.read(
            query,
            paging.bindings(bindings),
            row -> {
              returned[0]++;
              if (returned[0] > paging.rowsToMap()) {
                return;
              }
              Map<String, Object> values = row.asMap();
              lastKey[0] = values.get(paging.primaryKey());
              map(feed, values, tally, out, heartbeat);
            });
        boolean more = paging.next(returned[0], lastKey[0]);
        nextToken[0] = more ? paging.token() : "";
        return !more;
      }
      default -> throw new IllegalStateException("unknown read mode " + feed.readMode());
    }
  }

  private static SourceQuery query(FeedSource feed) {
    return new SourceQuery(feed.query().path(), feed.query().sql());
  }

  /** The query's own bindings: its vars, and {@code ?<since>} as the cycle's lower bound. */
  private static Map<String, Object> bindings(FeedSource feed, RunningCycle cycle) {
    Map<String, Object> bindings =
        new HashMap<>(QueryVars.evaluate(feed.vars(), Activation.forRow(Map.of())));
    for (String name : feed.query().sql().parameters()) {
      if (name.equals("since")) {
        bindings.put(name, cycle.since());
      }
    }
    return bindings;
  }

  /** The cycle's next keyset page. */
  private static PlannedPage keysetPage(FeedSource feed, RunningCycle cycle, int pageSize) {
    return new PlannedPage(
        bindings(feed, cycle),
        new KeysetPage(
            feed.cursorColumn(),
            feed.keyColumn(),
            cycle.since(),
            cycle.upTo(),
            cycle.after().map(p -> p.cursor()),
            cycle.after().map(p -> p.key().value()).orElse(null),
            pageSize));
  }

  private static void map(
      FeedSource feed,
      Map<String, Object> row,
      PageTally tally,
      List<MappedRow> out,
      LongConsumer heartbeat) {
    add(IncrementalRowMapper.map(feed, row), tally, out, heartbeat);
  }

  private static void add(
      MappedRow mapped, PageTally tally, List<MappedRow> out, LongConsumer heartbeat) {
    tally.add(mapped);
    out.add(mapped);
    if (tally.rows() % HEARTBEAT_ROWS == 0) {
      heartbeat.accept(tally.rows());
    }
  }

  /**
   * The page's events with their mirror changes. Resources are refreshed after the page's read has
   * finished, so that the {@code get} queries do not run while its result streams, and all the
   * page's ids of a type are refreshed together: a few statements, not one per row. A {@code
   * resource_changed} seen before ({@link ReReads}) is not refreshed: it carries no changes, and
   * the log drops it.
   */
  private List<SourceEvent> events(List<MappedRow> rows, Set<String> seen, LongConsumer heartbeat) {
    Map<String, Map<String, MirrorChange>> refreshed = refreshAll(rows, seen);
    Map<Integer, MirrorChange> complete = fromRows(rows, seen);
    heartbeat.accept(rows.size());
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
                .fromRows(config.resourceTypes().get(type), byRow)
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
          if (!config.resourceTypes().containsKey(type)) {
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
        (type, ids) ->
            refreshed.put(type, refresher.refreshAll(config.resourceTypes().get(type), ids)));
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
