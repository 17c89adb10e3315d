package dev.sqlfeed.domain.feed;

import dev.sqlfeed.domain.error.MappingException;
import dev.sqlfeed.domain.value.SqlNull;
import dev.sqlfeed.domain.value.Values;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the cursor and key columns of a source row for {@link IncrementalRowMapper}, and names the
 * row in errors. Columns are found by their exact label, else by a unique case-insensitive match,
 * as the source reader resolves them.
 */
final class RowColumns {
  private RowColumns() {}

  static KeyValue key(FeedSource source, String rowName, Object value) {
    try {
      return KeyValue.of(value);
    } catch (IllegalArgumentException e) {
      throw error(source, rowName, "key", source.keyColumn(), e.getMessage(), e);
    }
  }

  static Instant cursor(FeedSource source, Map<String, Object> row, String rowName) {
    String column = source.cursorColumn();
    Optional<Object> found = find(row, column);
    if (found.isEmpty()) {
      throw error(
          source,
          rowName,
          "cursor",
          column,
          "is not among the row's columns " + row.keySet(),
          null);
    }
    Object value = Values.normalise(found.get());
    if (value instanceof Instant instant) {
      return instant;
    }
    if (SqlNull.is(value)) {
      throw error(
          source,
          rowName,
          "cursor",
          column,
          "is NULL; every row of the query needs a timestamp there",
          null);
    }
    String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : null;
    if (value instanceof String s) {
      text = s;
    }
    if (text == null) {
      throw error(
          source,
          rowName,
          "cursor",
          column,
          "holds " + EventIds.rowKey(value) + " (" + kindOf(value) + "), not a timestamp",
          null);
    }
    try {
      return Values.parseTimestamp(text);
    } catch (IllegalArgumentException e) {
      throw error(source, rowName, "cursor", column, e.getMessage(), e);
    }
  }

  private static MappingException error(
      FeedSource source,
      String rowName,
      String role,
      String column,
      String message,
      Throwable cause) {
    return new MappingException(
        "source "
            + source.key()
            + ", row "
            + rowName
            + ": "
            + source.query().path()
            + ": "
            + role
            + " column '"
            + column
            + "' "
            + message,
        cause);
  }

  private static String kindOf(Object value) {
    if (value instanceof Long) {
      return "an integer";
    }
    if (value instanceof Double) {
      return "a number";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    return value.getClass().getSimpleName();
  }

  /** How the row is named in errors: by its key, else by its cursor value. */
  static String rowName(
      FeedSource source, Map<String, Object> row, Optional<Object> key, String rowKey) {
    if (key.isPresent()) {
      return source.keyColumn() + "=" + rowKey;
    }
    return find(row, source.cursorColumn())
        .map(v -> source.cursorColumn() + "=" + EventIds.rowKey(v))
        .orElse("(no key)");
  }

  /** The row's value of a column: by exact label, else by a unique case-insensitive match. */
  static Optional<Object> find(Map<String, Object> row, String name) {
    if (row.containsKey(name)) {
      return Optional.of(row.get(name) == null ? SqlNull.VALUE : row.get(name));
    }
    String lower = name.toLowerCase(Locale.ROOT);
    Object found = null;
    int matches = 0;
    for (Map.Entry<String, Object> e : row.entrySet()) {
      if (e.getKey().toLowerCase(Locale.ROOT).equals(lower)) {
        found = e.getValue() == null ? SqlNull.VALUE : e.getValue();
        matches++;
      }
    }
    return matches == 1 ? Optional.of(found) : Optional.empty();
  }
}
