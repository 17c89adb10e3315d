package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.KeysetPageIT.db;
import static dev.sqlfeed.jdbc.KeysetPageIT.literal;
import static dev.sqlfeed.jdbc.KeysetPageIT.open;
import static dev.sqlfeed.jdbc.KeysetPageIT.query;
import static dev.sqlfeed.jdbc.KeysetPageIT.row;
import static dev.sqlfeed.jdbc.KeysetPageIT.scan;
import static dev.sqlfeed.jdbc.KeysetPageIT.table;
import static dev.sqlfeed.jdbc.KeysetPageIT.timestampType;
import static dev.sqlfeed.jdbc.KeysetPageIT.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.jdbc.KeysetPageIT.Scan;
import dev.sqlfeed.jdbc.testing.TestDatabase.Kind;
import dev.sqlfeed.ports.CursorPrecision;
import dev.sqlfeed.ports.KeysetPage;
import dev.sqlfeed.ports.PlannedPage;
import dev.sqlfeed.ports.SourceReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cursor and key forms of issue 9 read through keyset pages of one and two rows: SQLite text
 * cursors in every accepted spelling, computed and numeric-looking text keys, and coarse cursors (a
 * date, whole seconds) whose window must start at the column's precision.
 */
class CursorAndKeyFormsIT {
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

  @AfterAll
  static void dropDatabases() {
    KeysetPageIT.dropDatabases();
  }

  private static String sqliteTable(String keyType, String cursorType, String... rows) {
    String name = "forms_" + TABLES.incrementAndGet();
    List<String> sql = new ArrayList<>();
    sql.add(
        "CREATE TABLE "
            + name
            + " (id "
            + keyType
            + " PRIMARY KEY, updated_at "
            + cursorType
            + ")");
    for (String r : rows) {
      sql.add("INSERT INTO " + name + " VALUES (" + r + ")");
    }
    db(Kind.SQLITE).execute(sql.toArray(String[]::new));
    return name;
  }

  private static Scan scanAll(Kind kind, String sql, Instant since, int pageSize) {
    try (SourceReader reader = open(kind)) {
      return scan(reader, sql, Map.of("since", since), since, FAR, pageSize, () -> {});
    }
  }

  /** Issue 9, case 1: SQLite calls the expression numeric; its values are text. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void sqlite_computedTextKey_pagesByItsTextValues(int pageSize) {
    String name = "grants_" + TABLES.incrementAndGet();
    db(Kind.SQLITE)
        .execute(
            "CREATE TABLE "
                + name
                + " (team_slug TEXT, user_id INTEGER, updated_at TEXT,"
                + " PRIMARY KEY (team_slug, user_id))",
            "INSERT INTO " + name + " VALUES ('platform', 1, '2026-12-04 10:00:00')",
            "INSERT INTO " + name + " VALUES ('platform', 2, '2026-12-04 10:00:00')",
            "INSERT INTO " + name + " VALUES ('payments', 1, '2026-12-04 10:00:00')",
            "INSERT INTO " + name + " VALUES ('payments', 3, '2026-12-04 10:00:01')");
    String sql =
        "SELECT team_slug || ':' || user_id AS id, updated_at FROM "
            + name
            + " WHERE updated_at >= ?<since>";

    Scan scan = scanAll(Kind.SQLITE, sql, Instant.parse("2026-12-04T09:00:00Z"), pageSize);

    assertThat(scan.ids()).containsExactly("payments:1", "platform:1", "platform:2", "payments:3");
  }

  /** Issue 9, case 2: Go's RFC3339Nano trims trailing zeros, so fraction digits vary by row. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void sqlite_rfc3339NanoWithVaryingFractionDigits_readsEveryRowInTimeOrder(int pageSize) {
    String table =
        sqliteTable(
            "INTEGER",
            "TEXT",
            "1, '2026-12-04T10:25:47.81Z'",
            "2, '2026-12-04T10:25:47.811Z'",
            "3, '2026-12-04T10:25:47.9Z'",
            "4, '2026-12-04T10:25:47Z'",
            "5, '2026-12-04T10:25:48.000000001Z'",
            "6, '2026-12-04T10:25:47.81Z'");

    Scan scan =
        scanAll(
            Kind.SQLITE,
            "SELECT * FROM " + table + " WHERE updated_at >= ?<since>",
            Instant.parse("2026-12-04T10:25:47Z"),
            pageSize);

    assertThat(scan.ids()).containsExactly(4L, 1L, 6L, 2L, 3L, 5L);
    assertThat(scan.rows())
        .extracting(r -> value(r, "updated_at"))
        .contains(Instant.parse("2026-12-04T10:25:47.811Z"));
  }

  /**
   * Property: for random instants written in random accepted spellings, SQLite's value of the
   * normalised expression sorts as the instants do, and equals the bound written for the instant.
   */
  @Test
  void sqlite_normalisedExpression_ordersEverySpellingAsTime() throws Exception {
    long seed = System.nanoTime();
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    SqliteTimestamps.Normalised form = SqliteTimestamps.NORMALISED;
    String[] suffixes = {"", "Z", "+00:00", "+0000", "+00"};
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:");
        java.sql.PreparedStatement ps =
            c.prepareStatement("SELECT " + form.expression("v") + " FROM (SELECT ? AS v)")) {
      for (int i = 0; i < 2000; i++) {
        Instant t =
            Instant.ofEpochSecond(
                1_700_000_000L + random.nextLong(200_000_000L), random.nextInt(1_000_000_000));
        int digits = random.nextInt(10);
        long unit = (long) Math.pow(10, 9 - digits);
        t = t.minusNanos(t.getNano() % unit);
        String text = (String) form.atOrAfter(t);
        String whole = text.substring(0, 19).replace(' ', random.nextBoolean() ? ' ' : 'T');
        String fraction = text.substring(20, 20 + digits);
        if (random.nextBoolean()) {
          fraction = fraction.replaceAll("0+$", "");
        }
        String spelt =
            whole
                + (fraction.isEmpty() ? "" : "." + fraction)
                + suffixes[random.nextInt(suffixes.length)];
        ps.setString(1, spelt);
        try (java.sql.ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertThat(rs.getString(1)).as("seed %d: %s", seed, spelt).isEqualTo(text);
        }
      }
    }
  }

  /** Issue 9, case 3: datetime('now') next to strftime('%Y-%m-%dT%H:%M:%S','now'), and more. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void sqlite_mixedSpellings_areComparedAsTheInstantsTheyName(int pageSize) {
    String table =
        sqliteTable(
            "INTEGER",
            "TEXT",
            "1, '2026-12-04 10:00:00'",
            "2, '2026-12-04T10:00:00'",
            "3, '2026-12-04T09:59:59.999Z'",
            "4, '2026-12-04 10:00:00.5'",
            "5, '2026-12-04T10:00:00.25+00:00'",
            "6, '2026-12-04 10:00:01+0000'",
            "7, '2026-12-04T10:00:01.000+00'",
            "8, '2026-12-03T23:00:00Z'",
            "9, '2026-12-05 00:00:00'");

    Scan scan =
        scanAll(
            Kind.SQLITE,
            "SELECT * FROM " + table + " WHERE updated_at >= ?<since>",
            Instant.parse("2026-12-04T09:59:59.999Z"),
            pageSize);

    assertThat(scan.ids()).containsExactly(3L, 1L, 2L, 5L, 4L, 6L, 7L, 9L);
  }

  @Test
  void sqlite_mixedSpellings_upperBoundIsInclusiveAcrossSpellings() {
    String table =
        sqliteTable(
            "INTEGER",
            "TEXT",
            "1, '2026-12-04 10:00:00'",
            "2, '2026-12-04T10:00:00.000Z'",
            "3, '2026-12-04T10:00:00.000001'");
    Instant x = Instant.parse("2026-12-04T10:00:00Z");
    try (SourceReader reader = open(Kind.SQLITE)) {
      assertThat(scan(reader, "SELECT * FROM " + table, Map.of(), x, x, 1, () -> {}).ids())
          .containsExactly(1L, 2L);
    }
  }

  @Test
  void sqlite_aCursorInAnotherZone_failsThePageNamingTheRow() {
    String table =
        sqliteTable(
            "INTEGER", "TEXT", "1, '2026-12-04 10:00:00'", "2, '2026-12-04T10:00:00+02:00'");

    SourceException e =
        catchThrowableOfType(
            SourceException.class,
            () ->
                scanAll(
                    Kind.SQLITE,
                    "SELECT * FROM " + table + " WHERE updated_at >= ?<since>",
                    Instant.parse("2026-12-04T00:00:00Z"),
                    2));

    assertThat(e.getMessage())
        .contains("resource_types.user.incremental_sync.query, row 2")
        .contains("updated_at")
        .contains("UTC");
  }

  static Stream<Arguments> sqliteEpochs() {
    Instant t = Instant.parse("2026-12-04T10:00:00.250Z");
    return Stream.of(
        Arguments.of("seconds", t.getEpochSecond(), CursorPrecision.SECOND),
        Arguments.of("milliseconds", t.toEpochMilli(), CursorPrecision.FRACTION));
  }

  /** Integer epoch cursors; seconds start the window at the second the lower bound falls in. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("sqliteEpochs")
  void sqlite_epochCursors_pageAndWidenTheirWindow(
      String unit, long stamp, CursorPrecision precision) {
    long step = unit.equals("seconds") ? 1 : 1000;
    String table =
        sqliteTable(
            "INTEGER",
            "INTEGER",
            "1, " + (stamp + step),
            "2, " + stamp,
            "3, " + (stamp - step),
            "4, " + stamp);
    // Half a second after the row's stamp: the row stamped in that second is still in.
    Instant since = Instant.parse("2026-12-04T10:00:00.250Z");
    String sql = "SELECT * FROM " + table + " WHERE updated_at >= ?<since>";
    try (SourceReader reader = open(Kind.SQLITE)) {
      assertThat(reader.cursorPrecision(query(sql), Map.of("since", since), "updated_at", "id"))
          .isEqualTo(precision);
    }
    for (int pageSize = 1; pageSize <= 2; pageSize++) {
      assertThat(scanAll(Kind.SQLITE, sql, since, pageSize).ids()).containsExactly(2L, 4L, 1L);
    }
  }

  static Stream<Arguments> dateColumns() {
    return Stream.of(
        Arguments.of(Kind.POSTGRES, "DATE", CursorPrecision.DAY),
        Arguments.of(Kind.MARIADB, "DATE", CursorPrecision.DAY),
        Arguments.of(Kind.MARIADB, "DATETIME(0)", CursorPrecision.SECOND),
        Arguments.of(Kind.MARIADB, "TIMESTAMP NULL", CursorPrecision.SECOND),
        Arguments.of(Kind.POSTGRES, "TIMESTAMP(0)", CursorPrecision.SECOND),
        Arguments.of(Kind.POSTGRES, "TIMESTAMPTZ", CursorPrecision.FRACTION),
        Arguments.of(Kind.MARIADB, "DATETIME(6)", CursorPrecision.FRACTION));
  }

  /**
   * Issue 9, case 4 (the window): a date column holds midnight, before a window that starts an hour
   * ago; the window starts at the column's precision instead, so the row is read.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("dateColumns")
  void coarseCursors_widenTheWindowToTheirPrecision(
      Kind kind, String type, CursorPrecision precision) {
    Instant day = Instant.parse("2026-12-04T00:00:00Z");
    String table =
        table(
            kind,
            "BIGINT",
            type,
            List.of(
                row(1, "'2026-12-04'"),
                row(2, "'2026-12-04'"),
                row(3, "'2026-12-03'"),
                row(4, "'2026-12-05'")));
    String sql = "SELECT * FROM " + table + " WHERE updated_at >= ?<since>";
    // An hour before the end of the day: a first cycle with default_lookback 1h.
    Instant since = day.plus(23, ChronoUnit.HOURS);
    Instant upTo = day.plus(1, ChronoUnit.DAYS).minusMillis(1);
    try (SourceReader reader = open(kind)) {
      assertThat(reader.cursorPrecision(query(sql), Map.of("since", since), "updated_at", "id"))
          .isEqualTo(precision);
      // A source without a key learns the same, and widens its window itself.
      assertThat(reader.cursorPrecision(query(sql), Map.of("since", since), "updated_at", null))
          .isEqualTo(precision);
      for (int pageSize = 1; pageSize <= 2; pageSize++) {
        Scan scan = scan(reader, sql, Map.of("since", since), since, upTo, pageSize, () -> {});
        if (precision == CursorPrecision.DAY) {
          assertThat(scan.ids()).containsExactly(1L, 2L);
          assertThat(scan.rows())
              .allSatisfy(r -> assertThat(value(r, "updated_at")).isEqualTo(day));
        } else {
          assertThat(scan.ids()).isEmpty();
        }
      }
    }
  }

  /**
   * Only a type that keeps microseconds lets a re-read row skip its refresh; the reader tells it
   * from the column's type once a page of the query was read, and never before.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "POSTGRES TIMESTAMPTZ true",
        "POSTGRES TIMESTAMP true",
        "POSTGRES TIMESTAMPTZ(3) false",
        "POSTGRES TIMESTAMP(0) false",
        "MARIADB DATETIME(6) true",
        "MARIADB DATETIME(3) false",
        "MARIADB DATETIME(0) false",
        "SQLITE TEXT false"
      })
  void cursorKeepsMicroseconds_onlyForTypesThatKeepThem_learntFromAPage(String form) {
    String[] parts = form.split(" ");
    Kind kind = Kind.valueOf(parts[0]);
    Instant t = Instant.parse("2026-12-04T10:00:00.123456Z");
    String table = table(kind, "BIGINT", parts[1], List.<String[]>of(row(1, literal(kind, t))));
    String sql = "SELECT * FROM " + table + " WHERE updated_at >= ?<since>";
    Instant since = t.minus(1, ChronoUnit.DAYS);
    try (SourceReader reader = open(kind)) {
      assertThat(reader.cursorKeepsMicroseconds(query(sql), "updated_at", "id")).isFalse();
      scan(reader, sql, Map.of("since", since), since, t.plusSeconds(1), 10, () -> {});
      assertThat(reader.cursorKeepsMicroseconds(query(sql), "updated_at", "id"))
          .isEqualTo(Boolean.parseBoolean(parts[2]));
    }
  }

  /** The clock and the page it plans are one transaction, and the page sees what the clock saw. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"POSTGRES", "MARIADB", "SQLITE"})
  void readPageAt_readsTheClockThenThePageItPlans(String kindName) {
    Kind kind = Kind.valueOf(kindName);
    Instant t = Instant.parse("2026-12-04T10:00:00Z");
    String table =
        table(
            kind,
            "BIGINT",
            timestampType(kind),
            List.of(row(1, literal(kind, t)), row(2, literal(kind, t.plusSeconds(1)))));
    String sql = "SELECT * FROM " + table + " WHERE updated_at >= ?<since>";
    try (SourceReader reader = open(kind)) {
      List<Instant> clocks = new ArrayList<>();
      List<Object> ids = new ArrayList<>();
      long read =
          reader.readPageAt(
              query(sql),
              now -> {
                clocks.add(now);
                return Optional.of(
                    new PlannedPage(
                        Map.of("since", t),
                        new KeysetPage("updated_at", "id", t, now, Optional.empty(), null, 10)));
              },
              row -> ids.add(row.asMap().get("id")));
      assertThat(read).isEqualTo(2);
      assertThat(ids).hasSize(2);
      assertThat(clocks).singleElement().satisfies(now -> assertThat(now).isAfter(t));

      long none = reader.readPageAt(query(sql), now -> Optional.empty(), row -> ids.add(row));
      assertThat(none).isZero();
      assertThat(ids).hasSize(2);
    }
  }

  /** Whole seconds: a window starting within the second still reads the row of that second. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"POSTGRES TIMESTAMP(0)", "MARIADB DATETIME(0)"})
  void secondCursors_readTheRowOfTheSecondTheWindowStartsIn(String form) {
    Kind kind = Kind.valueOf(form.substring(0, form.indexOf(' ')));
    String type = form.substring(form.indexOf(' ') + 1);
    Instant second = Instant.parse("2026-12-04T10:00:00Z");
    String table = table(kind, "BIGINT", type, List.<String[]>of(row(1, literal(kind, second))));
    Instant since = second.plusMillis(400);
    for (int pageSize = 1; pageSize <= 2; pageSize++) {
      assertThat(
              scanAll(
                      kind,
                      "SELECT * FROM " + table + " WHERE updated_at >= ?<since>",
                      since,
                      pageSize)
                  .ids())
          .containsExactly(1L);
    }
  }

  static Stream<Arguments> textKeys() {
    List<Arguments> out = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      for (int pageSize = 1; pageSize <= 2; pageSize++) {
        out.add(Arguments.of(kind, pageSize));
      }
    }
    return out.stream();
  }

  /**
   * Text keys that look like numbers, differ by case, hold spaces or non-ASCII letters: each read
   * once, whatever order the database's collation gives them.
   */
  @ParameterizedTest(name = "{0} page {1}")
  @MethodSource("textKeys")
  void textKeys_ofEveryLook_areEachReadOnce(Kind kind, int pageSize) {
    String[] keys = {"007", "7", "1e3", "Alice", "bob", "Ünïcode ✓", "with space", "-1", "x'y"};
    List<String[]> rows = new ArrayList<>();
    Instant t = Instant.parse("2026-12-04T10:00:00Z");
    for (String key : keys) {
      rows.add(row("'" + key.replace("'", "''") + "'", literal(kind, t)));
    }
    String column = kind == Kind.MARIADB ? "VARCHAR(40) COLLATE utf8mb4_bin" : "VARCHAR(40)";
    String table = table(kind, column, timestampType(kind), rows);

    Scan scan =
        scanAll(kind, "SELECT * FROM " + table + " WHERE updated_at >= ?<since>", t, pageSize);

    assertThat(scan.ids()).containsExactlyInAnyOrder((Object[]) keys);
  }

  /** Negative and large integer keys, all at one cursor value. */
  @ParameterizedTest(name = "{0} page {1}")
  @MethodSource("textKeys")
  void integerKeys_negativeAndLarge_areEachReadOnce(Kind kind, int pageSize) {
    long[] keys = {-9_000_000_000L, -1, 0, 1, 42, Long.MAX_VALUE, Long.MIN_VALUE + 1};
    List<String[]> rows = new ArrayList<>();
    Instant t = Instant.parse("2026-12-04T10:00:00Z");
    for (long key : keys) {
      rows.add(row(key, literal(kind, t)));
    }
    String table = table(kind, "BIGINT", timestampType(kind), rows);

    Scan scan =
        scanAll(kind, "SELECT * FROM " + table + " WHERE updated_at >= ?<since>", t, pageSize);

    assertThat(scan.ids())
        .containsExactly(Long.MIN_VALUE + 1, -9_000_000_000L, -1L, 0L, 1L, 42L, Long.MAX_VALUE);
  }
}
