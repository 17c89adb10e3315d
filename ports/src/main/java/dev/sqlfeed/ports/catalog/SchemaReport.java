package dev.sqlfeed.ports.catalog;

import dev.sqlfeed.domain.config.bind.Problem;
import java.util.List;

/**
 * What {@link SchemaCheck} found, each list in file order.
 *
 * @param queries how many queries were checked
 * @param errors queries the database refuses, columns the config reads that a query does not return
 * @param warnings incremental queries whose cursor column no index leads with
 * @param notes checks that could not be made (an index behind a computed column or a view)
 */
public record SchemaReport(
    int queries, List<Problem> errors, List<Problem> warnings, List<Problem> notes) {
  public SchemaReport {
    if (queries < 0) {
      throw new IllegalArgumentException("queries must not be negative: " + queries);
    }
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    notes = List.copyOf(notes);
  }
}
