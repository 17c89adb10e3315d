package dev.sqlfeed.domain.sync;

import dev.sqlfeed.domain.mirror.CanonicalJson;
import dev.sqlfeed.domain.value.SqlNull;

/** Short, exact text for a row value in messages and cursors (integers never in e-notation). */
final class SourceRowText {
  private SourceRowText() {}

  static String of(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (SqlNull.isNull(value)) {
      return "null";
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
    String json = CanonicalJson.write(value);
    return json.startsWith("\"") ? json.substring(1, json.length() - 1) : json;
  }
}
