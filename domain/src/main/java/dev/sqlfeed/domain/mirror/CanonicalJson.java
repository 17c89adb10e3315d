package dev.sqlfeed.domain.mirror;

import dev.sqlfeed.domain.value.SqlNull;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes JSON in one canonical form so that equal mirrors export byte-identical text, whichever
 * store they came from: nested objects have sorted keys, integers are exact (never {@code
 * 1.2e+15}), timestamps are ISO-8601 UTC strings and bytes are base64 strings.
 */
public final class CanonicalJson {
  private CanonicalJson() {}

  /** Writes a value; a top-level map keeps its own key order, nested maps are sorted. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value, true);
    return out.toString();
  }

  /** An immutable deep copy with sorted maps, suitable as a record component. */
  public static Map<String, Object> freeze(Map<String, ?> map) {
    return freezeMap(map);
  }

  /**
   * A sorted, unmodifiable copy with string keys. It stays a {@link SortedMap} so that {@link
   * #write} can take its order as it is instead of sorting a copy for every mirror write.
   */
  private static SortedMap<String, Object> freezeMap(Map<?, ?> map) {
    SortedMap<String, Object> sorted = new TreeMap<>();
    map.forEach((k, v) -> sorted.put(String.valueOf(k), freezeValue(v)));
    return Collections.unmodifiableSortedMap(sorted);
  }

  /**
   * The start of a mirror record's export line: its {@code type}, then its resource's {@code
   * resource_type} and {@code resource_id}; the record puts its own fields after them.
   */
  static Map<String, Object> line(String type, ResourceRef resource) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", type);
    json.putAll(ref(resource));
    return json;
  }

  static Map<String, Object> ref(ResourceRef ref) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("resource_type", ref.resourceType());
    json.put("resource_id", ref.resourceId());
    return json;
  }

  private static Object freezeValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      return freezeMap(map);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(freezeValue(v)));
      return Collections.unmodifiableList(copy);
    }
    return SqlNull.is(value) ? null : value;
  }

  private static void append(StringBuilder out, Object value, boolean keepOrder) {
    if (SqlNull.isNull(value)) {
      out.append("null");
    } else if (value instanceof String s) {
      appendString(out, s);
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      out.append(value);
    } else if (value instanceof BigInteger big) {
      out.append(big);
    } else if (value instanceof BigDecimal dec) {
      out.append(dec.toPlainString());
    } else if (value instanceof Double || value instanceof Float) {
      appendDouble(out, ((Number) value).doubleValue());
    } else if (value instanceof Instant instant) {
      appendString(out, instant.toString());
    } else if (value instanceof byte[] bytes) {
      appendString(out, Base64.getEncoder().encodeToString(bytes));
    } else if (value instanceof Map<?, ?> map) {
      appendObject(out, map, keepOrder);
    } else if (value instanceof Iterable<?> items) {
      out.append('[');
      boolean first = true;
      for (Object item : items) {
        if (!first) {
          out.append(',');
        }
        first = false;
        append(out, item, false);
      }
      out.append(']');
    } else {
      appendString(out, value.toString());
    }
  }

  private static void appendObject(StringBuilder out, Map<?, ?> map, boolean keepOrder) {
    Map<?, ?> entries = map;
    if (!keepOrder && !isSortedByString(map)) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
      entries = sorted;
    }
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> entry : entries.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      appendString(out, String.valueOf(entry.getKey()));
      out.append(':');
      append(out, entry.getValue(), false);
    }
    out.append('}');
  }

  /**
   * A map whose iteration order is already the canonical one: string keys in natural order. A
   * naturally ordered map holds keys that compare with each other, so one string key means all are.
   */
  private static boolean isSortedByString(Map<?, ?> map) {
    return map instanceof SortedMap<?, ?> sorted
        && sorted.comparator() == null
        && (sorted.isEmpty() || sorted.firstKey() instanceof String);
  }

  private static void appendDouble(StringBuilder out, double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      out.append("null");
    } else if (d == Math.rint(d) && Math.abs(d) < 1e18) {
      out.append(BigDecimal.valueOf(d).toBigInteger());
    } else {
      out.append(BigDecimal.valueOf(d).toPlainString());
    }
  }

  private static void appendString(StringBuilder out, String s) {
    out.append('"');
    int plain = 0;
    while (plain < s.length() && !needsEscape(s.charAt(plain))) {
      plain++;
    }
    // Most strings need no escape at all: copied in one go, not char by char.
    out.append(s, 0, plain);
    for (int i = plain; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean needsEscape(char c) {
    return c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029';
  }
}
