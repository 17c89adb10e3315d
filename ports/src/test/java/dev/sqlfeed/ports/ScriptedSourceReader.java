package dev.sqlfeed.ports;

import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.domain.value.SourceRow;
import dev.sqlfeed.domain.value.Values;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A source whose answers are scripted per query: for the use-case tests, which are about what is
 * done with rows, not about SQL. A query is matched by a fragment of its text; its answer is a
 * function of the bindings, so paging can be scripted. Every call is recorded.
 *
 * <p>{@link #readPage} takes the scripted answer as the query's whole result and pages it as a
 * database would: rows within the bounds, after the position, in (cursor, key) order, up to the
 * limit. {@link #databaseNow} is a clock the test sets.
 */
public final class ScriptedSourceReader implements SourceReader {
  /** One call: the query's origin and the bindings it was given. */
  public record Call(String origin, String sql, Map<String, Object> bindings) {}

  private final Map<String, Function<Map<String, Object>, List<Map<String, Object>>>> answers =
      new LinkedHashMap<>();
  private final List<Call> calls = new ArrayList<>();
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
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

  /** Sets what {@link #databaseNow} answers. */
  public ScriptedSourceReader now(Instant instant) {
    now = instant;
    return this;
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  @Override
  public Instant databaseNow() {
    return now;
  }

  @Override
  public long readPage(
      SourceQuery query, Map<String, Object> bindings, KeysetPage page, Consumer<SourceRow> sink) {
    List<SourceRow> all = new ArrayList<>();
    read(query, bindings, all::add);
    Comparator<SourceRow> order =
        Comparator.<SourceRow, Instant>comparing(r -> cursor(r, page))
            .thenComparing(r -> r.asMap().get(page.keyColumn()), ScriptedSourceReader::compareKeys);
    List<SourceRow> rows =
        all.stream()
            .filter(r -> !cursor(r, page).isBefore(page.since()))
            .filter(r -> !cursor(r, page).isAfter(page.upTo()))
            .filter(r -> page.afterCursor().isEmpty() || isAfter(r, page))
            .sorted(order)
            .limit(page.limit())
            .toList();
    rows.forEach(sink);
    return rows.size();
  }

  private static boolean isAfter(SourceRow row, KeysetPage page) {
    int c = cursor(row, page).compareTo(page.afterCursor().orElseThrow());
    return c > 0 || (c == 0 && compareKeys(row.asMap().get(page.keyColumn()), page.afterKey()) > 0);
  }

  private static Instant cursor(SourceRow row, KeysetPage page) {
    Object value = row.asMap().get(page.cursorColumn());
    return value instanceof Instant i ? i : Values.parseTimestamp(String.valueOf(value));
  }

  /** Numbers as numbers, anything else by its text. */
  private static int compareKeys(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    return String.valueOf(a).compareTo(String.valueOf(b));
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
