package dev.sqlfeed.worker.property;

/** How a history runs incremental cycles: page by page in process, or through Temporal. */
interface Cycles {
  /** The logical time at which a running cycle of {@code source} opened, or null when none runs. */
  Long openedAt(String source);

  /** Whether cycles can be advanced one page at a time between writes. */
  boolean pageable();

  /** One page of a source (opening a cycle if none runs); only when {@link #pageable()}. */
  void page(String source, long logicalNow);

  /** Forgets the workflow state of a source, as a Temporal server that lost it would. */
  void restartFromCheckpoint(String source);

  /**
   * Ends every running cycle, then runs one whole cycle of every source with no write meanwhile.
   */
  void sweep(long logicalNow);
}
