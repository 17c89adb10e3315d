package dev.sqlfeed.domain.config.provisioning;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code credentials}: how a new or rotated account gets its password.
 *
 * @param noPassword {@code no_password}
 * @param randomPassword {@code random_password}
 * @param encryptedPassword {@code encrypted_password}
 */
public record Credentials(
    Optional<Option> noPassword,
    Optional<RandomPassword> randomPassword,
    Optional<Option> encryptedPassword) {

  /**
   * A credential option with no settings of its own.
   *
   * @param preferred {@code preferred}
   */
  public record Option(boolean preferred) {}

  /**
   * {@code random_password}.
   *
   * @param preferred {@code preferred}
   * @param maxLength {@code max_length} (baton-sql: deprecated, no effect)
   * @param minLength {@code min_length} (baton-sql: deprecated, no effect)
   * @param disallowedCharacters {@code disallowed_characters}: never drawn (baton-sql's current
   *     release honours it again)
   * @param constraints {@code constraints}
   */
  public record RandomPassword(
      boolean preferred,
      int maxLength,
      int minLength,
      String disallowedCharacters,
      List<Constraint> constraints) {
    public RandomPassword {
      Objects.requireNonNull(disallowedCharacters, "disallowedCharacters");
      constraints = List.copyOf(constraints);
    }
  }

  /**
   * One of {@code random_password.constraints}.
   *
   * @param charSet {@code char_set}
   * @param minCount {@code min_count}
   */
  public record Constraint(String charSet, int minCount) {
    public Constraint {
      Objects.requireNonNull(charSet, "charSet");
    }
  }

  public Credentials {
    Objects.requireNonNull(noPassword, "noPassword");
    Objects.requireNonNull(randomPassword, "randomPassword");
    Objects.requireNonNull(encryptedPassword, "encryptedPassword");
  }
}
