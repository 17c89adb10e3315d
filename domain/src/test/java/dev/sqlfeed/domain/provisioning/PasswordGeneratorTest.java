package dev.sqlfeed.domain.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.config.provisioning.Credentials;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PasswordGeneratorTest {
  private static final String PATH = "resource_types.user.account_provisioning.credentials";

  static LongStream seeds() {
    return new SplittableRandom(20261205).longs(50);
  }

  private static Credentials.RandomPassword settings(
      String disallowed, Credentials.Constraint... constraints) {
    return new Credentials.RandomPassword(true, 0, 0, disallowed, List.of(constraints));
  }

  private static long count(String text, String set) {
    return text.chars().filter(c -> set.indexOf(c) >= 0).count();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void withoutConstraints_everyClassAppears_atTheLengthAsked(long seed) {
    String p =
        new PasswordGenerator(new SplittableRandom(seed)).generate(settings(""), 12, PATH).reveal();

    assertThat(p).as("seed %d", seed).hasSize(12);
    assertThat(count(p, PasswordGenerator.UPPER)).as("seed %d", seed).isPositive();
    assertThat(count(p, PasswordGenerator.LOWER)).as("seed %d", seed).isPositive();
    assertThat(count(p, PasswordGenerator.DIGITS)).as("seed %d", seed).isPositive();
    assertThat(count(p, PasswordGenerator.SYMBOLS)).as("seed %d", seed).isPositive();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void constraintsAreMet_andDisallowedCharactersNeverDrawn(long seed) {
    String p =
        new PasswordGenerator(new SplittableRandom(seed))
            .generate(settings("'\"\\`", new Credentials.Constraint("xyz'", 4)), 10, PATH)
            .reveal();

    assertThat(p).as("seed %d", seed).hasSize(10).doesNotContain("'", "\"", "\\", "`");
    assertThat(count(p, "xyz")).as("seed %d", seed).isGreaterThanOrEqualTo(4);
  }

  @Test
  void theSameSeed_givesTheSamePassword_soTheTestsAreRepeatable() {
    assertThat(new PasswordGenerator(new SplittableRandom(7)).generate(settings(""), 20, PATH))
        .isEqualTo(new PasswordGenerator(new SplittableRandom(7)).generate(settings(""), 20, PATH));
  }

  @Test
  void aConstraintThatDisallowedCharactersEmpty_isRefused_namingIt() {
    PasswordGenerator generator = new PasswordGenerator(new SplittableRandom(1));

    assertThatThrownBy(
            () -> generator.generate(settings("ab", new Credentials.Constraint("ab", 1)), 12, PATH))
        .hasMessage(
            PATH
                + ".constraints[0]: disallowed_characters removes every character of its"
                + " char_set");
    assertThatThrownBy(() -> generator.generate(settings(""), 7, PATH))
        .hasMessage("a password needs at least 8 characters, not 7");
  }
}
