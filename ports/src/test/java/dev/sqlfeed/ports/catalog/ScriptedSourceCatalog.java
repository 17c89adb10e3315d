package dev.sqlfeed.ports.catalog;

import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.ports.CursorPrecision;
import dev.sqlfeed.ports.SourceQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A catalog whose answers are scripted: for tests of what is done with a description, not of SQL. A
 * query is matched by a fragment of its text; its columns come from one table unless a label is
 * given as {@code label=table.column} or {@code label=} (computed). A cursor column's index is
 * looked up by {@code table.column}; unscripted ones are not indexed. Every described query is
 * recorded with its bindings.
 */
public final class ScriptedSourceCatalog implements SourceCatalog {
  /** One {@link #columns} call. */
  public record Call(String origin, Map<String, Object> bindings) {}

  private final Map<String, List<ResultColumn>> answers = new LinkedHashMap<>();
  private final Map<String, RuntimeException> failures = new LinkedHashMap<>();
  private final Map<String, IndexCheck> indexes = new LinkedHashMap<>();
  private final List<Call> calls = new ArrayList<>();
  private final Map<String, CursorPrecision> precisions = new LinkedHashMap<>();

  /** Queries containing {@code fragment} return these columns of {@code table}. */
  public ScriptedSourceCatalog on(String fragment, String table, String... labels) {
    List<ResultColumn> columns = new ArrayList<>();
    for (String label : labels) {
      String[] parts = label.split("=", -1);
      Optional<BaseColumn> origin;
      if (parts.length == 1) {
        origin = Optional.of(new BaseColumn("", table, label));
      } else if (parts[1].isEmpty()) {
        origin = Optional.empty();
      } else {
        String[] tc = parts[1].split("\\.");
        origin = Optional.of(new BaseColumn("", tc[0], tc[1]));
      }
      columns.add(new ResultColumn(parts[0], origin));
    }
    answers.put(fragment, columns);
    return this;
  }

  /** Queries containing {@code fragment} fail with {@code failure}. */
  public ScriptedSourceCatalog failing(String fragment, RuntimeException failure) {
    failures.put(fragment, failure);
    return this;
  }

  /** An index named {@code index} leads with {@code table.column}. */
  public ScriptedSourceCatalog indexed(String tableColumn, String index) {
    String[] tc = tableColumn.split("\\.");
    indexes.put(tableColumn, new IndexCheck.Indexed(new BaseColumn("", tc[0], tc[1]), index));
    return this;
  }

  /** Columns labelled {@code label} tell moments apart only as finely as {@code precision}. */
  public ScriptedSourceCatalog precision(String label, CursorPrecision precision) {
    precisions.put(label, precision);
    return this;
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  @Override
  public List<ResultColumn> columns(SourceQuery query, Map<String, Object> bindings) {
    calls.add(new Call(query.origin(), bindings));
    String sql = query.template().text();
    for (var failure : failures.entrySet()) {
      if (sql.contains(failure.getKey())) {
        throw failure.getValue();
      }
    }
    for (var answer : answers.entrySet()) {
      if (sql.contains(answer.getKey())) {
        return answer.getValue().stream()
            .map(
                c ->
                    new ResultColumn(
                        c.label(),
                        c.origin(),
                        precisions.getOrDefault(c.label(), CursorPrecision.FRACTION)))
            .toList();
      }
    }
    throw new SourceException(
        SourceException.Kind.QUERY_FAILED, false, query.origin() + ": no script for " + sql, null);
  }

  @Override
  public IndexCheck leadingIndex(ResultColumn column) {
    if (column.origin().isEmpty()) {
      return new IndexCheck.Unknown("could not determine the table of " + column.label());
    }
    BaseColumn base = column.origin().get();
    return indexes.getOrDefault(base.toString(), new IndexCheck.NotIndexed(base));
  }

  @Override
  public void close() {}
}
