package dev.sqlfeed.worker.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * A value and everything logged while it was computed, sqlfeed's own loggers at DEBUG: for tests
 * that a secret (a DSN's password, a generated account password) is in no log line.
 *
 * @param value what the action returned
 * @param logs every message logged meanwhile, with stack traces, one per line
 */
record Logged<T>(T value, String logs) {
  static <T> Logged<T> of(Supplier<T> action) {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger sqlfeed = (Logger) LoggerFactory.getLogger("dev.sqlfeed");
    Level level = sqlfeed.getLevel();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    sqlfeed.setLevel(Level.DEBUG);
    try {
      T value = action.get();
      StringBuilder logs = new StringBuilder();
      for (ILoggingEvent e : appender.list) {
        logs.append(e.getFormattedMessage()).append('\n');
        if (e.getThrowableProxy() != null) {
          logs.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
        }
      }
      return new Logged<>(value, logs.toString());
    } finally {
      sqlfeed.setLevel(level);
      root.detachAppender(appender);
    }
  }
}
