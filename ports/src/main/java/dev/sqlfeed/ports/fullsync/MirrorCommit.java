package dev.sqlfeed.ports.fullsync;

import dev.sqlfeed.ports.MirrorCounts;
import dev.sqlfeed.ports.ReconcileCounts;
import dev.sqlfeed.ports.SourceEvent;
import dev.sqlfeed.ports.SyncRun;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The commit of a full sync ({@link dev.sqlfeed.ports.FullSyncWrite#commit}), decided here and
 * carried out by the store through its {@link Steps}: the app's first full sync becomes its mirror
 * at once (the baseline, no event); a later one is reconciled with the mirror, page by page, each
 * difference an event; a commit that fails is recorded as a failed run with the differences it had
 * applied, and the failure is thrown.
 */
public final class MirrorCommit {
  /** What a store offers a commit: each step is one transaction, or a read. */
  public interface Steps {
    /** The run being committed. */
    SyncRun run();

    /** The order the store's walks of {@link #mirror()} and {@link #staged()} follow. */
    KeyOrder keyOrder();

    /**
     * When the app has no mirror yet, swaps the staged records in as its mirror and ends the run as
     * the baseline ({@link ReconcileCounts#BASELINE}), in one transaction; otherwise changes
     * nothing.
     *
     * @return the ended run, or empty when the app has a mirror
     */
    Optional<SyncRun> swapIfFirst(Instant endedAt);

    /** The app's mirror, in key order. */
    SortedMirror mirror();

    /** The run's staged records, in key order. */
    SortedMirror staged();

    /**
     * Writes one page of differences as events, with their mirror changes, in one transaction;
     * leaves out those the store's {@link ReconcileGuard} suppresses (the incremental log has
     * already said them).
     *
     * @return the events written
     */
    List<SourceEvent> applyPage(List<SourceEvent> page);

    /**
     * Ends a reconciled run: its staged records go, the mirror stays as the pages left it.
     *
     * @param staged what the run had staged
     * @param applied the differences the pages wrote
     */
    SyncRun reconciled(Instant endedAt, MirrorCounts staged, ReconcileCounts applied);

    /**
     * Records the run as failed after its commit failed with {@code failure}, dropping its staged
     * records; never throws: a store that cannot record it adds its own failure to {@code
     * failure}'s suppressed ones.
     *
     * @param applied the differences the pages wrote before the failure
     */
    void failed(Instant endedAt, String message, ReconcileCounts applied, RuntimeException failure);
  }

  private MirrorCommit() {}

  /**
   * Commits the run of {@code steps}.
   *
   * @throws RuntimeException whatever a step threw, after {@link Steps#failed} recorded it
   */
  public static SyncRun commit(Steps steps, Instant endedAt) {
    SyncRun run = steps.run();
    Reconciliation reconciliation =
        new Reconciliation(
            new ReconcileEvents(run.id(), run.startedAt()), steps.keyOrder(), steps::applyPage);
    try {
      Optional<SyncRun> baseline = steps.swapIfFirst(endedAt);
      if (baseline.isPresent()) {
        return baseline.get();
      }
      reconciliation.run(steps.mirror(), steps.staged());
      return steps.reconciled(endedAt, reconciliation.staged(), reconciliation.applied());
    } catch (RuntimeException e) {
      // A store failure, or a walk that found a side out of key order: recorded all the same.
      String message = "commit failed: " + (e.getMessage() == null ? e : e.getMessage());
      steps.failed(endedAt, message, reconciliation.applied(), e);
      throw e;
    }
  }
}
