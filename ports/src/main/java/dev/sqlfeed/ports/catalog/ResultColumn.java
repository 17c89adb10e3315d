package dev.sqlfeed.ports.catalog;

import dev.sqlfeed.ports.CursorPrecision;
import java.util.Objects;
import java.util.Optional;

/**
 * One column of a query's result.
 *
 * @param label the label the database reports, which is the name a row's value has
 * @param origin the table column it comes from; empty when it is computed, or when the database
 *     does not say
 * @param precision how finely the column tells moments apart, if it is a cursor; {@code FRACTION}
 *     when it is not a timestamp or the database does not say
 */
public record ResultColumn(String label, Optional<BaseColumn> origin, CursorPrecision precision) {
  public ResultColumn {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(precision, "precision");
  }

  public ResultColumn(String label, Optional<BaseColumn> origin) {
    this(label, origin, CursorPrecision.FRACTION);
  }
}
