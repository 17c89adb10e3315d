package dev.sqlfeed.domain.mapping;

import java.util.Objects;

/**
 * A row column that an expression reads, and where in the expression's text it does so.
 *
 * @param name the column's label, exactly as written (labels are matched case-sensitively)
 * @param line 1-based line in the expression's text
 * @param column 1-based column (in code points) in that line: the start of {@code cols.name},
 *     {@code cols['name']}, or the dot of the shorthand {@code .name}
 */
public record ColumnReference(String name, int line, int column) {
  public ColumnReference {
    Objects.requireNonNull(name, "name");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
  }
}
