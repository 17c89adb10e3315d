package dev.sqlfeed.worker.cli;

/**
 * A command's outcome that is not success, said once: a message for the user and its exit code. A
 * command throws it instead of printing and returning a code, so that {@link ErrorReporter} is the
 * one place where outcomes become text on the error stream and exit codes.
 */
final class CliException extends RuntimeException {
  private final int exitCode;

  private CliException(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  /** The input is invalid: an option, a file, the config ({@link ExitCode#INVALID_INPUT}). */
  static CliException invalid(String message) {
    return new CliException(ExitCode.INVALID_INPUT, message);
  }

  /** The job failed ({@link ExitCode#FAILURE}). */
  static CliException failed(String message) {
    return new CliException(ExitCode.FAILURE, message);
  }

  /** Something the job needs cannot be reached ({@link ExitCode#UNAVAILABLE}). */
  static CliException unavailable(String message) {
    return new CliException(ExitCode.UNAVAILABLE, message);
  }

  int exitCode() {
    return exitCode;
  }
}
