package dev.sqlfeed.worker.temporal;

import dev.sqlfeed.workflows.FullSyncActivities;
import dev.sqlfeed.workflows.FullSyncResult;
import io.temporal.activity.Activity;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A full sync that reads nothing: counts its calls, the store look-ups of a new schedule, and the
 * workflow runs that called it (a recycled embedded server starts new runs).
 */
final class CountingFullSync implements FullSyncActivities {
  final AtomicInteger calls = new AtomicInteger();
  final AtomicInteger lookups = new AtomicInteger();
  final Set<String> runIds = ConcurrentHashMap.newKeySet();

  @Override
  public FullSyncResult fullSync(String app) {
    runIds.add(Activity.getExecutionContext().getInfo().getWorkflowRunId());
    int call = calls.incrementAndGet();
    return new FullSyncResult(app, call, 0, 0, 0, 0, 0, 0, 0, 1);
  }

  @Override
  public String toString() {
    return calls + " full syncs in " + runIds.size() + " runs, " + lookups + " look-ups";
  }

  @Override
  public long lastFullSyncEnd(String app) {
    lookups.incrementAndGet();
    return 0;
  }
}
