package dev.sqlfeed.domain.provisioning;

import dev.sqlfeed.domain.config.provisioning.Credentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Generates a {@code random_password} the way baton-sql does: at least one upper-case letter,
 * lower-case letter, digit and symbol, or, when the block has {@code constraints}, {@code
 * min_count} characters of each constraint's {@code char_set} instead; the rest drawn from all four
 * classes; then shuffled. Characters in {@code disallowed_characters} are never drawn (for
 * applications that cannot store a quote or a backslash).
 */
public final class PasswordGenerator {
  /** baton-sql refuses shorter passwords. */
  public static final int MIN_LENGTH = 8;

  /** The length when the caller does not give one. */
  public static final int DEFAULT_LENGTH = 20;

  static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  static final String DIGITS = "0123456789";
  static final String SYMBOLS = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  private final RandomGenerator random;

  /**
   * @param random a cryptographically strong generator ({@code SecureRandom}) outside tests
   */
  public PasswordGenerator(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * A new password.
   *
   * @param settings the block's {@code random_password}
   * @param length the password's length
   * @param path the YAML path of the block, for messages
   * @throws IllegalArgumentException naming the path when the length is below {@link #MIN_LENGTH}
   *     or below the constraints' minimums, or when {@code disallowed_characters} leaves nothing to
   *     draw from
   */
  public Password generate(Credentials.RandomPassword settings, int length, String path) {
    if (length < MIN_LENGTH) {
      throw new IllegalArgumentException(
          "a password needs at least " + MIN_LENGTH + " characters, not " + length);
    }
    String disallowed = settings.disallowedCharacters();
    List<String> required = new ArrayList<>();
    if (settings.constraints().isEmpty()) {
      for (String set : List.of(UPPER, LOWER, DIGITS, SYMBOLS)) {
        String allowed = without(set, disallowed);
        if (!allowed.isEmpty()) {
          required.add(allowed);
        }
      }
    } else {
      for (int i = 0; i < settings.constraints().size(); i++) {
        Credentials.Constraint c = settings.constraints().get(i);
        String allowed = without(c.charSet(), disallowed);
        if (allowed.isEmpty()) {
          throw new IllegalArgumentException(
              path
                  + ".constraints["
                  + i
                  + "]: disallowed_characters removes every character of its char_set");
        }
        for (int n = 0; n < c.minCount(); n++) {
          required.add(allowed);
        }
      }
    }
    String pool = without(UPPER + LOWER + DIGITS + SYMBOLS, disallowed);
    if (pool.isEmpty()) {
      throw new IllegalArgumentException(
          path + ".disallowed_characters: removes every character a password is made of");
    }
    if (required.size() > length) {
      throw new IllegalArgumentException(
          path
              + ": the constraints need "
              + required.size()
              + " characters, more than the length "
              + length);
    }
    StringBuilder password = new StringBuilder(length);
    for (String set : required) {
      password.append(pick(set));
    }
    while (password.length() < length) {
      password.append(pick(pool));
    }
    shuffle(password);
    return new Password(password.toString());
  }

  private char pick(String set) {
    return set.charAt(random.nextInt(set.length()));
  }

  private void shuffle(StringBuilder chars) {
    for (int i = chars.length() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      char c = chars.charAt(i);
      chars.setCharAt(i, chars.charAt(j));
      chars.setCharAt(j, c);
    }
  }

  private static String without(String set, String disallowed) {
    StringBuilder out = new StringBuilder(set.length());
    set.chars().filter(c -> disallowed.indexOf(c) < 0).forEach(c -> out.append((char) c));
    return out.toString();
  }
}
