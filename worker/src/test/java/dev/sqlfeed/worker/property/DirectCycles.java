package dev.sqlfeed.worker.property;

import dev.sqlfeed.domain.feed.CycleState;
import dev.sqlfeed.ports.Checkpoint;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.workflows.FeedActivitiesImpl;
import dev.sqlfeed.workflows.PageActivity;
import dev.sqlfeed.workflows.ScanRequest;
import dev.sqlfeed.workflows.ScanResult;
import java.util.HashMap;
import java.util.Map;

/**
 * Cycles run as {@code SourceWorkflowImpl} runs them, without Temporal: the page activity's code
 * ({@code FeedActivitiesImpl.scan}) called with each source's {@link CycleState}, the state
 * replaced by each page's result, until a page exhausts the window. A source whose state is
 * forgotten starts again from the store's checkpoint, as the workflow's {@code initialCheckpoint}
 * does.
 */
final class DirectCycles implements Cycles {
  private final FeedActivitiesImpl activities;
  private final SyncStore store;
  private final String app;
  private final int pageSize;
  private final EventLedger ledger;
  private final Map<String, CycleState> states = new HashMap<>();
  private final Map<String, EventLedger.Opening> openings = new HashMap<>();
  private final Map<String, Long> openedAt = new HashMap<>();

  // Alike on purpose to SourceWriter's constructor (and JooqSyncStore's): one that keeps its
  // arguments.
  DirectCycles(
      FeedActivitiesImpl activities,
      SyncStore store,
      String app,
      int pageSize,
      EventLedger ledger) {
    this.activities = activities;
    this.store = store;
    this.app = app;
    this.pageSize = pageSize;
    this.ledger = ledger;
    for (String source : AccessModel.SOURCES) {
      states.put(source, CycleState.initial());
    }
  }

  @Override
  public Long openedAt(String source) {
    return openedAt.get(source);
  }

  @Override
  public boolean pageable() {
    return true;
  }

  @Override
  public void page(String source, long logicalNow) {
    CycleState state = states.get(source);
    if (!state.running()) {
      openings.put(source, ledger.opening(source, state.committed()));
      openedAt.put(source, logicalNow);
    }
    ScanResult result =
        PageActivity.scan(activities, new ScanRequest(app, source, state.toWire(), pageSize));
    states.put(source, result.state().toState());
    if (result.exhausted()) {
      ledger.cycleEnded(source, openings.remove(source));
      openedAt.remove(source);
    }
  }

  @Override
  public void restartFromCheckpoint(String source) {
    states.put(
        source,
        store
            .checkpoint(app, source)
            .map(Checkpoint::cursor)
            .map(CycleState::startingAt)
            .orElse(CycleState.initial()));
    openings.remove(source);
    openedAt.remove(source);
  }

  @Override
  public void sweep(long logicalNow) {
    for (String source : AccessModel.SOURCES) {
      while (openedAt.containsKey(source)) {
        page(source, logicalNow);
      }
      do {
        page(source, logicalNow);
      } while (openedAt.containsKey(source));
    }
  }
}
