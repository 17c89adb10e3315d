package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.KeysetPageIT.db;
import static dev.sqlfeed.jdbc.KeysetPageIT.literal;
import static dev.sqlfeed.jdbc.KeysetPageIT.open;
import static dev.sqlfeed.jdbc.KeysetPageIT.query;
import static dev.sqlfeed.jdbc.KeysetPageIT.row;
import static dev.sqlfeed.jdbc.KeysetPageIT.scan;
import static dev.sqlfeed.jdbc.KeysetPageIT.t;
import static dev.sqlfeed.jdbc.KeysetPageIT.table;
import static dev.sqlfeed.jdbc.KeysetPageIT.timestampType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.jdbc.testing.TestDatabase.Kind;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.UnreadableCursors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 11, defect 3: rows whose cursor no page can read (NULL; on SQLite, text that is not a
 * timestamp) are found by a look of their own, against real PostgreSQL, MariaDB and SQLite,
 * although the query's own {@code ?<since>} comparison and the keyset window both leave them out.
 */
class UnreadableCursorsIT {
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

  @AfterAll
  static void dropDatabases() {
    KeysetPageIT.dropDatabases();
  }

  private static UnreadableCursors look(Kind kind, String sql, int limit) {
    try (SourceReader reader = open(kind)) {
      return reader.unreadableCursors(query(sql), Map.of("since", t(0)), "updated_at", "id", limit);
    }
  }

  /**
   * A new table of {@code BIGINT} keys and cursors of the kind's timestamp type, with these rows
   * ({@link KeysetPageIT#table}).
   */
  private static String timestampTable(Kind kind, List<String[]> rows) {
    return table(kind, "BIGINT", timestampType(kind), rows);
  }

  @ParameterizedTest
  @EnumSource(names = {"POSTGRES", "MARIADB", "SQLITE"})
  void nullCursors_thatNoPageReads_areFoundWithTheirKeys(Kind kind) {
    String table =
        timestampTable(
            kind, List.of(row(1, literal(kind, t(1000))), row(2, "NULL"), row(3, "NULL")));
    String sql = "SELECT id, updated_at FROM " + table + " WHERE updated_at >= ?<since>";
    try (SourceReader reader = open(kind)) {
      assertThat(scan(reader, sql, Map.of("since", t(0)), t(0), FAR, 10, () -> {}).ids())
          .containsExactly(1L);
    }

    UnreadableCursors found = look(kind, sql, 10);

    assertThat(found.found()).isEqualTo(2);
    assertThat(found.more()).isFalse();
    assertThat(found.sampleKeys()).containsExactlyInAnyOrder("2", "3");
    assertThat(found.nullsVisible()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(names = {"POSTGRES", "MARIADB", "SQLITE"})
  void aLookStopsAtItsLimit_andSaysThereAreMore(Kind kind) {
    List<String[]> rows = new ArrayList<>();
    for (int id = 1; id <= 5; id++) {
      rows.add(row(id, "NULL"));
    }
    String table = timestampTable(kind, rows);

    UnreadableCursors found =
        look(kind, "SELECT * FROM " + table + " WHERE updated_at >= ?<since>", 3);

    assertThat(found.found()).isEqualTo(3);
    assertThat(found.more()).isTrue();
    assertThat(found.sampleKeys()).hasSize(3);
  }

  @ParameterizedTest
  @EnumSource(names = {"POSTGRES", "MARIADB", "SQLITE"})
  void readableCursors_andRowsTheQueryExcludes_areNotCounted(Kind kind) {
    String table =
        timestampTable(
            kind, List.of(row(1, literal(kind, t(1000))), new String[] {"2", "NULL", "b"}));

    UnreadableCursors found =
        look(kind, "SELECT * FROM " + table + " WHERE tenant = 'a' AND updated_at >= ?<since>", 10);

    assertThat(found.found()).isZero();
    assertThat(found.nullsVisible()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(names = {"POSTGRES", "MARIADB", "SQLITE"})
  void aSinceComparisonInAnotherShape_saysThatNullsCouldNotBeSeen(Kind kind) {
    String table = timestampTable(kind, List.<String[]>of(row(1, "NULL")));

    UnreadableCursors found =
        look(
            kind,
            "SELECT * FROM " + table + " WHERE COALESCE(updated_at, updated_at) >= ?<since>",
            10);

    assertThat(found.nullsVisible()).isFalse();
    assertThat(found.found()).isZero();
  }

  private static String sqliteTable(String cursorType, String... rows) {
    String name = "unreadable_" + TABLES.incrementAndGet();
    List<String> sql = new ArrayList<>();
    sql.add("CREATE TABLE " + name + " (id INTEGER PRIMARY KEY, updated_at " + cursorType + ")");
    for (String r : rows) {
      sql.add("INSERT INTO " + name + " VALUES (" + r + ")");
    }
    db(Kind.SQLITE).execute(sql.toArray(String[]::new));
    return name;
  }

  @Test
  void sqlite_textCursorsThatAreNotTimestamps_areFound_everyAcceptedSpellingIsNot() {
    String table =
        sqliteTable(
            "TEXT",
            "1, '2026-11-25 10:00:01'",
            "2, '2026-11-25T10:00:01.5Z'",
            "3, '2026-11-25 10:00:01.123456789+00:00'",
            "4, '2026-11-25T10:00:01+0000'",
            "5, 'n/a'",
            "6, '2026-11-25'",
            "7, '2026-11-25 10:00:01+02:00'",
            "8, '2026-11-25 10:00:01.1234567891'",
            "9, 'Wed, 25 Nov 2026 10:00:01 GMT'",
            "10, NULL");
    String sql = "SELECT id, updated_at FROM " + table + " WHERE updated_at >= ?<since>";

    UnreadableCursors found = look(Kind.SQLITE, sql, 100);

    assertThat(found.sampleKeys()).containsExactlyInAnyOrder("5", "6", "7", "8", "9", "10");
    assertThat(found.found()).isEqualTo(6);
  }

  /**
   * Text sorts after every number in SQLite, so a text value among epoch integers is never within a
   * window. (Text from {@code '0'} on is already refused when the column's form is learnt; text
   * that sorts before it is not.)
   */
  @Test
  void sqlite_epochCursors_textAmongThemIsFound() {
    String table = sqliteTable("INTEGER", "1, 1764064800", "2, ' soon'", "3, NULL");

    UnreadableCursors found =
        look(Kind.SQLITE, "SELECT * FROM " + table + " WHERE updated_at >= ?<since>", 100);

    assertThat(found.sampleKeys()).containsExactlyInAnyOrder("2", "3");
  }
}
