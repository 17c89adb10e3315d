package dev.sqlfeed.jdbc;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The lowest value of each PostgreSQL type that a first page's cursor ({@link
 * dev.sqlfeed.domain.sync.FirstCursor}) can stand for, by the type name pgjdbc's {@code
 * ParameterMetaData} reports for the parameter: PostgreSQL infers it from what the parameter is
 * compared with. Each is bound untyped ({@code Types.OTHER}), so that the server reads it as the
 * type it inferred. A key equal to the lowest value itself (the smallest {@code bigint}, the nil
 * uuid, the empty string) is not above it, as with baton-sql's empty string.
 */
final class FirstCursorValues {
  // Alike in shape only, on purpose, to ConnectionSpecTest's tables of DSN forms: pairs of
  // values, each table its own.
  private static final Map<String, String> LOWEST =
      Map.ofEntries(
          Map.entry("int2", "-32768"),
          Map.entry("int4", "-2147483648"),
          Map.entry("int8", "-9223372036854775808"),
          // numeric has -Infinity since PostgreSQL 14; on older servers the page fails, as ''
          // failed before.
          Map.entry("numeric", "-Infinity"),
          Map.entry("float4", "-Infinity"),
          Map.entry("float8", "-Infinity"),
          Map.entry("uuid", "00000000-0000-0000-0000-000000000000"),
          Map.entry("date", "-infinity"),
          Map.entry("timestamp", "-infinity"),
          Map.entry("timestamptz", "-infinity"),
          Map.entry("text", ""),
          Map.entry("varchar", ""),
          Map.entry("bpchar", ""),
          Map.entry("name", ""),
          Map.entry("citext", ""));

  private FirstCursorValues() {}

  /** The lowest value of a PostgreSQL type as text, if sqlfeed knows one. */
  static Optional<String> lowest(String typeName) {
    if (typeName == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(LOWEST.get(typeName.toLowerCase(Locale.ROOT)));
  }
}
