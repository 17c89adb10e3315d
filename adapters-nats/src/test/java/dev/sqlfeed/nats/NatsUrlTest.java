package dev.sqlfeed.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.error.ConfigException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NatsUrlTest {
  @Test
  void credentials_areKeptForConnecting_butNeverShown() {
    NatsUrl url = NatsUrl.parse("nats://alice:p%40ss@nats.internal:4333");
    assertThat(url.connect()).isEqualTo("nats://alice:p%40ss@nats.internal:4333");
    assertThat(url.toString()).isEqualTo("nats://nats.internal:4333");
    assertThat(url.redact("cannot connect to nats://alice:p%40ss@nats.internal:4333 (p%40ss)"))
        .isEqualTo("cannot connect to nats://***@nats.internal:4333 (***)");
  }

  @Test
  void thePort_defaultsTo4222() {
    assertThat(NatsUrl.parse("nats://127.0.0.1").toString()).isEqualTo("nats://127.0.0.1:4222");
  }

  @Test
  void aUrlOfAnotherScheme_isRefused_withoutItsCredentials() {
    assertThatThrownBy(
            () ->
                NatsSinks.jetStream(
                    "http://bob:hunter2@host:4222",
                    "sqlfeed",
                    Optional.empty(),
                    "hr",
                    Duration.ofSeconds(1)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--publish")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void subjectsAndStreams_areSanitisedFromTheAppName() {
    assertThat(NatsNames.subject("sqlfeed", "HR app.v2", "grant_created"))
        .isEqualTo("sqlfeed.HR_app_v2.grant_created");
    assertThat(NatsNames.defaultStream("HR app.v2")).isEqualTo("SQLFEED_HR_APP_V2");
    assertThat(NatsNames.streamSubjects("acme.sqlfeed", "hr")).isEqualTo("acme.sqlfeed.hr.>");
  }

  @Test
  void aPrefixWithAWildcard_orAStreamWithADot_isRefused_namingTheOption() {
    assertThatThrownBy(
            () ->
                NatsSinks.jetStream(
                    "nats://h", "sqlfeed.*", Optional.empty(), "hr", Duration.ofSeconds(1)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--publish-subject-prefix");
    assertThatThrownBy(
            () ->
                NatsSinks.jetStream(
                    "nats://h", "sqlfeed", Optional.of("a.b"), "hr", Duration.ofSeconds(1)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--publish-stream");
  }
}
