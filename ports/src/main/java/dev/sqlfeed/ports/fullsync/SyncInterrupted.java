package dev.sqlfeed.ports.fullsync;

import dev.sqlfeed.ports.SyncRun;
import java.util.Optional;

/**
 * A full sync stopped on request (a signal) between two rows. {@link FullSync} records the run as
 * {@link SyncRun.Outcome#INTERRUPTED}, drops its staged rows, and throws this again with the
 * recorded run, so that the caller can say what the run reached.
 */
public final class SyncInterrupted extends RuntimeException {
  private final transient SyncRun run;

  /**
   * @param why for example {@code SIGTERM}; the message becomes {@code interrupted by SIGTERM}
   */
  public SyncInterrupted(String why) {
    this(SyncRun.INTERRUPTED_MESSAGE + " by " + why, null);
  }

  private SyncInterrupted(String message, SyncRun run) {
    super(message, null, false, false);
    this.run = run;
  }

  /** The same interruption, with the run as recorded. */
  SyncInterrupted recorded(SyncRun recorded) {
    return new SyncInterrupted(getMessage(), recorded);
  }

  /** The recorded run, once {@link FullSync} recorded it. */
  public Optional<SyncRun> run() {
    return Optional.ofNullable(run);
  }
}
