package dev.sqlfeed.worker.temporal;

import dev.sqlfeed.domain.config.SyncSettings;
import dev.sqlfeed.domain.error.MappingException;
import dev.sqlfeed.domain.feed.CycleState;
import dev.sqlfeed.domain.feed.PageSummary;
import dev.sqlfeed.workflows.FeedActivities;
import dev.sqlfeed.workflows.FeedFailures;
import dev.sqlfeed.workflows.ScanRequest;
import dev.sqlfeed.workflows.ScanResult;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Activities over sources that never change: the store's checkpoint is {@link #CURSOR}, and every
 * cycle is one empty page. A source may be told to fail permanently. Counts calls per source.
 */
final class IdleFeed implements FeedActivities {
  static final String CURSOR = "2026-11-25T10:00:00Z";

  final Map<String, AtomicInteger> scans = new ConcurrentHashMap<>();
  final Map<String, AtomicInteger> checkpoints = new ConcurrentHashMap<>();
  final Set<String> failing = ConcurrentHashMap.newKeySet();

  int scans(String key) {
    return scans.getOrDefault(key, new AtomicInteger()).get();
  }

  int checkpointReads() {
    return checkpoints.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  @Override
  public String initialCheckpoint(String app, String sourceKey) {
    checkpoints.computeIfAbsent(sourceKey, k -> new AtomicInteger()).incrementAndGet();
    return CURSOR;
  }

  @Override
  public ScanResult scanPage(ScanRequest request) {
    scans.computeIfAbsent(request.sourceKey(), k -> new AtomicInteger()).incrementAndGet();
    if (failing.contains(request.sourceKey())) {
      throw FeedFailures.of(new MappingException(request.sourceKey() + ": cannot map row id=7"));
    }
    return emptyPage(request);
  }

  /** The page of a source without changes: the cycle opens, finds nothing and ends. */
  static ScanResult emptyPage(ScanRequest request) {
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
