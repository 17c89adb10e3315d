package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.provisioning.Password;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParameterTextTest {
  private final Optional<Password> password = Optional.of(new Password("Xy7!pass"));

  @Test
  void theGeneratedPassword_isPrintedMasked() {
    assertThat(ParameterText.of("Xy7!pass", password))
        .isEqualTo("'********' (string, generated password)");
  }

  @Test
  void otherValues_arePrintedAsTheyAre_evenWithAPassword() {
    assertThat(ParameterText.of("dan", password)).isEqualTo("'dan' (string)");
    assertThat(ParameterText.of(null, password)).isEqualTo("NULL");
    assertThat(ParameterText.of(42L, password)).isEqualTo("42 (number)");
    assertThat(ParameterText.of("Xy7!pass", Optional.empty())).isEqualTo("'Xy7!pass' (string)");
  }
}
