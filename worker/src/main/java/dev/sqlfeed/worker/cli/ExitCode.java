package dev.sqlfeed.worker.cli;

/** sqlfeed's exit codes, defined once. */
public final class ExitCode {
  /** Everything worked. */
  public static final int OK = 0;

  /** The job failed: a query, a row that cannot be mapped, a store write. */
  public static final int FAILURE = 1;

  /** The input is invalid: the config, a command-line option. */
  public static final int INVALID_INPUT = 2;

  /** A source database, the store or Temporal cannot be reached. */
  public static final int UNAVAILABLE = 3;

  /**
   * A process stopped by signal {@code number} (2 for Ctrl-C, 15 for SIGTERM) after cleaning up:
   * 128 plus the number, as a shell reports a process the signal killed.
   */
  public static int signalled(int number) {
    return 128 + number;
  }

  private ExitCode() {}
}
