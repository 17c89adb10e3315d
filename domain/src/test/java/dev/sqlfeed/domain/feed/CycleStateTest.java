package dev.sqlfeed.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.config.SyncMode;
import dev.sqlfeed.domain.config.SyncSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CycleStateTest {
  private static final SyncSettings SETTINGS =
      new SyncSettings(
          Duration.ofHours(3),
          Duration.ofSeconds(30),
          2,
          Duration.ofSeconds(2),
          Duration.ofMinutes(1),
          SyncMode.KEYSET);
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final FeedSource USERS = FeedFixtures.source(FeedFixtures.acme(), "user");

  /** A source table in memory, paged the way the keyset reader pages. */
  private record Row(Instant cursor, long id) {}

  private static final Comparator<Row> KEYSET =
      Comparator.comparing(Row::cursor).thenComparingLong(Row::id);

  private static Instant at(String time) {
    return Instant.parse("2026-11-25T" + time + "Z");
  }

  /** The rows of the cycle's window strictly after its position, at most {@code limit}. */
  private static List<Row> readPage(List<Row> table, RunningCycle cycle, int limit) {
    return table.stream()
        .filter(r -> !r.cursor().isBefore(cycle.since()) && !r.cursor().isAfter(cycle.upTo()))
        .filter(
            r ->
                cycle
                    .after()
                    .map(p -> KEYSET.compare(r, new Row(p.cursor(), (Long) p.key().value())) > 0)
                    .orElse(true))
        .sorted(KEYSET)
        .limit(limit)
        .toList();
  }

  /** What the page activity reports for rows it read; the log is the set of ids it holds. */
  private static PageSummary summary(List<Row> rows, int limit, Set<String> log) {
    PageTally tally = new PageTally();
    long appended = 0;
    for (Row r : rows) {
      MappedRow mapped =
          IncrementalRowMapper.map(USERS, Map.of("id", r.id(), "updated_at", r.cursor()));
      tally.add(mapped);
      for (FeedEvent e : mapped.events()) {
        appended += log.add(e.id()) ? 1 : 0;
      }
    }
    return tally.summary(appended, rows.size() - appended, "", rows.size() < limit);
  }

  /** Runs one cycle to exhaustion and returns the rows it read, in order. */
  private static List<Row> runCycle(
      CycleState[] state, List<Row> table, Instant now, Set<String> log) {
    state[0] = state[0].open(now, SETTINGS);
    List<Row> read = new ArrayList<>();
    while (state[0].running()) {
      List<Row> page = readPage(table, state[0].cycle().orElseThrow(), SETTINGS.pageSize());
      read.addAll(page);
      state[0] = state[0].page(summary(page, SETTINGS.pageSize(), log));
    }
    return read;
  }

  @Test
  void firstCycle_readsDefaultLookbackBack_upToDatabaseNowLessSafetyLag() {
    CycleState state = CycleState.initial().open(NOW, SETTINGS);

    assertThat(state.cycle()).contains(RunningCycle.opened(at("09:00:00"), at("11:59:58")));
    assertThat(state.committed()).isEmpty();
  }

  @Test
  void laterCycle_readsFromTheCommittedCursorLessTheOverlap() {
    CycleState state = CycleState.startingAt(at("11:30:00")).open(NOW, SETTINGS);

    assertThat(state.cycle().orElseThrow().since()).isEqualTo(at("11:29:00"));
    assertThat(state.cycle().orElseThrow().upTo()).isEqualTo(at("11:59:58"));
  }

  @Test
  void multiPageCycle_advancesItsPosition_andCommitsTheHighestCursorOnExhaustion() {
    List<Row> table =
        List.of(
            new Row(at("10:00:00"), 1),
            new Row(at("10:00:01"), 2),
            new Row(at("10:00:02"), 3),
            new Row(at("10:00:03"), 4),
            new Row(at("10:00:04"), 5));
    Set<String> log = new HashSet<>();
    CycleState state = CycleState.initial().open(NOW, SETTINGS);

    state = state.page(summary(readPage(table, state.cycle().orElseThrow(), 2), 2, log));
    assertThat(state.cycle().orElseThrow().after())
        .contains(new KeysetPosition(at("10:00:01"), KeyValue.of(2L)));
    state = state.page(summary(readPage(table, state.cycle().orElseThrow(), 2), 2, log));
    assertThat(state.cycle().orElseThrow().after())
        .contains(new KeysetPosition(at("10:00:03"), KeyValue.of(4L)));
    assertThat(state.cycle().orElseThrow().rows()).isEqualTo(4);
    PageSummary last = summary(readPage(table, state.cycle().orElseThrow(), 2), 2, log);
    Optional<Instant> expected = state.committedAfter(last);
    state = state.page(last);

    assertThat(state.running()).isFalse();
    assertThat(state.committed()).contains(at("10:00:04")).isEqualTo(expected);
    assertThat(state.counters()).isEqualTo(new CycleCounters(1, 0, 0, 3, 5, 5, 0));
    assertThat(log).hasSize(5);
  }

  @Test
  void equalCursorValuesAcrossAPageEdge_areAllReadOnce_becauseThePositionHoldsTheKey() {
    Instant same = at("10:00:00");
    List<Row> table = new ArrayList<>();
    for (long id = 1; id <= 5; id++) {
      table.add(new Row(same, id));
    }
    table.add(new Row(at("10:00:01"), 6));
    CycleState[] state = {CycleState.initial()};

    List<Row> read = runCycle(state, table, NOW, new HashSet<>());

    assertThat(read).containsExactlyElementsOf(table);
    assertThat(state[0].counters().pages()).isEqualTo(4);
    assertThat(state[0].committed()).contains(at("10:00:01"));
  }

  @Test
  void emptyWindow_endsTheCycleAtOnce_andKeepsTheCommittedCursor() {
    Instant future = NOW.plus(Duration.ofHours(1));
    CycleState state = CycleState.initial().reset(future).open(NOW, SETTINGS);

    assertThat(state.running()).isFalse();
    assertThat(state.committed()).contains(future);
    assertThat(state.counters().cycles()).isEqualTo(1);
  }

  @Test
  void cycleWithoutRows_commitsNothing_soTheFirstCycleKeepsReadingTheLookback() {
    CycleState state = CycleState.initial().open(NOW, SETTINGS).page(PageSummary.empty());

    assertThat(state.running()).isFalse();
    assertThat(state.committed()).isEmpty();
    assertThat(state.counters().cycles()).isEqualTo(1);
    assertThat(state.open(NOW.plusSeconds(30), SETTINGS).cycle().orElseThrow().since())
        .isEqualTo(at("09:00:30"));
  }

  @Test
  void failureMidCycle_dropsTheCycle_keepsTheCommittedCursor_andRecordsTheError() {
    List<Row> table =
        List.of(new Row(at("11:40:00"), 1), new Row(at("11:41:00"), 2), new Row(at("11:42:00"), 3));
    Set<String> log = new HashSet<>();
    CycleState state = CycleState.startingAt(at("11:30:00")).open(NOW, SETTINGS);
    state = state.page(summary(readPage(table, state.cycle().orElseThrow(), 2), 2, log));

    state = state.fail("source user: connection lost");

    assertThat(state.running()).isFalse();
    assertThat(state.committed()).contains(at("11:30:00"));
    assertThat(state.lastError()).contains(new CycleError("source user: connection lost", 1));
    assertThat(state.counters().failures()).isEqualTo(1);
    assertThat(state.counters().consecutiveFailures()).isEqualTo(1);

    CycleState[] retry = {state};
    List<Row> read = runCycle(retry, table, NOW.plusSeconds(30), log);

    assertThat(read).containsExactlyElementsOf(table);
    assertThat(retry[0].committed()).contains(at("11:42:00"));
    assertThat(retry[0].counters().duplicates()).isEqualTo(2);
    assertThat(retry[0].counters().consecutiveFailures()).isZero();
    assertThat(retry[0].lastError()).isPresent();
  }

  @Test
  void failureWhileOpening_isRecordedAgainstTheNextCycle() {
    CycleState state = CycleState.initial().fail("cannot read the database clock");

    assertThat(state.lastError()).contains(new CycleError("cannot read the database clock", 1));
    assertThat(state.fail("again").lastError().orElseThrow().cycle()).isEqualTo(1);
  }

  @Test
  void overlap_reReadsTheLastRows_andTheLogDropsThemByEventId() {
    List<Row> table = new ArrayList<>(List.of(new Row(at("11:00:00"), 1)));
    Set<String> log = new HashSet<>();
    CycleState[] state = {CycleState.initial()};
    runCycle(state, table, NOW, log);

    table.add(new Row(at("11:00:30"), 2));
    List<Row> read = runCycle(state, table, NOW.plusSeconds(30), log);

    assertThat(read).extracting(Row::id).containsExactly(1L, 2L);
    assertThat(state[0].counters().eventsAppended()).isEqualTo(2);
    assertThat(state[0].counters().duplicates()).isEqualTo(1);
    assertThat(log).hasSize(2);
  }

  @Test
  void commit_neverMovesTheCursorBackwards_whenACycleReadsOnlyTheOverlap() {
    List<Row> table = List.of(new Row(at("11:29:30"), 1));
    CycleState[] state = {CycleState.startingAt(at("11:30:00"))};

    List<Row> read = runCycle(state, table, NOW, new HashSet<>());

    assertThat(read).hasSize(1);
    assertThat(state[0].committed()).contains(at("11:30:00"));
  }

  @Test
  void reset_movesTheCursorEitherWay_andDropsTheRunningCycle() {
    CycleState running = CycleState.startingAt(at("11:30:00")).open(NOW, SETTINGS);

    CycleState back = running.reset(at("08:00:00"));

    assertThat(back.running()).isFalse();
    assertThat(back.committed()).contains(at("08:00:00"));
    assertThat(back.open(NOW, SETTINGS).cycle().orElseThrow().since()).isEqualTo(at("07:59:00"));
    assertThatThrownBy(() -> back.page(PageSummary.empty()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void pause_holdsNewCycles_butRecordsAPageThatWasInFlight() {
    CycleState running = CycleState.initial().open(NOW, SETTINGS).pause();

    CycleState done = running.page(PageSummary.empty());

    assertThat(done.paused()).isTrue();
    assertThat(done.counters().cycles()).isEqualTo(1);
    assertThatThrownBy(() -> done.open(NOW, SETTINGS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("paused");
    assertThat(done.resume().open(NOW, SETTINGS).running()).isTrue();
  }

  @Test
  void open_whileACycleRuns_isRefused() {
    CycleState running = CycleState.initial().open(NOW, SETTINGS);

    assertThatThrownBy(() -> running.open(NOW, SETTINGS)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aPageThatDoesNotMoveThePosition_isRefused() {
    KeysetPosition p = new KeysetPosition(at("10:00:00"), KeyValue.of(1L));
    PageSummary stuck =
        new PageSummary(2, 0, 2, Optional.of(p), Optional.of(at("10:00:00")), "", false);
    CycleState state = CycleState.initial().open(NOW, SETTINGS).page(stuck);

    assertThatThrownBy(() -> state.page(stuck))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("did not move past (2026-11-25T10:00:00Z, 1)");
  }

  @Test
  void pageSummary_refusesAPageThatCannotContinue() {
    assertThatThrownBy(
            () -> new PageSummary(3, 3, 0, Optional.empty(), Optional.of(NOW), "", false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("where the next one starts");
    assertThatThrownBy(() -> new PageSummary(3, 3, 0, Optional.empty(), Optional.empty(), "", true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void compatPages_carryTheQuerysOwnPageToken() {
    PageSummary first =
        new PageSummary(2, 2, 0, Optional.empty(), Optional.of(at("10:00:00")), "100", false);

    CycleState state = CycleState.initial().open(NOW, SETTINGS).page(first);

    assertThat(state.cycle().orElseThrow().pageToken()).isEqualTo("100");
    assertThat(state.cycle().orElseThrow().maxCursorSeen()).contains(at("10:00:00"));
  }
}
