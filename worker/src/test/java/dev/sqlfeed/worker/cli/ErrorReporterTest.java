package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.error.SinkException;
import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.worker.temporal.TemporalUnavailableException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ErrorReporterTest {
  private final StringWriter err = new StringWriter();

  private int report(Throwable e) {
    return ErrorReporter.report(e, new PrintWriter(err));
  }

  @Test
  void unreachableTemporal_exits3_withOneLineNamingTheAddress() {
    int code =
        report(
            new TemporalUnavailableException(
                "cannot reach Temporal at 127.0.0.1:7299: UNAVAILABLE: io exception\n"
                    + "Channel Pipeline: [SslHandler#0, ProtocolNegotiators$ClientTlsHandler#0]",
                new RuntimeException("connection refused")));

    assertThat(code).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(err.toString())
        .isEqualTo(
            "sqlfeed: cannot reach Temporal at 127.0.0.1:7299: UNAVAILABLE: io exception"
                + System.lineSeparator());
  }

  @Test
  void unreachableTemporal_isTheSameClassAsAnUnreachableSource() {
    SourceException source =
        new SourceException(SourceException.Kind.UNAVAILABLE, true, "connect: refused", null);

    assertThat(ErrorReporter.exitCode(new TemporalUnavailableException("no", null)))
        .isEqualTo(ErrorReporter.exitCode(source))
        .isEqualTo(ExitCode.UNAVAILABLE);
  }

  @Test
  void aFailedEventSink_exits3_withItsMessage() {
    int code = report(new SinkException("NATS nats://127.0.0.1:1, stream S: refused", 0, null));

    assertThat(code).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(err.toString())
        .isEqualTo("sqlfeed: NATS nats://127.0.0.1:1, stream S: refused" + System.lineSeparator());
  }
}
