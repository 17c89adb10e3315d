package dev.sqlfeed.domain.error;

/**
 * An event sink (a broker that events are published to) failed. Maps to exit code 3: the broker
 * cannot be reached, refused a message or did not acknowledge it in time. The message names the
 * sink without credentials.
 */
public final class SinkException extends SqlfeedException {
  private final int published;

  /**
   * @param published how many messages of the batch being published were acknowledged before the
   *     failure: they are stored by the broker and need not be sent again
   */
  public SinkException(String message, int published, Throwable cause) {
    super(message, cause);
    if (published < 0) {
      throw new IllegalArgumentException("published must not be negative: " + published);
    }
    this.published = published;
  }

  /** How many messages of the failed batch the broker acknowledged, in order, before it failed. */
  public int published() {
    return published;
  }

  /** A broker outage may end: every sink failure is worth retrying later. */
  @Override
  public boolean transientFailure() {
    return true;
  }
}
