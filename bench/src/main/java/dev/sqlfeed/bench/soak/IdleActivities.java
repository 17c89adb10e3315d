package dev.sqlfeed.bench.soak;

import dev.sqlfeed.domain.config.SyncSettings;
import dev.sqlfeed.domain.feed.CycleState;
import dev.sqlfeed.domain.feed.PageSummary;
import dev.sqlfeed.workflows.FeedActivities;
import dev.sqlfeed.workflows.ScanRequest;
import dev.sqlfeed.workflows.ScanResult;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Activities over sources that never change, so that the soak measures Temporal and the runner
 * alone: every cycle is one empty page. Counts the pages.
 */
final class IdleActivities implements FeedActivities {
  private static final String CURSOR = "2026-11-25T10:00:00Z";

  private final AtomicLong pages = new AtomicLong();

  long pages() {
    return pages.get();
  }

  @Override
  public String initialCheckpoint(String app, String sourceKey) {
    return CURSOR;
  }

  @Override
  public ScanResult scanPage(ScanRequest request) {
    pages.incrementAndGet();
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
