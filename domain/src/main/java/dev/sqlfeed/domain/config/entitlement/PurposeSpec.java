package dev.sqlfeed.domain.config.entitlement;

import dev.sqlfeed.domain.config.Cel;
import java.util.Objects;

/**
 * A queried entitlement's {@code purpose}: either one of the two words, or a CEL expression that
 * yields one per row.
 */
public sealed interface PurposeSpec {
  /**
   * A purpose written as a word.
   *
   * @param purpose the purpose
   */
  record Fixed(Purpose purpose) implements PurposeSpec {
    public Fixed {
      Objects.requireNonNull(purpose, "purpose");
    }
  }

  /**
   * A purpose computed per row.
   *
   * @param expression the expression
   */
  record Computed(Cel expression) implements PurposeSpec {
    public Computed {
      Objects.requireNonNull(expression, "expression");
    }
  }
}
