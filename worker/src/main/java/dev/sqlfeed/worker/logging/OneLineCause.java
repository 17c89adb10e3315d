package dev.sqlfeed.worker.logging;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import java.util.Locale;

/**
 * Logback's {@code %cause}: a logged exception as one line that keeps its innermost cause ({@code "
 * (cause: PSQLException: FATAL: terminating connection ...)"}), so that users read what went wrong
 * without a stack trace of a library's internals. With {@code SQLFEED_LOG_LEVEL=DEBUG} (or {@code
 * TRACE}) the whole trace is written, as logback writes it by default.
 */
public final class OneLineCause extends ThrowableHandlingConverter {
  private final ThrowableProxyConverter full = new ThrowableProxyConverter();
  private final boolean debug = debug(System.getenv("SQLFEED_LOG_LEVEL"));

  static boolean debug(String level) {
    String l = level == null ? "" : level.strip().toUpperCase(Locale.ROOT);
    return l.equals("DEBUG") || l.equals("TRACE") || l.equals("ALL");
  }

  @Override
  public void start() {
    full.setContext(getContext());
    full.start();
    super.start();
  }

  @Override
  public String convert(ILoggingEvent event) {
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown == null) {
      return "";
    }
    if (debug) {
      // The pattern ends the line after this: the trace starts on a line of its own.
      return System.lineSeparator() + full.convert(event).stripTrailing();
    }
    return " (cause: " + summary(thrown) + ")";
  }

  /** The innermost cause's type and the first line of its message. */
  static String summary(IThrowableProxy thrown) {
    IThrowableProxy root = thrown;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String type = root.getClassName().substring(root.getClassName().lastIndexOf('.') + 1);
    String message = root.getMessage() == null ? "" : root.getMessage().strip();
    int newline = message.indexOf('\n');
    return type
        + (message.isEmpty() ? "" : ": " + (newline < 0 ? message : message.substring(0, newline)));
  }
}
