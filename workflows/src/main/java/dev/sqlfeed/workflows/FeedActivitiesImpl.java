package dev.sqlfeed.workflows;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.error.ConfigException;
import dev.sqlfeed.domain.error.SqlfeedException;
import dev.sqlfeed.domain.feed.CanonicalTime;
import dev.sqlfeed.domain.feed.CycleState;
import dev.sqlfeed.domain.feed.FeedSource;
import dev.sqlfeed.domain.feed.FeedSources;
import dev.sqlfeed.domain.feed.PageSummary;
import dev.sqlfeed.domain.feed.RunningCycle;
import dev.sqlfeed.ports.Checkpoint;
import dev.sqlfeed.ports.EventLog;
import dev.sqlfeed.ports.GrantChecks;
import dev.sqlfeed.ports.PageWriteResult;
import dev.sqlfeed.ports.SourceEvent;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.feed.GrantChecker;
import dev.sqlfeed.ports.feed.GrantRestorer;
import dev.sqlfeed.ports.feed.ReReads;
import dev.sqlfeed.ports.feed.ResourceRefresher;
import io.temporal.activity.Activity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
   * Rows that pages handed over together may hold to be written in one store transaction: a page at
   * a time (each page still within one transaction) costs a commit per page, and on SQLite each
   * commit writes again the index pages the one before wrote.
   */
  static final int GROUP_ROWS = 5_000;

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
  private final PagePreparer preparer;
  private final GrantRestorer restorer;
  private final GrantChecker checker;
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
    this.preparer =
        new PagePreparer(
            config.resourceTypes(), new ResourceRefresher(source), new ReReads(source, log));
    this.clock = clock;
    FeedSources.of(config).forEach(s -> sources.put(s.key(), s));
    this.restorer = new GrantRestorer(source, log, sources.values());
    this.checker = new GrantChecker(source, log);
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
   * passed; from the second page on, each page is read, mapped and refreshed ({@link PagePreparer})
   * while the one before is written ({@link PagePipeline}). {@code heartbeat} is told the rows
   * handled so far, now and then.
   */
  ScanResult scan(ScanRequest request, LongConsumer heartbeat) {
    FeedSource feed = feedSource(request);
    CycleState state = request.state().toState();
    ReadPage read;
    if (!state.running() && feed.readMode() == FeedSource.ReadMode.KEYSET) {
      // The clock and the first page in one source transaction.
      FeedPageReader.Opened opened = reader.openAndRead(feed, state, request.pageSize(), heartbeat);
      state = opened.state();
      read = opened.page();
    } else {
      if (!state.running()) {
        state = state.open(source.databaseNow(), feed.settings());
      }
      read =
          state.running()
              ? reader.read(feed, state.cycle().orElseThrow(), request.pageSize(), heartbeat)
              : null;
    }
    if (!state.running()) {
      // The window is empty (the database clock went back): the cycle has ended already.
      return new ScanResult(state.toWire(), 0, 0, 0, true);
    }
    // The window's upper bound is the database's clock less the safety lag: the clock, for the lag
    // a worker reports (database now minus the committed cursor).
    String openedAt =
        request.opensCycle()
            ? CanonicalTime.format(
                state.cycle().orElseThrow().upTo().plus(feed.settings().safetyLag()))
            : null;
    PreparedPage first = preparer.prepare(request.app(), feed, read, heartbeat);
    int pages = PIPELINE ? Math.max(1, request.maxPages()) : 1;
    if (first.exhausted() || pages == 1) {
      return write(request, feed, state, List.of(first)).openedAt(openedAt);
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
            (cycle, progress) ->
                preparer.prepare(
                    request.app(),
                    feed,
                    reader.read(feed, cycle, request.pageSize(), progress),
                    progress))) {
      ScanResult done = write(request, feed, state, List.of(first));
      while (!done.exhausted() && done.pages() < pages && timeLeft.getAsBoolean()) {
        long rows = done.rows();
        Optional<PreparedPage> page = next.next(() -> heartbeat.accept(rows));
        if (page.isEmpty()) {
          break;
        }
        List<PreparedPage> group = group(page.get(), next, pages - done.pages());
        // Their refresh told the reader thread, which cannot heartbeat: tell the activity's.
        heartbeat.accept(group.stream().mapToLong(p -> p.page().tally().rows()).sum());
        done = plus(done, write(request, feed, done.state().toState(), group));
      }
      return done.openedAt(openedAt);
    }
  }

  /**
   * {@code first} and the pages after it that the reader has handed over already, up to {@link
   * #GROUP_ROWS} rows and {@code most} pages, ending with a page that exhausts the window if one
   * comes: what one store transaction writes.
   */
  private static List<PreparedPage> group(PreparedPage first, PagePipeline next, int most) {
    List<PreparedPage> group = new ArrayList<>(List.of(first));
    long rows = first.page().tally().rows();
    while (!group.get(group.size() - 1).exhausted() && group.size() < most && rows < GROUP_ROWS) {
      Optional<PreparedPage> more = next.ready();
      if (more.isEmpty()) {
        break;
      }
      group.add(more.get());
      rows += more.get().page().tally().rows();
    }
    return group;
  }

  /**
   * The write stage of consecutive pages: gives the resources they put back their grants, then
   * writes their events, their mirror changes and, when the last page exhausts the window, the
   * checkpoint, in one store transaction. Only the last page may exhaust the window.
   */
  private ScanResult write(
      ScanRequest request, FeedSource feed, CycleState state, List<PreparedPage> group) {
    List<SourceEvent> pageEvents = new ArrayList<>();
    CycleState beforeLast = state;
    for (int i = 0; i < group.size(); i++) {
      pageEvents.addAll(group.get(i).events());
      if (i < group.size() - 1) {
        beforeLast = beforeLast.page(group.get(i).probe());
      }
    }
    ReadPage page = group.get(group.size() - 1).page();
    // After the pages before are written: whether a resource was deleted is the store's answer
    // (or an earlier event of these pages).
    RunningCycle cycle = state.cycle().orElseThrow();
    GrantRestorer.Restored restored =
        restorer.withRestoredGrants(
            request.app(), pageEvents, config.resourceTypes(), cycle.upTo());
    List<SourceEvent> events = new ArrayList<>(restored.events());
    // The window scanned, the grant checks due by its end: in the commit's transaction.
    GrantChecker.Checked checked =
        page.exhausted()
            ? checker.check(request.app(), feed, cycle.upTo(), events)
            : GrantChecker.Checked.NONE;
    events.addAll(checked.restores());
    // Before the commit is written: a look that fails fails the page, and the cursor stays.
    CursorCheck check =
        page.exhausted() ? cursorChecks.ifDue(feed, cycle.since()).orElse(null) : null;
    Optional<Checkpoint> commit =
        page.exhausted()
            ? beforeLast
                .committedAfter(page.probe())
                .map(c -> new Checkpoint(request.app(), feed.key(), c, clock.instant()))
            : Optional.empty();
    PageWriteResult written =
        log.writePage(
            request.app(), events, commit, new GrantChecks(restored.owed(), checked.settled()));
    // The pages' counts of appended and dropped events go with the last: the store counts them for
    // the transaction, and the state only sums them.
    PageSummary summary =
        page.tally()
            .summary(written.appended(), written.duplicates(), page.nextToken(), page.exhausted());
    long rows = group.stream().mapToLong(p -> p.page().tally().rows()).sum();
    return new ScanResult(
        beforeLast.page(summary).toWire(),
        rows,
        written.appended(),
        written.duplicates(),
        page.exhausted(),
        check,
        group.size());
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
}
