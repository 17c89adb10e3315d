package dev.sqlfeed.ports.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * One column of a query's result.
 *
 * @param label the label the database reports, which is the name a row's value has
 * @param origin the table column it comes from; empty when it is computed, or when the database
 *     does not say
 */
public record ResultColumn(String label, Optional<BaseColumn> origin) {
  public ResultColumn {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(origin, "origin");
  }
}
