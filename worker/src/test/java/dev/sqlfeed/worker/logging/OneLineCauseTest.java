package dev.sqlfeed.worker.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ThrowableProxy;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class OneLineCauseTest {
  @Test
  void summary_isTheInnermostCauseOnOneLine() {
    Exception wrapped =
        new RuntimeException(
            "activity failed",
            new IllegalStateException(
                "pool", new SQLException("FATAL: terminating connection\nDETAIL: admin")));

    assertThat(OneLineCause.summary(new ThrowableProxy(wrapped)))
        .isEqualTo("SQLException: FATAL: terminating connection");
  }

  @Test
  void onlyDebugAndTraceLevels_writeWholeTraces() {
    assertThat(OneLineCause.debug("debug")).isTrue();
    assertThat(OneLineCause.debug("TRACE")).isTrue();
    assertThat(OneLineCause.debug("INFO")).isFalse();
    assertThat(OneLineCause.debug(null)).isFalse();
  }
}
