package dev.sqlfeed.ports.sink;

/**
 * Where each sink's position (the seq of the last event of an app it published) is kept, in the
 * sync store beside the log, so that a restarted publisher resumes where it stopped.
 *
 * <p>A position never moves back: saving a seq below the stored one leaves the stored one, so two
 * publishers of one app and sink at once cannot make a third publish again what both published.
 * Errors: every failure is a {@link dev.sqlfeed.domain.error.StoreException}. Thread-safe.
 */
public interface SinkPositions {
  /** The seq of the last event of {@code app} published to {@code sink}; 0 if none ever was. */
  long sinkPosition(String app, String sink);

  /** Stores {@code seq} as the position of {@code app} in {@code sink}, unless it is lower. */
  void saveSinkPosition(String app, String sink, long seq);
}
