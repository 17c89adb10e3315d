package dev.sqlfeed.domain.schema;

import dev.cel.common.values.NullValue;
import dev.sqlfeed.domain.query.SqlTemplate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values for a query's placeholders that let it be prepared (or run so that it returns nothing)
 * without knowing real ones: each of the type sqlfeed binds there, and harmless.
 *
 * <ul>
 *   <li>{@code ?<Limit>} 1 and {@code ?<Offset>} 0: some databases refuse {@code LIMIT NULL};
 *   <li>{@code ?<Cursor>} the empty string, baton-sql's first cursor;
 *   <li>{@code ?<since>} a timestamp (the epoch), so that it is bound as incremental sync binds it;
 *   <li>{@code ?<id>} and every var: SQL NULL, which fits any type and matches no row.
 * </ul>
 */
public final class SafeBindings {
  private SafeBindings() {}

  /** A value for every bound placeholder of {@code sql}, by its lower-case name. */
  public static Map<String, Object> of(SqlTemplate sql) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String name : sql.parameters()) {
      out.put(name, value(name));
    }
    return out;
  }

  private static Object value(String name) {
    return switch (name) {
      case "limit" -> 1L;
      case "offset" -> 0L;
      case "cursor" -> "";
      case "since" -> Instant.EPOCH;
      default -> NullValue.NULL_VALUE;
    };
  }
}
