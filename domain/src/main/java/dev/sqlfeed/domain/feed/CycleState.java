package dev.sqlfeed.domain.feed;

import dev.sqlfeed.domain.config.SyncSettings;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A source's scan state as a pure state machine: the committed cursor, the running cycle, counters,
 * the last error and whether the source is paused. Each transition returns a new state; nothing
 * here reads a clock (the database's "now" is handed to {@link #open}), so the workflow can apply
 * the transitions deterministically. {@link CycleStateWire} is its form in workflow history.
 *
 * <h2>The cycle</h2>
 *
 * <ol>
 *   <li>{@link #open}: pins the window. {@code since} is the committed cursor minus {@code
 *       overlap}, or database-now minus {@code default_lookback} before the first commit; {@code
 *       upTo} is database-now minus {@code safety_lag}. When {@code upTo < since} (a database clock
 *       that went back, a reset into the future) there is nothing to read: the cycle ends at once
 *       and the committed cursor stays.
 *   <li>{@link #page}: records a page written by the page activity: the position moves to its last
 *       row, the highest cursor seen and the counters grow.
 *   <li>On the page that exhausts the window, the cycle commits: the committed cursor becomes the
 *       greater of itself and the highest cursor value the cycle read ({@link #nextCommitted}).
 * </ol>
 *
 * <p><b>Why the highest cursor seen, and not {@code upTo}.</b> {@code upTo} is a reading of the
 * database clock, while cursor values are written by whoever writes the rows: a transaction that
 * stamped its rows before {@code upTo} but commits after the page read past them is invisible to
 * this cycle, and so is a row stamped by an application server whose clock lags the database's.
 * Committing {@code upTo} would start the next cycle after those rows (less only the overlap);
 * committing the highest value actually read starts it where the data is known to be complete, so
 * any such row with a later stamp is read next time however late it commits, and one with an
 * earlier stamp is caught by the overlap. The price: while a source is quiet each cycle re-reads
 * its last {@code overlap} of rows, and the event log drops them as duplicates. baton-sql commits
 * the highest value seen too.
 *
 * <p><b>Why never backwards.</b> A cycle reads from {@code committed - overlap}: a cycle that found
 * only re-read rows has a highest cursor below the committed one, and committing it would re-read
 * more and more each time. Only {@link #reset}, an explicit user action, moves the cursor back.
 *
 * <p>A failed cycle ({@link #fail}) is dropped: the committed cursor stays, and the next cycle
 * reads the whole window again; what was written already comes back with the same event ids and is
 * dropped by the log. The machine does not know the source's mode: in compat mode the window's
 * {@code upTo} is not part of the user's query, and the highest cursor seen can lie beyond it.
 *
 * @param committed where the next cycle starts (less the overlap); empty before the first commit
 * @param cycle the running cycle; empty between cycles
 * @param counters totals over the source's life
 * @param lastError the last failure; kept after later successes
 * @param paused whether the source is paused: no cycle opens until it is resumed
 */
public record CycleState(
    Optional<Instant> committed,
    Optional<RunningCycle> cycle,
    CycleCounters counters,
    Optional<CycleError> lastError,
    boolean paused) {

  public CycleState {
    Objects.requireNonNull(committed, "committed");
    Objects.requireNonNull(cycle, "cycle");
    Objects.requireNonNull(counters, "counters");
    Objects.requireNonNull(lastError, "lastError");
  }

  /** A source that never committed: its first cycle reads {@code default_lookback} back. */
  public static CycleState initial() {
    return new CycleState(
        Optional.empty(), Optional.empty(), CycleCounters.ZERO, Optional.empty(), false);
  }

  /** A source whose committed cursor is known, for example from the store's checkpoint. */
  public static CycleState startingAt(Instant committed) {
    return initial().withCommitted(Optional.of(committed));
  }

  /** Whether a cycle is running. */
  public boolean running() {
    return cycle.isPresent();
  }

  /**
   * Opens a cycle.
   *
   * @param databaseNow the source database's clock, read for this cycle
   * @param settings the source's settings ({@code overlap}, {@code default_lookback}, {@code
   *     safety_lag})
   * @return the state with the cycle running, or, for an empty window, with the cycle ended
   * @throws IllegalStateException when a cycle is running (resume it instead) or the source is
   *     paused
   */
  public CycleState open(Instant databaseNow, SyncSettings settings) {
    Objects.requireNonNull(databaseNow, "databaseNow");
    Objects.requireNonNull(settings, "settings");
    if (running()) {
      throw new IllegalStateException("a cycle is running; record its pages or fail it first");
    }
    if (paused) {
      throw new IllegalStateException("the source is paused");
    }
    Instant since =
        committed
            .map(c -> c.minus(settings.overlap()))
            .orElseGet(() -> databaseNow.minus(settings.defaultLookback()));
    Instant upTo = databaseNow.minus(settings.safetyLag());
    if (upTo.isBefore(since)) {
      return new CycleState(committed, Optional.empty(), counters.plusCycle(), lastError, paused);
    }
    return new CycleState(
        committed, Optional.of(RunningCycle.opened(since, upTo)), counters, lastError, paused);
  }

  /**
   * Records a page that the page activity wrote. A page that exhausts the window commits the cycle.
   * Pages are recorded while paused too: a page that was in flight when the pause came is in the
   * store already.
   *
   * @throws IllegalStateException when no cycle is running (the page belongs to a cycle that was
   *     failed or reset, and must be ignored)
   * @throws IllegalArgumentException when a page that does not exhaust the window leaves the keyset
   *     position where it was (the next page would read the same rows forever)
   */
  public CycleState page(PageSummary page) {
    Objects.requireNonNull(page, "page");
    RunningCycle current =
        cycle.orElseThrow(() -> new IllegalStateException("no cycle is running"));
    if (!page.exhausted() && page.last().isPresent() && page.last().equals(current.after())) {
      throw new IllegalArgumentException(
          "the page did not move past " + describe(page.last().get()) + "; is the key unique?");
    }
    RunningCycle next = current.plus(page);
    CycleCounters totals = counters.plusPage(page);
    if (!page.exhausted()) {
      return new CycleState(committed, Optional.of(next), totals, lastError, paused);
    }
    return new CycleState(
        nextCommitted(committed, next.maxCursorSeen()),
        Optional.empty(),
        totals.plusCycle(),
        lastError,
        paused);
  }

  /**
   * The committed cursor that the running cycle commits if {@code lastPage} exhausts its window:
   * what the page activity writes to the store's checkpoint in the last page's transaction. Equal
   * to {@code page(lastPage).committed()}.
   *
   * @throws IllegalStateException when no cycle is running
   */
  public Optional<Instant> committedAfter(PageSummary lastPage) {
    RunningCycle current =
        cycle.orElseThrow(() -> new IllegalStateException("no cycle is running"));
    return nextCommitted(committed, later(current.maxCursorSeen(), lastPage.maxCursor()));
  }

  /**
   * Fails the running cycle (or the attempt to open one): the cycle is dropped, the committed
   * cursor stays, and the error is recorded against the cycle's ordinal.
   */
  public CycleState fail(String message) {
    Objects.requireNonNull(message, "message");
    return new CycleState(
        committed,
        Optional.empty(),
        counters.plusFailure(),
        Optional.of(new CycleError(message, counters.cycles() + 1)),
        paused);
  }

  /**
   * Sets the committed cursor to {@code cursor}, forwards or backwards (an explicit user action),
   * and drops the running cycle; the next cycle reads from {@code cursor} less the overlap.
   */
  public CycleState reset(Instant cursor) {
    Objects.requireNonNull(cursor, "cursor");
    return new CycleState(Optional.of(cursor), Optional.empty(), counters, lastError, paused);
  }

  /** Pauses the source: no new cycle opens; a running one keeps its position. */
  public CycleState pause() {
    return new CycleState(committed, cycle, counters, lastError, true);
  }

  /** Resumes a paused source. */
  public CycleState resume() {
    return new CycleState(committed, cycle, counters, lastError, false);
  }

  /** The state in its wire form, for workflow history. */
  public CycleStateWire toWire() {
    return CycleStateWire.of(this);
  }

  /**
   * The cursor a cycle commits: the greater of the committed one and the highest value the cycle
   * read; the committed one when it read nothing.
   */
  public static Optional<Instant> nextCommitted(
      Optional<Instant> committed, Optional<Instant> maxCursorSeen) {
    return later(committed, maxCursorSeen);
  }

  static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return b.get().isAfter(a.get()) ? b : a;
  }

  private CycleState withCommitted(Optional<Instant> cursor) {
    return new CycleState(cursor, cycle, counters, lastError, paused);
  }

  private static String describe(KeysetPosition p) {
    return "(" + CanonicalTime.format(p.cursor()) + ", " + p.key().text() + ")";
  }
}
