package dev.sqlfeed.domain.mirror;

import dev.cel.common.values.NullValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    Map<String, Object> sorted = new TreeMap<>();
    map.forEach((k, v) -> sorted.put(k, freezeValue(v)));
    return Collections.unmodifiableMap(sorted);
  }

  static Map<String, Object> ref(ResourceRef ref) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("resource_type", ref.resourceType());
    json.put("resource_id", ref.resourceId());
    return json;
  }

  private static Object freezeValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new TreeMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), v));
      return freeze(copy);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(freezeValue(v)));
      return Collections.unmodifiableList(copy);
    }
    return value instanceof NullValue ? null : value;
  }

  private static void append(StringBuilder out, Object value, boolean keepOrder) {
    if (value == null || value instanceof NullValue) {
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
    Map<String, Object> entries = keepOrder ? new LinkedHashMap<>() : new TreeMap<>();
    map.forEach((k, v) -> entries.put(String.valueOf(k), v));
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> entry : entries.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      appendString(out, entry.getKey());
      out.append(':');
      append(out, entry.getValue(), false);
    }
    out.append('}');
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
    for (int i = 0; i < s.length(); i++) {
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
}
