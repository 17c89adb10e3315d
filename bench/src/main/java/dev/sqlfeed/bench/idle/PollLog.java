package dev.sqlfeed.bench.idle;

import dev.sqlfeed.domain.config.SyncSettings;
import dev.sqlfeed.domain.feed.CycleState;
import dev.sqlfeed.domain.feed.PageSummary;
import dev.sqlfeed.workflows.FeedActivities;
import dev.sqlfeed.workflows.ScanRequest;
import dev.sqlfeed.workflows.ScanResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Activities over sources that never change, so that the measurement sees Temporal and the worker
 * alone: every cycle is one empty page. Records when each page ran (wall clock, milliseconds).
 */
final class PollLog implements FeedActivities {
  private static final String CURSOR = "2026-11-25T10:00:00Z";

  private final ConcurrentLinkedQueue<Long> polls = new ConcurrentLinkedQueue<>();
  private final Set<String> polled = ConcurrentHashMap.newKeySet();

  /** Sources that have run at least one page. */
  int sourcesPolled() {
    return polled.size();
  }

  /** The wall-clock times of the pages run at or after {@code fromMillis}. */
  List<Long> pollsSince(long fromMillis) {
    List<Long> since = new ArrayList<>();
    for (long t : polls) {
      if (t >= fromMillis) {
        since.add(t);
      }
    }
    return since;
  }

  @Override
  public String initialCheckpoint(String app, String sourceKey) {
    return CURSOR;
  }

  @Override
  public ScanResult scanPage(ScanRequest request) {
    polls.add(System.currentTimeMillis());
    polled.add(request.sourceKey());
    CycleState state = request.state().toState();
    if (!state.running()) {
      state = state.open(Instant.parse(CURSOR).plusSeconds(60), SyncSettings.DEFAULTS);
    }
    if (state.running()) {
      state = state.page(PageSummary.empty());
    }
    return new ScanResult(state.toWire(), 0, 0, 0, true);
  }
}
