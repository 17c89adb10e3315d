package dev.sqlfeed.domain.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row read from a source, its values already normalised by {@link Values} (so CEL can take them
 * as they are). Column names are as the database reports their labels.
 */
public record SourceRow(List<String> columns, List<Object> values) {
  public SourceRow {
    columns = List.copyOf(columns);
    values = Collections.unmodifiableList(new java.util.ArrayList<>(values));
    if (columns.size() != values.size()) {
      throw new IllegalArgumentException(
          columns.size() + " columns but " + values.size() + " values");
    }
  }

  /** The row as a column-name to value map, in column order. */
  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      map.put(columns.get(i), values.get(i));
    }
    return map;
  }
}
