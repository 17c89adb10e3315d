package dev.sqlfeed.domain.provisioning;

import java.util.Objects;

/**
 * A password that sqlfeed generated for an account. Its {@link #toString} is masked, so that a
 * record or message that carries it by mistake still does not show it; only {@link #reveal} gives
 * the text, for the statement parameter and the one line that hands it to the operator.
 *
 * @param value the password
 */
public record Password(String value) {
  /** What a password is shown as everywhere but the operator's one line. */
  public static final String MASK = "********";

  public Password {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a password must not be empty");
    }
  }

  /** The password itself. */
  public String reveal() {
    return value;
  }

  /** {@code text} with every occurrence of the password replaced by {@link #MASK}. */
  public String mask(String text) {
    return text == null ? null : text.replace(value, MASK);
  }

  /** Whether {@code parameter} is this password, as a bound statement parameter. */
  public boolean is(Object parameter) {
    return value.equals(parameter);
  }

  @Override
  public String toString() {
    return MASK;
  }
}
