package dev.sqlfeed.domain.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordTest {
  private final Password password = new Password("s3cr'et\\X");

  @Test
  void toString_isMasked_soARecordThatCarriesItDoesNotShowIt() {
    record Carrier(String login, Password password) {}

    assertThat(password.toString()).isEqualTo("********");
    assertThat(new Carrier("dan", password).toString()).doesNotContain("s3cr");
    assertThat(String.valueOf(List.of(password))).isEqualTo("[********]");
    assertThat(Map.of("p", password).toString()).isEqualTo("{p=********}");
  }

  @Test
  void mask_replacesEveryOccurrence_andLeavesTheRest() {
    assertThat(
            password.mask("invalid input syntax for type integer: \"s3cr'et\\X\" (was s3cr'et\\X)"))
        .isEqualTo("invalid input syntax for type integer: \"********\" (was ********)");
    assertThat(password.mask("nothing to hide")).isEqualTo("nothing to hide");
    assertThat(password.mask(null)).isNull();
  }

  @Test
  void is_matchesTheBoundParameter_only() {
    assertThat(password.is("s3cr'et\\X")).isTrue();
    assertThat(password.is("s3cr'et")).isFalse();
    assertThat(password.is(null)).isFalse();
    assertThat(password.reveal()).isEqualTo("s3cr'et\\X");
  }

  @Test
  void anEmptyPassword_isRefused() {
    assertThatThrownBy(() -> new Password("")).isInstanceOf(IllegalArgumentException.class);
  }
}
