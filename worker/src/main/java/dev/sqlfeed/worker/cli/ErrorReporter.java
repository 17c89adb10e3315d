package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.error.ConfigException;
import dev.sqlfeed.domain.error.DatabaseException;
import dev.sqlfeed.domain.error.MappingException;
import dev.sqlfeed.domain.error.SinkException;
import dev.sqlfeed.domain.error.SqlfeedException;
import dev.sqlfeed.worker.temporal.TemporalUnavailableException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The one place where an exception becomes a message and an exit code. Messages of sqlfeed's own
 * errors are written for users and never carry secrets; anything else is a bug, reported with its
 * type so that it can be found.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);

  @Override
  public int handleExecutionException(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    return report(e, commandLine.getErr());
  }

  static int report(Throwable e, PrintWriter err) {
    int code = exitCode(e);
    if (e instanceof ConfigException config) {
      config.problems().forEach(err::println);
    } else if (e instanceof CliException) {
      // Every line of a command's message says who speaks.
      e.getMessage().lines().forEach(line -> err.println("sqlfeed: " + line));
    } else if (e instanceof SqlfeedException) {
      err.println("sqlfeed: " + e.getMessage());
    } else if (e instanceof TemporalUnavailableException) {
      // The message names the address; gRPC's own words after it may run over several lines.
      err.println("sqlfeed: " + firstLine(e.getMessage()));
    } else {
      err.println("sqlfeed: internal error: " + e);
      LOG.debug("internal error", e);
    }
    err.flush();
    return code;
  }

  static int exitCode(Throwable e) {
    if (e instanceof CliException c) {
      return c.exitCode();
    }
    if (e instanceof ConfigException) {
      return ExitCode.INVALID_INPUT;
    }
    if (e instanceof DatabaseException d) {
      return d.kind() == DatabaseException.Kind.UNAVAILABLE
          ? ExitCode.UNAVAILABLE
          : ExitCode.FAILURE;
    }
    if (e instanceof SinkException) {
      return ExitCode.UNAVAILABLE;
    }
    if (e instanceof TemporalUnavailableException) {
      // Temporal holds the committed cursors: without it nothing can run, as without a database.
      return ExitCode.UNAVAILABLE;
    }
    if (e instanceof MappingException) {
      return ExitCode.FAILURE;
    }
    return ExitCode.FAILURE;
  }

  private static String firstLine(String message) {
    String text = message == null ? "" : message.strip();
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end).strip();
  }
}
