package dev.sqlfeed.worker.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * One JSON object per log event, on one line, for log shippers: {@code time} (UTC, ISO-8601 with
 * milliseconds), {@code level}, {@code logger}, {@code thread}, {@code message}, and for a logged
 * exception {@code cause} (its innermost cause on one line, as {@link OneLineCause} writes it) and,
 * only with {@code SQLFEED_LOG_LEVEL=DEBUG}, {@code trace}. Every string is escaped by Jackson, so
 * a message with quotes or line breaks stays one line of valid JSON.
 */
public final class JsonLines extends LayoutBase<ILoggingEvent> {
  private static final JsonFactory JSON = new JsonFactory();

  private final ThrowableProxyConverter trace = new ThrowableProxyConverter();
  private final boolean debug = OneLineCause.debug(System.getenv("SQLFEED_LOG_LEVEL"));

  @Override
  public void start() {
    trace.setContext(getContext());
    trace.start();
    super.start();
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    StringWriter line = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(line)) {
      json.writeStartObject();
      json.writeStringField("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
      json.writeStringField("level", event.getLevel().toString());
      json.writeStringField("logger", event.getLoggerName());
      json.writeStringField("thread", event.getThreadName());
      json.writeStringField("message", event.getFormattedMessage());
      IThrowableProxy thrown = event.getThrowableProxy();
      if (thrown != null) {
        json.writeStringField("cause", OneLineCause.summary(thrown));
        if (debug) {
          json.writeStringField("trace", trace.convert(event).stripTrailing());
        }
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return line.append(System.lineSeparator()).toString();
  }
}
