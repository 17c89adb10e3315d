package dev.sqlfeed.ports;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One run of a query among many ({@link SourceReader#readEach}): its bindings, and how errors name
 * it.
 *
 * @param label what this run is for, as errors say it after "for": {@code id 42}, {@code user 42}
 * @param bindings the values of the query's placeholders for this run
 */
public record QueryCall(String label, Map<String, Object> bindings) {
  public QueryCall {
    Objects.requireNonNull(label, "label");
    // Not Map.copyOf: a binding may be a Java null, which read() binds as SQL NULL.
    bindings = Collections.unmodifiableMap(new HashMap<>(bindings));
  }
}
