package dev.sqlfeed.workflows;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.error.ConfigException;
import dev.sqlfeed.domain.error.SqlfeedException;
import dev.sqlfeed.domain.feed.CanonicalTime;
import dev.sqlfeed.domain.feed.CycleState;
import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.feed.FeedSource;
import dev.sqlfeed.domain.feed.FeedSources;
import dev.sqlfeed.domain.feed.MappedRow;
import dev.sqlfeed.domain.feed.PageSummary;
import dev.sqlfeed.domain.feed.RowResource;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.ports.Checkpoint;
import dev.sqlfeed.ports.EventLog;
import dev.sqlfeed.ports.MirrorChange;
import dev.sqlfeed.ports.PageWriteResult;
import dev.sqlfeed.ports.SourceEvent;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.feed.GrantRestorer;
import dev.sqlfeed.ports.feed.ReReads;
import dev.sqlfeed.ports.feed.ResourceRefresher;
import io.temporal.activity.Activity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
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
  /**
   * How long one call goes on reading pages before it returns its progress to the workflow: short
   * enough that a pause, a reset or the state query sees a backlog move, long enough that the
   * workflow task between two calls costs little beside the pages.
   */
  static final Duration CALL_TIME = Duration.ofSeconds(10);

  /**
   * {@code -Dsqlfeed.pipeline=false} writes one page a call, as before the pipeline: for measuring
   * the pipeline against the plain loop in the same build, not for production.
   */
  private static final boolean PIPELINE =
      !"false".equalsIgnoreCase(System.getProperty("sqlfeed.pipeline"));

  private final Config config;
  private final SourceReader source;
  private final FeedPageReader reader;
  private final EventLog log;
  private final ResourceRefresher refresher;
  private final GrantRestorer restorer;
  private final ReReads reReads;
  private final Clock clock;
  private final Map<String, FeedSource> sources = new HashMap<>();
  private final CursorChecks cursorChecks;

  /**
   * @param clock the worker's clock, only for the checkpoint's {@code committedAt}; cycle bounds
   *     come from the source database's clock
   */
  public FeedActivitiesImpl(Config config, SourceReader source, EventLog log, Clock clock) {
    this(config, source, log, clock, CursorChecks.FIRST_AFTER, CursorChecks.INTERVAL);
  }

  /**
   * @param firstCursorCheck from now to the first look for rows with an unreadable cursor
   * @param cursorCheckInterval between two such looks at one source (see {@link CursorChecks})
   */
  FeedActivitiesImpl(
      Config config,
      SourceReader source,
      EventLog log,
      Clock clock,
      Duration firstCursorCheck,
      Duration cursorCheckInterval) {
    this.cursorChecks = new CursorChecks(source, clock, firstCursorCheck, cursorCheckInterval);
    this.config = config;
    this.source = source;
    this.reader = new FeedPageReader(source);
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

  /**
   * Up to {@code request.maxPages()} pages, until the window is exhausted or {@link #CALL_TIME} has
   * passed; from the second page on, each page is read while the one before is written ({@link
   * PagePipeline}). {@code heartbeat} is told the rows handled so far, now and then.
   */
  ScanResult scan(ScanRequest request, LongConsumer heartbeat) {
    FeedSource feed = feedSource(request);
    CycleState state = request.state().toState();
    ReadPage first;
    if (!state.running() && feed.readMode() == FeedSource.ReadMode.KEYSET) {
      // The clock and the first page in one source transaction.
      FeedPageReader.Opened opened = reader.openAndRead(feed, state, request.pageSize(), heartbeat);
      state = opened.state();
      first = opened.page();
    } else {
      if (!state.running()) {
        state = state.open(source.databaseNow(), feed.settings());
      }
      first =
          state.running()
              ? reader.read(feed, state.cycle().orElseThrow(), request.pageSize(), heartbeat)
              : null;
    }
    if (!state.running()) {
      // The window is empty (the database clock went back): the cycle has ended already.
      return new ScanResult(state.toWire(), 0, 0, 0, true);
    }
    int pages = PIPELINE ? Math.max(1, request.maxPages()) : 1;
    if (first.exhausted() || pages == 1) {
      return write(request, feed, state, first, heartbeat);
    }
    Instant deadline = clock.instant().plus(CALL_TIME);
    BooleanSupplier timeLeft = () -> clock.instant().isBefore(deadline);
    try (PagePipeline next =
        PagePipeline.start(
            "sqlfeed-pages-" + feed.key(),
            state,
            first,
            pages - 1,
            timeLeft,
            (cycle, progress) -> reader.read(feed, cycle, request.pageSize(), progress))) {
      ScanResult done = write(request, feed, state, first, heartbeat);
      while (!done.exhausted() && done.pages() < pages && timeLeft.getAsBoolean()) {
        long rows = done.rows();
        Optional<ReadPage> page = next.next(() -> heartbeat.accept(rows));
        if (page.isEmpty()) {
          break;
        }
        done = plus(done, write(request, feed, done.state().toState(), page.get(), heartbeat));
      }
      return done;
    }
  }

  /**
   * The write stage of one page: refreshes the resources its rows name as changed, then writes its
   * events, their mirror changes and, when the page exhausts the window, the checkpoint, in one
   * store transaction.
   */
  private ScanResult write(
      ScanRequest request,
      FeedSource feed,
      CycleState state,
      ReadPage page,
      LongConsumer heartbeat) {
    Set<String> seen = reReads.seenBefore(request.app(), feed, page.rows());
    List<SourceEvent> events =
        restorer.withRestoredGrants(
            request.app(), events(page.rows(), seen, heartbeat), config.resourceTypes());
    // Before the commit is written: a look that fails fails the page, and the cursor stays.
    CursorCheck check =
        page.exhausted()
            ? cursorChecks.ifDue(feed, state.cycle().orElseThrow().since()).orElse(null)
            : null;
    Optional<Checkpoint> commit =
        page.exhausted()
            ? state
                .committedAfter(page.probe())
                .map(c -> new Checkpoint(request.app(), feed.key(), c, clock.instant()))
            : Optional.empty();
    PageWriteResult written = log.writePage(request.app(), events, commit);
    PageSummary summary =
        page.tally()
            .summary(written.appended(), written.duplicates(), page.nextToken(), page.exhausted());
    return new ScanResult(
        state.page(summary).toWire(),
        page.tally().rows(),
        written.appended(),
        written.duplicates(),
        page.exhausted(),
        check);
  }

  private static ScanResult plus(ScanResult before, ScanResult page) {
    return new ScanResult(
        page.state(),
        before.rows() + page.rows(),
        before.eventsAppended() + page.eventsAppended(),
        before.duplicates() + page.duplicates(),
        page.exhausted(),
        page.cursorCheck() != null ? page.cursorCheck() : before.cursorCheck(),
        before.pages() + page.pages());
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
