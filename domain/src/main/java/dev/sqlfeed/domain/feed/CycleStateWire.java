package dev.sqlfeed.domain.feed;

import java.util.Optional;

/**
 * {@link CycleState} as the workflow keeps it in Temporal history and carries it across
 * continue-as-new: one flat record of strings, longs and booleans, which Jackson writes and reads
 * without modules or annotations (no {@code Optional}, no {@code Instant}, no nested types). A wire
 * format: add components (at the end), never rename, remove or reorder them.
 *
 * <p>Instants are {@link CanonicalTime} text (Go's RFC3339Nano in UTC) and absent values are {@code
 * null}. {@code since == null} means no cycle is running; the other {@code cycle*}, {@code after*},
 * {@code pageToken} and {@code maxCursorSeen} fields then carry nothing. The key of the keyset
 * position is its {@link KeyValue}: a type tag ({@code long}, {@code string}, {@code double},
 * {@code boolean}, {@code bytes}, {@code timestamp}) and exact text.
 *
 * @param committedCursor the committed cursor; null before the first commit
 * @param since the running cycle's lower bound; null when no cycle is running
 * @param upTo the running cycle's upper bound
 * @param afterCursor the cursor of the keyset position; null before the cycle's first page
 * @param afterKey the key of the keyset position, as {@link KeyValue#text()}
 * @param afterKeyType the key's {@link KeyValue.Type#tag()}
 * @param pageToken compat mode's next page token; null or empty when none
 * @param maxCursorSeen the highest cursor read in the running cycle; null while none was read
 * @param cyclePages pages written in the running cycle
 * @param cycleRows rows read in the running cycle
 * @param cycleEventsAppended new events of the running cycle
 * @param cycleDuplicates duplicate events of the running cycle
 * @param cycles {@link CycleCounters#cycles()}
 * @param failures {@link CycleCounters#failures()}
 * @param consecutiveFailures {@link CycleCounters#consecutiveFailures()}
 * @param pages {@link CycleCounters#pages()}
 * @param rows {@link CycleCounters#rows()}
 * @param eventsAppended {@link CycleCounters#eventsAppended()}
 * @param duplicates {@link CycleCounters#duplicates()}
 * @param lastError the last error's message; null when none
 * @param lastErrorCycle the last error's cycle ordinal; 0 when none
 * @param paused whether the source is paused
 */
public record CycleStateWire(
    String committedCursor,
    String since,
    String upTo,
    String afterCursor,
    String afterKey,
    String afterKeyType,
    String pageToken,
    String maxCursorSeen,
    long cyclePages,
    long cycleRows,
    long cycleEventsAppended,
    long cycleDuplicates,
    long cycles,
    long failures,
    long consecutiveFailures,
    long pages,
    long rows,
    long eventsAppended,
    long duplicates,
    String lastError,
    long lastErrorCycle,
    boolean paused) {

  static CycleStateWire of(CycleState s) {
    RunningCycle c = s.cycle().orElse(null);
    KeysetPosition after = c == null ? null : c.after().orElse(null);
    CycleCounters n = s.counters();
    CycleError error = s.lastError().orElse(null);
    return new CycleStateWire(
        CanonicalTime.formatNullable(s.committed().orElse(null)),
        c == null ? null : CanonicalTime.format(c.since()),
        c == null ? null : CanonicalTime.format(c.upTo()),
        after == null ? null : CanonicalTime.format(after.cursor()),
        after == null ? null : after.key().text(),
        after == null ? null : after.key().type().tag(),
        c == null ? null : c.pageToken(),
        c == null ? null : CanonicalTime.formatNullable(c.maxCursorSeen().orElse(null)),
        c == null ? 0 : c.pages(),
        c == null ? 0 : c.rows(),
        c == null ? 0 : c.eventsAppended(),
        c == null ? 0 : c.duplicates(),
        n.cycles(),
        n.failures(),
        n.consecutiveFailures(),
        n.pages(),
        n.rows(),
        n.eventsAppended(),
        n.duplicates(),
        error == null ? null : error.message(),
        error == null ? 0 : error.cycle(),
        s.paused());
  }

  /**
   * The state this wire form holds.
   *
   * @throws IllegalArgumentException when a time or key is malformed, or a running cycle lacks its
   *     upper bound
   */
  public CycleState toState() {
    Optional<RunningCycle> cycle = Optional.empty();
    if (since != null) {
      if (upTo == null) {
        throw new IllegalArgumentException("a running cycle needs both since and upTo");
      }
      KeyValue key = KeyValue.fromWire(afterKeyType, afterKey);
      if ((afterCursor == null) != (key == null)) {
        throw new IllegalArgumentException("a keyset position needs both its cursor and its key");
      }
      cycle =
          Optional.of(
              new RunningCycle(
                  CanonicalTime.parse(since),
                  CanonicalTime.parse(upTo),
                  key == null
                      ? Optional.empty()
                      : Optional.of(new KeysetPosition(CanonicalTime.parse(afterCursor), key)),
                  pageToken == null ? "" : pageToken,
                  Optional.ofNullable(CanonicalTime.parseNullable(maxCursorSeen)),
                  cyclePages,
                  cycleRows,
                  cycleEventsAppended,
                  cycleDuplicates));
    }
    return new CycleState(
        Optional.ofNullable(CanonicalTime.parseNullable(committedCursor)),
        cycle,
        new CycleCounters(
            cycles, failures, consecutiveFailures, pages, rows, eventsAppended, duplicates),
        lastError == null
            ? Optional.empty()
            : Optional.of(new CycleError(lastError, lastErrorCycle)),
        paused);
  }
}
