package dev.sqlfeed.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sqlfeed.domain.connect.ConnectValues;
import dev.sqlfeed.domain.connect.ConnectionSpec;
import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.domain.query.SqlTemplate;
import dev.sqlfeed.domain.value.SourceRow;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabase.Kind;
import dev.sqlfeed.ports.KeysetPage;
import dev.sqlfeed.ports.SourceQuery;
import dev.sqlfeed.ports.SourceReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keyset pages around a user's query against real PostgreSQL, MariaDB, SQLite and H2: one database
 * per kind, one table per test.
 */
class KeysetPageIT {
  // Other classes page through these helpers too; after this class, they get new databases.
  @AutoClose private static final DatabasePerKind DATABASES = new DatabasePerKind(db -> {});

  private static final AtomicInteger TABLES = new AtomicInteger();
  private static final String ORIGIN = "resource_types.user.incremental_sync.query";
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123456Z");
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

  static TestDatabase db(Kind kind) {
    return DATABASES.of(kind);
  }

  /** Drops the databases made so far: for the other classes that page through these helpers. */
  static void dropDatabases() {
    DATABASES.close();
  }

  static SourceReader open(Kind kind) {
    TestDatabase db = db(kind);
    ConnectionSpec spec =
        ConnectionSpec.of(ConnectValues.dsn(db.jdbcUrl(), db.user(), db.password()));
    return JdbcSources.open(spec, SourceOptions.named("it").withFetchSize(2));
  }

  /** {@code T0} plus some milliseconds. */
  static Instant t(long millis) {
    return T0.plusMillis(millis);
  }

  /** The default cursor column type of each kind. */
  static String timestampType(Kind kind) {
    return switch (kind) {
      case POSTGRES -> "TIMESTAMPTZ";
      case MARIADB -> "DATETIME(6)";
      case SQLITE -> "TEXT";
      case H2 -> "TIMESTAMP(6)";
    };
  }

  /** A literal of that type: UTC wall clock with microseconds (PostgreSQL with its offset). */
  static String literal(Kind kind, Instant t) {
    String text = MICROS.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
    return "'" + text + (kind == Kind.POSTGRES ? "+00" : "") + "'";
  }

  /**
   * A new table {@code (id <keyType> PRIMARY KEY, updated_at <type>, tenant VARCHAR(10))} with the
   * rows given as {@code id, cursor literal, tenant}; returns its name.
   */
  static String table(Kind kind, String keyType, String type, List<String[]> rows) {
    String name = "items_" + TABLES.incrementAndGet();
    List<String> sql = new ArrayList<>();
    if (kind == Kind.MARIADB) {
      sql.add("SET time_zone = '+00:00'");
    }
    sql.add(
        "CREATE TABLE "
            + name
            + " (id "
            + keyType
            + " PRIMARY KEY, updated_at "
            + type
            + ", tenant VARCHAR(10))");
    for (String[] row : rows) {
      sql.add("INSERT INTO " + name + " VALUES (" + row[0] + ", " + row[1] + ", '" + row[2] + "')");
    }
    db(kind).execute(sql.toArray(String[]::new));
    return name;
  }

  static String[] row(Object id, String cursor) {
    return new String[] {String.valueOf(id), cursor, "a"};
  }

  static SourceQuery query(String sql) {
    return new SourceQuery(ORIGIN, SqlTemplate.parse(sql));
  }

  static Object value(SourceRow row, String column) {
    for (int i = 0; i < row.columns().size(); i++) {
      if (row.columns().get(i).equalsIgnoreCase(column)) {
        return row.values().get(i);
      }
    }
    throw new AssertionError("no column " + column + " in " + row.columns());
  }

  /** What one scan read, page by page. */
  record Scan(List<SourceRow> rows, int pages) {
    List<Object> ids() {
      return rows.stream().map(r -> value(r, "id")).toList();
    }
  }

  /**
   * Reads pages until one comes back short, as an incremental cycle does, calling {@code between}
   * after each page. Fails after 100 pages: a position that does not move would loop forever.
   */
  static Scan scan(
      SourceReader reader,
      String sql,
      Map<String, Object> bindings,
      Instant since,
      Instant upTo,
      int limit,
      Runnable between) {
    List<SourceRow> all = new ArrayList<>();
    Optional<Instant> afterCursor = Optional.empty();
    Object afterKey = null;
    for (int pages = 1; pages <= 100; pages++) {
      KeysetPage page =
          new KeysetPage("updated_at", "id", since, upTo, afterCursor, afterKey, limit);
      List<SourceRow> rows = new ArrayList<>();
      long count = reader.readPage(query(sql), bindings, page, rows::add);
      assertThat(count).isEqualTo(rows.size());
      all.addAll(rows);
      if (rows.size() < limit) {
        return new Scan(all, pages);
      }
      SourceRow last = rows.get(rows.size() - 1);
      afterCursor = Optional.of((Instant) value(last, "updated_at"));
      afterKey = value(last, "id");
      between.run();
    }
    throw new AssertionError("the scan did not end after 100 pages: " + all.size() + " rows");
  }

  static Scan scan(SourceReader reader, String table, Instant since, Instant upTo, int limit) {
    return scan(
        reader,
        "SELECT * FROM " + table + " WHERE updated_at >= ?<since>",
        Map.of("since", since),
        since,
        upTo,
        limit,
        () -> {});
  }

  /**
   * Eleven rows; equal cursors at {@code t(0)}, {@code t(1000)} and {@code t(3000)}, ids not in
   * cursor order, so that pages of three end inside runs of equal cursors.
   */
  static String elevenRows(Kind kind) {
    long[][] rows = {
      {10, 0}, {3, 1000}, {1, 1000}, {7, 1000}, {2, 1000}, {9, 2000}, {4, 3000}, {8, 3000},
      {5, 3000}, {6, 4000}, {11, 0}
    };
    List<String[]> values = new ArrayList<>();
    for (long[] r : rows) {
      values.add(row(r[0], literal(kind, t(r[1]))));
    }
    return table(kind, "BIGINT", timestampType(kind), values);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void pagesOfThreeReadEveryRowOnceInCursorAndKeyOrder(Kind kind) {
    String table = elevenRows(kind);
    try (SourceReader reader = open(kind)) {
      Scan scan = scan(reader, table, t(0), t(4000), 3);

      assertThat(scan.ids()).containsExactly(10L, 11L, 1L, 2L, 3L, 7L, 9L, 4L, 5L, 8L, 6L);
      assertThat(scan.pages()).isEqualTo(4);
      assertThat(scan.rows())
          .extracting(r -> value(r, "updated_at"))
          .containsExactly(
              t(0), t(0), t(1000), t(1000), t(1000), t(1000), t(2000), t(3000), t(3000), t(3000),
              t(4000));
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void bothBoundsAreInclusiveAndRowsOutsideThemAreLeftOut(Kind kind) {
    String table = elevenRows(kind);
    try (SourceReader reader = open(kind)) {
      assertThat(scan(reader, table, t(1000), t(3000), 3).ids())
          .containsExactly(1L, 2L, 3L, 7L, 9L, 4L, 5L, 8L);
      assertThat(scan(reader, table, t(1001), t(2999), 3).ids()).containsExactly(9L);
      assertThat(scan(reader, table, t(4001), t(9000), 3).ids()).isEmpty();
    }
  }

  /** As doubles, 2^53 + 1 and 2^53 + 2 are one number: the position would not move past it. */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void bigintKeysAbove2To53AreComparedExactly(Kind kind) {
    long base = 1L << 53;
    List<String[]> rows = new ArrayList<>();
    for (long id : new long[] {base + 3, base + 1, Long.MAX_VALUE, base + 2, base}) {
      rows.add(row(id, literal(kind, t(0))));
    }
    String table = table(kind, "BIGINT", timestampType(kind), rows);
    try (SourceReader reader = open(kind)) {
      assertThat(scan(reader, table, t(0), t(0), 2).ids())
          .containsExactly(base, base + 1, base + 2, base + 3, Long.MAX_VALUE);
    }
  }

  /**
   * Integers beyond a long come back as their digits (a string); the position binds them as a
   * number again, so that they compare as numbers.
   */
  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"POSTGRES", "MARIADB", "H2"})
  void keysBeyondALongPageAsNumbers(Kind kind) {
    String type = kind == Kind.MARIADB ? "BIGINT UNSIGNED" : "NUMERIC(30)";
    List<String[]> rows = new ArrayList<>();
    for (String id :
        new String[] {
          "18446744073709551615", "9223372036854775808", "99", "18446744073709551614"
        }) {
      rows.add(row(id, literal(kind, t(0))));
    }
    String table = table(kind, type, timestampType(kind), rows);
    try (SourceReader reader = open(kind)) {
      assertThat(scan(reader, table, t(0), t(0), 1).ids())
          .containsExactly(
              99L, "9223372036854775808", "18446744073709551614", "18446744073709551615");
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void textKeysPageInTheDatabasesOrder(Kind kind) {
    List<String[]> rows = new ArrayList<>();
    for (String id : new String[] {"cherry", "apple", "elder", "banana", "date"}) {
      rows.add(row("'" + id + "'", literal(kind, t(0))));
    }
    rows.add(row("'fig'", literal(kind, t(5))));
    String table = table(kind, "VARCHAR(20)", timestampType(kind), rows);
    try (SourceReader reader = open(kind)) {
      assertThat(scan(reader, table, t(0), t(5), 2).ids())
          .containsExactly("apple", "banana", "cherry", "date", "elder", "fig");
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void theUsersOwnWherePlaceholdersAndVarsAreKept(Kind kind) {
    List<String[]> rows = new ArrayList<>();
    for (int id = 1; id <= 8; id++) {
      rows.add(new String[] {"" + id, literal(kind, t(id * 100L)), id % 2 == 0 ? "even" : "odd"});
    }
    String table = table(kind, "BIGINT", timestampType(kind), rows);
    String sql =
        "SELECT id, updated_at, tenant FROM "
            + table
            + " WHERE tenant = ?<tenant> AND updated_at >= ?<since> AND id <> ?<Skip>";
    try (SourceReader reader = open(kind)) {
      Scan scan =
          scan(
              reader,
              sql,
              Map.of("since", t(300), "tenant", "even", "skip", 6L),
              t(0),
              t(9000),
              2,
              () -> {});

      assertThat(scan.ids()).containsExactly(4L, 8L);
      assertThat(scan.rows()).allSatisfy(r -> assertThat(value(r, "tenant")).isEqualTo("even"));
    }
  }

  /**
   * A row whose cursor moves forward while a scan is between pages is read again at its new place
   * (the page after which it moved had read it already); a row not read yet that moves forward is
   * read once, at its new place. Nothing is skipped.
   */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void aRowUpdatedBetweenTwoPagesIsReadAgainLaterNeverSkipped(Kind kind) {
    List<String[]> rows = new ArrayList<>();
    for (int id = 1; id <= 6; id++) {
      rows.add(row(id, literal(kind, t(id * 100L))));
    }
    String table = table(kind, "BIGINT", timestampType(kind), rows);
    AtomicInteger pages = new AtomicInteger();
    Runnable update =
        () -> {
          if (pages.incrementAndGet() == 1) {
            db(kind)
                .execute(
                    "UPDATE "
                        + table
                        + " SET updated_at = "
                        + literal(kind, t(1000))
                        + " WHERE id = 1",
                    "UPDATE "
                        + table
                        + " SET updated_at = "
                        + literal(kind, t(1100))
                        + " WHERE id = 4");
          }
        };
    try (SourceReader reader = open(kind)) {
      Scan scan =
          scan(
              reader,
              "SELECT * FROM " + table + " WHERE updated_at >= ?<since>",
              Map.of("since", t(0)),
              t(0),
              t(2000),
              2,
              update);

      assertThat(scan.ids()).containsExactly(1L, 2L, 3L, 5L, 6L, 1L, 4L);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void microsecondsRoundTripAndBindToTheExactRow(Kind kind) {
    Instant x = Instant.parse("2026-11-25T10:00:00.000001Z");
    String table =
        table(
            kind,
            "BIGINT",
            timestampType(kind),
            List.of(row(1, literal(kind, x)), row(2, literal(kind, x.plusNanos(998_000)))));
    Instant micro = x.plusNanos(1000);
    try (SourceReader reader = open(kind)) {
      assertThat(scan(reader, table, x, x, 5).rows())
          .singleElement()
          .satisfies(r -> assertThat(value(r, "updated_at")).isEqualTo(x));
      assertThat(scan(reader, table, micro, x.plusSeconds(1), 5).ids()).containsExactly(2L);
      assertThat(scan(reader, table, x.minusSeconds(1), x.minusNanos(1000), 5).ids()).isEmpty();
      assertThat(page(reader, table, x, x.plusSeconds(1), x, 1L)).isEqualTo(List.of(2L));
      assertThat(page(reader, table, x, x.plusSeconds(1), x, 0L)).isEqualTo(List.of(1L, 2L));
    }
  }

  static List<Object> page(
      SourceReader reader, String table, Instant since, Instant upTo, Instant after, Object key) {
    List<Object> ids = new ArrayList<>();
    reader.readPage(
        query("SELECT * FROM " + table),
        Map.of(),
        new KeysetPage("updated_at", "id", since, upTo, Optional.of(after), key, 10),
        r -> ids.add(value(r, "id")));
    return ids;
  }

  /** A cursor column type, and how a test writes an instant into it. */
  record Stored(Kind kind, String type, Function<Instant, String> literal) {
    @Override
    public String toString() {
      return kind + " " + type;
    }
  }

  static Stream<Stored> everyTimestampType() {
    DateTimeFormatter millis = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    DateTimeFormatter sqlite = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    Function<Instant, String> micros = t -> "'" + MICROS.format(utc(t)) + "'";
    return Stream.of(
        new Stored(Kind.POSTGRES, "TIMESTAMPTZ", t -> "'" + MICROS.format(utc(t)) + "+00'"),
        new Stored(Kind.POSTGRES, "TIMESTAMP", micros),
        new Stored(Kind.MARIADB, "DATETIME(6)", micros),
        new Stored(Kind.MARIADB, "TIMESTAMP(6) NULL", micros),
        new Stored(Kind.H2, "TIMESTAMP(6)", micros),
        new Stored(
            Kind.H2, "TIMESTAMP(6) WITH TIME ZONE", t -> "'" + MICROS.format(utc(t)) + "+00:00'"),
        new Stored(Kind.SQLITE, "TEXT", micros),
        new Stored(Kind.SQLITE, "DATETIME", t -> "'" + sqlite.format(utc(t)) + "'"),
        new Stored(Kind.SQLITE, "TEXT", t -> "'" + millis.format(utc(t)) + "'"),
        new Stored(Kind.SQLITE, "TEXT", t -> "'" + t + "'"),
        new Stored(Kind.SQLITE, "INTEGER", t -> String.valueOf(t.getEpochSecond())));
  }

  static LocalDateTime utc(Instant t) {
    return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  /**
   * Every timestamp type compares with the bound instant as the same moment, whatever the JVM's
   * zone: the row at the bound is in, and pages of one over equal cursors end. On SQLite the text
   * of a whole second differs by form ({@code 10:00:00}, {@code 10:00:00.000}, {@code
   * 10:00:00.000Z}) from the text the instant is bound as.
   */
  @ParameterizedTest
  @MethodSource("everyTimestampType")
  void everyTimestampTypeComparesAsTheSameInstant(Stored stored) {
    Instant x = Instant.parse("2026-03-29T01:30:00Z");
    TimeZone original = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("America/Sao_Paulo"));
    try {
      String table =
          table(
              stored.kind(),
              "BIGINT",
              stored.type(),
              List.of(
                  row(4, stored.literal().apply(x.plusSeconds(1))),
                  row(3, stored.literal().apply(x)),
                  row(1, stored.literal().apply(x.minusSeconds(1))),
                  row(2, stored.literal().apply(x))));
      try (SourceReader reader = open(stored.kind())) {
        Scan exact = scan(reader, table, x, x, 5);
        assertThat(exact.ids()).containsExactly(2L, 3L);
        assertThat(exact.rows()).allSatisfy(r -> assertThat(value(r, "updated_at")).isEqualTo(x));
        assertThat(scan(reader, table, x.minusSeconds(1), x.plusSeconds(1), 1).ids())
            .containsExactly(1L, 2L, 3L, 4L);
      }
    } finally {
      TimeZone.setDefault(original);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void columnNamesAreFoundWithoutRegardToCaseAndAMissingOneIsNamed(Kind kind) {
    String table = elevenRows(kind);
    try (SourceReader reader = open(kind)) {
      List<Object> ids = new ArrayList<>();
      reader.readPage(
          query("SELECT id AS \"Id\", updated_at AS \"UpdatedAt\" FROM " + table),
          Map.of(),
          new KeysetPage("updatedat", "ID", t(0), t(9000), Optional.empty(), null, 2),
          r -> ids.add(r.values().get(0)));
      assertThat(ids).containsExactly(10L, 11L);

      SourceException e =
          catchThrowableOfType(
              SourceException.class,
              () ->
                  reader.readPage(
                      query("SELECT id, updated_at FROM " + table),
                      Map.of(),
                      new KeysetPage("changed_at", "id", t(0), t(1), Optional.empty(), null, 2),
                      r -> {}));
      assertThat(e.kind()).isEqualTo(SourceException.Kind.QUERY_FAILED);
      assertThat(e.transientFailure()).isFalse();
      assertThat(e.getMessage())
          .startsWith(ORIGIN + ": the cursor column 'changed_at' is not among the query's columns");
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aFailingPageIsClassifiedAndNamesTheOrigin(Kind kind) {
    try (SourceReader reader = open(kind)) {
      SourceException e =
          catchThrowableOfType(
              SourceException.class,
              () ->
                  reader.readPage(
                      query("SELECT id, updated_at FROM no_such_table"),
                      Map.of(),
                      new KeysetPage("updated_at", "id", t(0), t(1), Optional.empty(), null, 2),
                      r -> {}));

      assertThat(e.kind()).isEqualTo(SourceException.Kind.QUERY_FAILED);
      assertThat(e.transientFailure()).isFalse();
      assertThat(e.getMessage()).startsWith(ORIGIN + ": ").containsIgnoringCase("no_such_table");
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aNullKeyFailsThePage(Kind kind) {
    String table = elevenRows(kind);
    try (SourceReader reader = open(kind)) {
      SourceException e =
          catchThrowableOfType(
              SourceException.class,
              () ->
                  reader.readPage(
                      query("SELECT NULL AS id, updated_at FROM " + table),
                      Map.of(),
                      new KeysetPage("updated_at", "id", t(0), t(9000), Optional.empty(), null, 2),
                      r -> {}));

      assertThat(e.getMessage()).startsWith(ORIGIN + ", row 1: the key column");
    }
  }

  /**
   * On PostgreSQL the wrapped page of a narrow window over 50,000 rows ranges over the index on
   * {@code (updated_at, id)}: the derived table is merged and every predicate pushed into it. The
   * plan is asked for the statement the reader runs, with its values bound as the reader binds
   * them; a {@code timestamp} column compares with the bound {@code timestamptz} through
   * PostgreSQL's cross-type operators, which keep the index too.
   */
  @ParameterizedTest
  @ValueSource(strings = {"TIMESTAMPTZ", "TIMESTAMP"})
  void postgresPagesUseTheCursorIndex(String type) throws Exception {
    TestDatabase db = db(Kind.POSTGRES);
    String table = "big_" + type.toLowerCase(Locale.ROOT);
    db.execute(
        "SET TIME ZONE 'UTC'",
        "CREATE TABLE "
            + table
            + " (id BIGINT PRIMARY KEY, updated_at "
            + type
            + " NOT NULL,"
            + " name TEXT)",
        "INSERT INTO "
            + table
            + " SELECT g, TIMESTAMPTZ '2026-01-01 00:00:00+00'"
            + " + (g / 3) * INTERVAL '1 second', 'user-' || g FROM generate_series(1, 50000) g",
        "CREATE INDEX " + table + "_cursor ON " + table + " (updated_at, id)",
        "ANALYZE " + table);
    String plan =
        explain(
            Kind.POSTGRES,
            "EXPLAIN ",
            "SELECT id, updated_at, name FROM " + table + " WHERE updated_at >= ?",
            Instant.parse("2026-01-01T01:00:00Z"),
            Instant.parse("2026-01-01T01:05:00Z"),
            Instant.parse("2026-01-01T01:01:00Z"),
            10_800L);

    assertThat(plan)
        .containsAnyOf(
            "Index Scan using " + table + "_cursor",
            "Index Only Scan using " + table + "_cursor",
            "Bitmap Index Scan on " + table + "_cursor")
        .doesNotContain("Seq Scan");
  }

  /** MariaDB merges the derived table too and ranges over the same index ({@code key}). */
  @Test
  void mariadbPagesUseTheCursorIndex() throws Exception {
    TestDatabase db = db(Kind.MARIADB);
    db.execute(
        "CREATE TABLE big_items (id BIGINT PRIMARY KEY, updated_at DATETIME(6) NOT NULL,"
            + " name VARCHAR(40))",
        "INSERT INTO big_items SELECT seq, TIMESTAMP '2026-01-01 00:00:00'"
            + " + INTERVAL (seq DIV 3) SECOND, CONCAT('user-', seq) FROM seq_1_to_50000",
        "CREATE INDEX big_items_cursor ON big_items (updated_at, id)",
        "ANALYZE TABLE big_items");
    String plan =
        explain(
            Kind.MARIADB,
            "EXPLAIN FORMAT=JSON ",
            "SELECT id, updated_at, name FROM big_items WHERE updated_at >= ?",
            Instant.parse("2026-01-01T01:00:00Z"),
            Instant.parse("2026-01-01T01:05:00Z"),
            Instant.parse("2026-01-01T01:01:00Z"),
            10_800L);

    assertThat(plan)
        .contains("\"key\": \"big_items_cursor\"")
        .contains("\"access_type\": \"range\"");
  }

  /** The plan of the reader's statement for a page of 100 after a position, as text. */
  private static String explain(
      Kind kind,
      String prefix,
      String userSql,
      Instant since,
      Instant upTo,
      Instant after,
      long afterKey)
      throws Exception {
    var product =
        kind == Kind.POSTGRES
            ? dev.sqlfeed.domain.connect.ConnectionSpec.Product.POSTGRES
            : dev.sqlfeed.domain.connect.ConnectionSpec.Product.MYSQL;
    TimestampForm form = TimestampForm.typed(product);
    KeysetPage page =
        new KeysetPage("updated_at", "id", since, upTo, Optional.of(after), afterKey, 100);
    KeysetSql sql =
        KeysetSql.page(
            product,
            userSql,
            List.of(form.atOrAfter(since)),
            "updated_at",
            "id",
            page,
            form,
            afterKey);
    try (Connection c = db(kind).connect();
        Statement s = c.createStatement()) {
      s.execute(kind == Kind.POSTGRES ? "SET TIME ZONE 'UTC'" : "SET time_zone = '+00:00'");
      try (PreparedStatement ps = c.prepareStatement(prefix + sql.sql())) {
        JdbcValues.bind(ps, sql.values(), product);
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            plan.append(rs.getString(1)).append('\n');
          }
        }
        return plan.toString();
      }
    }
  }
}
