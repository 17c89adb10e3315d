package dev.sqlfeed.ports;

/**
 * A store whose event log can be pruned. Pruned events are gone for good: readers of the log no
 * longer see them, {@link EventLog#heldIds} no longer counts their ids, and {@link
 * EventLog#deletedFromMirror} no longer counts them as the resource events that tell a resource put
 * back from one seen for the first time (so {@link dev.sqlfeed.ports.feed.GrantRestorer} restores
 * no grants for a resource whose events were all pruned). Seqs handed out later keep rising. An
 * event that a sink of its app has not published yet (its seq above a position the store keeps as
 * {@link dev.sqlfeed.ports.sink.SinkPositions}) is never pruned, whatever the rules say.
 */
public interface EventPruner {
  /**
   * Removes the log's oldest events as {@code prune} says, in one transaction.
   *
   * @return how many events were removed
   */
  long pruneEvents(EventPrune prune);
}
