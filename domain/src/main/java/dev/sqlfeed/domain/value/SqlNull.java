package dev.sqlfeed.domain.value;

import dev.cel.common.values.NullValue;

/**
 * SQL {@code NULL} as a value of a row: the domain's one way to write it and to test for it. Rows
 * are handed to CEL as they are read, without a copy per row, so the value is CEL's own null; every
 * package but the CEL mapping ({@code domain.mapping}) names it through this class, and the ports
 * and adapters never see CEL's type.
 */
public final class SqlNull {
  /** The value of a NULL column in a row that {@link Values#normalise} produced. */
  public static final Object VALUE = NullValue.NULL_VALUE;

  private SqlNull() {}

  /** Whether {@code value} is SQL NULL as a normalised row holds it. */
  public static boolean is(Object value) {
    return value instanceof NullValue;
  }

  /** Whether {@code value} is SQL NULL, normalised or still a Java {@code null}. */
  public static boolean isNull(Object value) {
    return value == null || value instanceof NullValue;
  }
}
