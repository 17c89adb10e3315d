package dev.sqlfeed.ports;

import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.domain.value.SourceRow;
import dev.sqlfeed.domain.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A source whose answers are scripted per query: for the use-case tests, which are about what is
 * done with rows, not about SQL. A query is matched by a fragment of its text; its answer is a
 * function of the bindings, so paging can be scripted. Every call is recorded.
 */
public final class ScriptedSourceReader implements SourceReader {
  /** One call: the query's origin and the bindings it was given. */
  public record Call(String origin, String sql, Map<String, Object> bindings) {}

  private final Map<String, Function<Map<String, Object>, List<Map<String, Object>>>> answers =
      new LinkedHashMap<>();
  private final List<Call> calls = new ArrayList<>();
  private boolean closed;

  /** Answers queries whose text contains {@code fragment}. */
  public ScriptedSourceReader on(
      String fragment, Function<Map<String, Object>, List<Map<String, Object>>> answer) {
    answers.put(fragment, answer);
    return this;
  }

  /** Answers queries whose text contains {@code fragment} with fixed rows. */
  public ScriptedSourceReader on(String fragment, List<Map<String, Object>> rows) {
    return on(fragment, bindings -> rows);
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  @Override
  public long read(SourceQuery query, Map<String, Object> bindings, Consumer<SourceRow> sink) {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    for (String name : query.template().parameters()) {
      if (!bindings.containsKey(name)) {
        throw new SourceException(
            SourceException.Kind.QUERY_FAILED,
            false,
            query.origin() + ": no value for ?<" + name + ">",
            null);
      }
    }
    calls.add(new Call(query.origin(), query.template().text(), Map.copyOf(bindings)));
    for (var answer : answers.entrySet()) {
      if (query.template().text().contains(answer.getKey())) {
        long n = 0;
        for (Map<String, Object> row : answer.getValue().apply(bindings)) {
          List<Object> values = new ArrayList<>();
          row.values().forEach(v -> values.add(Values.normalise(v)));
          sink.accept(new SourceRow(new ArrayList<>(row.keySet()), values));
          n++;
        }
        return n;
      }
    }
    throw new SourceException(
        SourceException.Kind.QUERY_FAILED,
        false,
        query.origin() + ": no scripted answer for " + query.template().text(),
        null);
  }

  @Override
  public void ping() {}

  @Override
  public void close() {
    closed = true;
  }
}
