package dev.sqlfeed.ports;

import java.util.List;
import java.util.Optional;

/**
 * The event log and the sources' checkpoints, kept in the sync store beside the mirror.
 *
 * <p>Errors: every failure is a {@link dev.sqlfeed.domain.error.StoreException}.
 */
public interface EventLog {
  /**
   * Writes one page of a source in one transaction: appends each event whose id the log does not
   * have (assigning the next seq) and applies its mirror changes; drops an event whose id it has,
   * without applying its changes (so re-reading a row is harmless); and, when {@code commit} is
   * present, replaces the source's checkpoint. Either all of it happens or none.
   */
  PageWriteResult writePage(String app, List<SourceEvent> events, Optional<Checkpoint> commit);

  /** The source's committed checkpoint, if it ever committed. */
  Optional<Checkpoint> checkpoint(String app, String source);

  /** Events with a seq greater than {@code afterSeq}, in seq order, at most {@code limit}. */
  List<StoredEvent> events(Optional<String> app, long afterSeq, int limit);
}
