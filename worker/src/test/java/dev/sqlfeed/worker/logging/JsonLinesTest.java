package dev.sqlfeed.worker.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class JsonLinesTest {
  private final LoggerContext context = new LoggerContext();

  private String layout(LoggingEvent event) {
    JsonLines layout = new JsonLines();
    layout.setContext(context);
    layout.start();
    return layout.doLayout(event);
  }

  @Test
  void anEvent_isOneLineOfJson_withAMessageOfQuotesAndLineBreaks() throws Exception {
    LoggingEvent event =
        new LoggingEvent(
            "x",
            context.getLogger("dev.sqlfeed.worker.cli.RunCommand"),
            Level.WARN,
            "source {} said \"no\"\nand stopped",
            null,
            new Object[] {"team.grants.0"});
    event.setTimeStamp(1_764_842_400_123L);
    event.setThreadName("main");

    String line = layout(event);

    assertThat(line).endsWith(System.lineSeparator());
    assertThat(line.strip()).doesNotContain("\n");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("time").asText()).isEqualTo("2025-12-04T10:00:00.123Z");
    assertThat(json.get("level").asText()).isEqualTo("WARN");
    assertThat(json.get("logger").asText()).isEqualTo("dev.sqlfeed.worker.cli.RunCommand");
    assertThat(json.get("thread").asText()).isEqualTo("main");
    assertThat(json.get("message").asText())
        .isEqualTo("source team.grants.0 said \"no\"\nand stopped");
    assertThat(json.has("cause")).isFalse();
  }

  @Test
  void aLoggedException_isItsInnermostCauseOnOneLine_withoutATrace() throws Exception {
    LoggingEvent event =
        new LoggingEvent(
            "x",
            context.getLogger("dev.sqlfeed"),
            Level.ERROR,
            "page failed",
            new IllegalStateException(
                "outer", new SQLException("FATAL: terminating connection\nDETAIL: more")),
            null);

    JsonNode json = new ObjectMapper().readTree(layout(event));

    assertThat(json.get("cause").asText()).isEqualTo("SQLException: FATAL: terminating connection");
    assertThat(json.has("trace")).isFalse();
  }
}
