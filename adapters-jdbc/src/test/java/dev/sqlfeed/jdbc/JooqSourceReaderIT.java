package dev.sqlfeed.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cel.common.values.NullValue;
import dev.sqlfeed.domain.connect.ConnectValues;
import dev.sqlfeed.domain.connect.ConnectionSpec;
import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.domain.query.SqlTemplate;
import dev.sqlfeed.domain.value.SourceRow;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabase.Kind;
import dev.sqlfeed.ports.SourceQuery;
import dev.sqlfeed.ports.SourceReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The source reader against real PostgreSQL, MariaDB, SQLite and H2: one database per kind. */
class JooqSourceReaderIT {
  @AutoClose
  private static final DatabasePerKind DATABASES =
      new DatabasePerKind(JooqSourceReaderIT::fixtures);

  private static final String ORIGIN = "resource_types.user.list.query";

  /** The kind's database, created with the fixtures on first use. */
  static TestDatabase db(Kind kind) {
    return DATABASES.of(kind);
  }

  private static void fixtures(TestDatabase db) {
    Kind k = db.kind();
    db.execute(
        "CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(50), active BOOLEAN)",
        "INSERT INTO users VALUES (1, 'ada', TRUE), (2, 'bob', FALSE), (3, 'cy', TRUE)");
    db.execute(typedTable(k));
    db.execute(
        "INSERT INTO typed VALUES (1, 42, 9007199254740993, "
            + (k == Kind.SQLITE
                ? "'123456789012345678901234567890'"
                : "123456789012345678901234567890")
            + ", 12.34, TRUE, 'héllo', '2024-03-31 02:30:00.123456', "
            + (k == Kind.MARIADB || k == Kind.SQLITE
                ? "'2024-01-02 01:04:05.123456'"
                : "'2024-01-02 03:04:05.123456+02:00'")
            + ", '2024-02-29', "
            + (k == Kind.POSTGRES ? "'\\x00ff10'" : "X'00ff10'")
            + ", NULL)");
  }

  private static String typedTable(Kind kind) {
    return switch (kind) {
      case POSTGRES ->
          "CREATE TABLE typed (id INT PRIMARY KEY, i INT, big BIGINT, num30 NUMERIC(30,0),"
              + " dec NUMERIC(10,2), flag BOOLEAN, txt TEXT, ts TIMESTAMP, tstz TIMESTAMPTZ,"
              + " d DATE, bytes BYTEA, absent TEXT)";
      case MARIADB ->
          "CREATE TABLE typed (id INT PRIMARY KEY, i INT, big BIGINT, num30 DECIMAL(30,0),"
              + " `dec` DECIMAL(10,2), flag BOOLEAN, txt TEXT, ts DATETIME(6), tstz TIMESTAMP(6),"
              + " d DATE, bytes VARBINARY(10), absent TEXT)";
      // SQLite stores a 30-digit integer exactly only as text; its types are declarations.
      case SQLITE ->
          "CREATE TABLE typed (id INTEGER PRIMARY KEY, i INTEGER, big INTEGER, num30 TEXT,"
              + " dec NUMERIC, flag BOOLEAN, txt TEXT, ts DATETIME, tstz TIMESTAMP, d DATE,"
              + " bytes BLOB, absent TEXT)";
      case H2 ->
          "CREATE TABLE typed (id INT PRIMARY KEY, i INT, big BIGINT, num30 NUMERIC(30,0),"
              + " \"DEC\" NUMERIC(10,2), flag BOOLEAN, txt VARCHAR(20), ts TIMESTAMP(6),"
              + " tstz TIMESTAMP(6) WITH TIME ZONE, d DATE, bytes VARBINARY(10), absent VARCHAR(10))";
    };
  }

  static ConnectionSpec spec(TestDatabase db) {
    return ConnectionSpec.of(ConnectValues.dsn(db.jdbcUrl(), db.user(), db.password()));
  }

  static SourceReader open(Kind kind) {
    return JdbcSources.open(spec(db(kind)), SourceOptions.named("it"));
  }

  static SourceQuery query(String sql) {
    return new SourceQuery(ORIGIN, SqlTemplate.parse(sql));
  }

  static List<SourceRow> readAll(SourceReader reader, String sql, Map<String, Object> bindings) {
    List<SourceRow> rows = new ArrayList<>();
    long count = reader.read(query(sql), bindings, rows::add);
    assertThat(count).isEqualTo(rows.size());
    return rows;
  }

  /** A derived table {@code n(i)} of the numbers 1 to {@code count}. */
  static String numbers(Kind kind, int count) {
    return switch (kind) {
      case POSTGRES -> "generate_series(1, " + count + ") AS n(i)";
      // MariaDB stops recursive CTEs at max_recursive_iterations (1000); its sequence engine does
      // not.
      case MARIADB -> "(SELECT seq AS i FROM seq_1_to_" + count + ") AS n";
      case SQLITE, H2 ->
          "(WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < "
              + count
              + ") SELECT i FROM r) AS n";
    };
  }

  static String label(Kind kind, String column) {
    return kind == Kind.H2 ? column.toUpperCase(Locale.ROOT) : column;
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void bindsStringsLongsAndARepeatedPlaceholder(Kind kind) {
    try (SourceReader reader = open(kind)) {
      List<SourceRow> rows =
          readAll(
              reader,
              "SELECT id, name FROM users WHERE name <> ?<skip> AND id >= ?<min>"
                  + " AND id < ?<MIN> + 10 ORDER BY id",
              Map.of("skip", "bob", "min", 1L));

      assertThat(rows).extracting(r -> r.values().get(0)).containsExactly(1L, 3L);
      assertThat(rows).extracting(r -> r.values().get(1)).containsExactly("ada", "cy");
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void bindsNull(Kind kind) {
    Map<String, Object> bindings = new HashMap<>();
    bindings.put("x", null);
    try (SourceReader reader = open(kind)) {
      List<SourceRow> rows = readAll(reader, "SELECT COALESCE(?<x>, 'fallback') AS v", bindings);

      assertThat(rows.get(0).values()).containsExactly("fallback");
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aMissingBindingNamesThePlaceholderAndTheOrigin(Kind kind) {
    try (SourceReader reader = open(kind)) {
      assertThatThrownBy(
              () ->
                  reader.read(
                      query("SELECT id FROM users WHERE id > ?<since>"), Map.of(), row -> {}))
          .isInstanceOfSatisfying(
              SourceException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(SourceException.Kind.QUERY_FAILED);
                assertThat(e.transientFailure()).isFalse();
              })
          .hasMessage(ORIGIN + ": no value for the placeholder ?<since>");
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void streamsRowsInTheDatabasesOrderAcrossManyFetches(Kind kind) {
    String sql = "SELECT i FROM " + numbers(kind, 5000) + " ORDER BY i DESC";
    List<Long> seen = new ArrayList<>();
    try (SourceReader reader =
        JdbcSources.open(spec(db(kind)), SourceOptions.named("it").withFetchSize(100))) {
      long count = reader.read(query(sql), Map.of(), row -> seen.add((Long) row.values().get(0)));

      assertThat(count).isEqualTo(5000);
    }
    assertThat(seen).hasSize(5000).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(seen.get(0)).isEqualTo(5000L);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void readsEveryValueTypeExactly(Kind kind) {
    try (SourceReader reader = open(kind)) {
      SourceRow row = readAll(reader, "SELECT * FROM typed", Map.of()).get(0);
      Map<String, Object> v = row.asMap();

      assertThat(row.columns())
          .containsExactly(
              label(kind, "id"),
              label(kind, "i"),
              label(kind, "big"),
              label(kind, "num30"),
              label(kind, "dec"),
              label(kind, "flag"),
              label(kind, "txt"),
              label(kind, "ts"),
              label(kind, "tstz"),
              label(kind, "d"),
              label(kind, "bytes"),
              label(kind, "absent"));
      assertThat(v.get(label(kind, "i"))).isEqualTo(42L);
      // 2^53 + 1: a double would make it ...992.
      assertThat(v.get(label(kind, "big"))).isEqualTo(9007199254740993L);
      assertThat(v.get(label(kind, "num30"))).isEqualTo("123456789012345678901234567890");
      assertThat(v.get(label(kind, "dec"))).isEqualTo(12.34);
      assertThat(v.get(label(kind, "flag"))).isEqualTo(true);
      assertThat(v.get(label(kind, "txt"))).isEqualTo("héllo");
      assertThat(v.get(label(kind, "ts"))).isEqualTo(Instant.parse("2024-03-31T02:30:00.123456Z"));
      assertThat(v.get(label(kind, "tstz")))
          .isEqualTo(Instant.parse("2024-01-02T01:04:05.123456Z"));
      assertThat(v.get(label(kind, "d"))).isEqualTo("2024-02-29");
      assertThat(v.get(label(kind, "bytes"))).isEqualTo(new byte[] {0, (byte) 0xff, 0x10});
      assertThat(v.get(label(kind, "absent"))).isEqualTo(NullValue.NULL_VALUE);
    }
  }

  @Test
  void mariadbUnsignedBigintAbove2To63StaysExact() {
    db(Kind.MARIADB)
        .execute(
            "CREATE TABLE IF NOT EXISTS unsigned_ids (id BIGINT UNSIGNED)",
            "INSERT INTO unsigned_ids VALUES (18446744073709551615)");
    try (SourceReader reader = open(Kind.MARIADB)) {
      assertThat(readAll(reader, "SELECT id FROM unsigned_ids", Map.of()).get(0).values())
          .containsExactly("18446744073709551615");
    }
  }

  /**
   * 02:30 on 2024-03-31 does not exist in Berlin: a {@code java.sql.Timestamp} built in that zone
   * would become 03:30. The reader asks the driver for the wall-clock value instead.
   */
  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"POSTGRES", "MARIADB", "H2"})
  void aTimestampInADaylightSavingGapKeepsItsWallClock(Kind kind) {
    TimeZone original = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
    try (SourceReader reader = open(kind)) {
      assertThat(readAll(reader, "SELECT ts FROM typed", Map.of()).get(0).values())
          .containsExactly(Instant.parse("2024-03-31T02:30:00.123456Z"));
    } finally {
      TimeZone.setDefault(original);
    }
  }

  /** Binding an instant: equal to a timestamp column holding that moment as UTC wall clock. */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void anInstantPlaceholderComparesWithEveryTimestampColumnAsTheSameMoment(Kind kind) {
    try (SourceReader reader = open(kind)) {
      assertThat(
              readAll(
                  reader,
                  "SELECT id FROM typed WHERE ts = ?<at> AND tstz = ?<since>",
                  Map.of(
                      "at", Instant.parse("2024-03-31T02:30:00.123456Z"),
                      "since", Instant.parse("2024-01-02T01:04:05.123456Z"))))
          .extracting(r -> r.values().get(0))
          .containsExactly(1L);
    }
  }

  /**
   * The source's clock, in UTC whatever the JVM's zone: the databases run on this machine, so it is
   * within seconds of the JVM's clock.
   */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void databaseNowIsTheDatabasesClockInUtc(Kind kind) {
    TimeZone original = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
    try (SourceReader reader = open(kind)) {
      Instant before = Instant.now();
      Instant now = reader.databaseNow();
      Instant after = Instant.now();

      assertThat(now).isBetween(before.minusSeconds(3), after.plusSeconds(3));
      assertThat(reader.databaseNow()).isAfterOrEqualTo(now);
    } finally {
      TimeZone.setDefault(original);
    }
  }

  /** Each read is rolled back; the session's zone, set when the connection opened, stays. */
  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"POSTGRES", "MARIADB", "H2"})
  void sessionsRunInUtcWhateverTheJvmZoneAndStaySoAcrossReads(Kind kind) {
    String sql =
        switch (kind) {
          case POSTGRES -> "SELECT current_setting('TimeZone')";
          case MARIADB -> "SELECT @@session.time_zone";
          default ->
              "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                  + " WHERE SETTING_NAME = 'TIME ZONE'";
        };
    TimeZone original = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("America/Sao_Paulo"));
    try (SourceReader reader =
        JdbcSources.open(spec(db(kind)), SourceOptions.named("it").withFetchSize(10))) {
      for (int i = 0; i < 3; i++) {
        assertThat(readAll(reader, sql, Map.of()).get(0).values().get(0))
            .isIn("UTC", "+00:00", "Z");
      }
    } finally {
      TimeZone.setDefault(original);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void columnLabelsAreAsTheDatabaseReportsThem(Kind kind) {
    String alias = kind == Kind.POSTGRES || kind == Kind.H2 ? "\"UserId\"" : "UserId";
    try (SourceReader reader = open(kind)) {
      assertThat(readAll(reader, "SELECT id AS " + alias + " FROM users WHERE id = 1", Map.of()))
          .first()
          .extracting(SourceRow::columns)
          .isEqualTo(List.of("UserId"));
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aQueryErrorNamesTheOriginAndCarriesTheDatabasesMessage(Kind kind) {
    String expected =
        switch (kind) {
          case POSTGRES -> "ERROR: column \"nmae\" does not exist";
          case MARIADB -> "Unknown column 'nmae'";
          case SQLITE -> "no such column: nmae";
          case H2 -> "Column \"NMAE\" not found";
        };
    try (SourceReader reader = open(kind)) {
      SourceException e =
          catchThrowableOfType(
              SourceException.class,
              () -> reader.read(query("SELECT nmae FROM users"), Map.of(), row -> {}));

      assertThat(e.kind()).isEqualTo(SourceException.Kind.QUERY_FAILED);
      assertThat(e.transientFailure()).isFalse();
      assertThat(e.getMessage()).startsWith(ORIGIN + ": ").contains(expected).doesNotContain("\n");
      // The reader stays usable after a failed query.
      assertThat(readAll(reader, "SELECT id FROM users", Map.of())).hasSize(3);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aSinksExceptionPassesThroughUnchanged(Kind kind) {
    IllegalStateException boom = new IllegalStateException("mapping failed");
    try (SourceReader reader = open(kind)) {
      assertThatThrownBy(
              () ->
                  reader.read(
                      query("SELECT id FROM users"),
                      Map.of(),
                      row -> {
                        throw boom;
                      }))
          .isSameAs(boom);
      assertThat(readAll(reader, "SELECT id FROM users", Map.of())).hasSize(3);
    }
  }

  /**
   * pgjdbc, MariaDB and SQLite refuse the write. H2 ignores {@code Connection.setReadOnly}; there
   * the rollback that ends every read is what leaves the table as it was.
   */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void nothingIsWrittenThroughTheReader(Kind kind) throws Exception {
    String insert =
        kind == Kind.H2
            ? "SELECT id FROM FINAL TABLE (INSERT INTO users VALUES (99, 'eve', TRUE))"
            : "INSERT INTO users VALUES (99, 'eve', TRUE) RETURNING id";
    try (SourceReader reader = open(kind)) {
      if (kind == Kind.H2) {
        reader.read(query(insert), Map.of(), row -> {});
      } else {
        SourceException e =
            catchThrowableOfType(
                SourceException.class, () -> reader.read(query(insert), Map.of(), row -> {}));
        assertThat(e.kind()).isEqualTo(SourceException.Kind.QUERY_FAILED);
        assertThat(e.getMessage()).containsIgnoringCase("read");
      }
    }
    try (Connection c = db(kind).connect();
        ResultSet rs =
            c.createStatement().executeQuery("SELECT COUNT(*) FROM users WHERE id = 99")) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void pingAnswers(Kind kind) {
    try (SourceReader reader = open(kind)) {
      reader.ping();
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"POSTGRES", "MARIADB"})
  void anUnreachableDatabaseIsUnavailableWithinSeconds(Kind kind) {
    String url =
        kind == Kind.POSTGRES
            ? "jdbc:postgresql://127.0.0.1:1/app"
            : "jdbc:mariadb://127.0.0.1:1/app";
    ConnectionSpec spec = ConnectionSpec.of(ConnectValues.dsn(url, "app", "Unused-pw-42"));
    long start = System.nanoTime();

    SourceException e =
        catchThrowableOfType(
            SourceException.class, () -> JdbcSources.open(spec, SourceOptions.named("it")));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(e.kind()).isEqualTo(SourceException.Kind.UNAVAILABLE);
    assertThat(e.transientFailure()).isTrue();
    assertThat(e.getMessage()).startsWith("connect: cannot connect to " + url + ": ");
  }

  @Test
  void aUrlNoDriverAcceptsIsAPermanentFailureThatHidesThePassword() {
    ConnectionSpec spec =
        ConnectionSpec.of(
            ConnectValues.dsn("jdbc:db2://h:50000/x:user=u;password=Hunter2pw;", null, null));

    SourceException e =
        catchThrowableOfType(
            SourceException.class, () -> JdbcSources.open(spec, SourceOptions.named("it")));

    assertThat(e.kind()).isEqualTo(SourceException.Kind.UNAVAILABLE);
    assertThat(e.transientFailure()).isFalse();
    assertThat(e.getMessage())
        .startsWith("connect: no JDBC driver accepts the URL jdbc:db2://h:50000/x:")
        .doesNotContain("Hunter2pw");
  }

  /** A TEST-NET-1 address (RFC 5737) never answers: the connect timeout must end the wait. */
  @Test
  void aHostThatNeverAnswersFailsWithinTheConnectTimeout() {
    ConnectionSpec spec =
        ConnectionSpec.of(ConnectValues.dsn("postgres://192.0.2.1:5432/app", "app", null));
    long start = System.nanoTime();

    SourceException e =
        catchThrowableOfType(
            SourceException.class,
            () ->
                JdbcSources.open(
                    spec, SourceOptions.named("it").withConnectTimeout(Duration.ofSeconds(2))));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    assertThat(e.kind()).isEqualTo(SourceException.Kind.UNAVAILABLE);
    assertThat(e.transientFailure()).isTrue();
  }

  @Test
  void withoutFailFastTheFirstReadReportsTheUnavailableSourceAndNamesTheOrigin() {
    ConnectionSpec spec =
        ConnectionSpec.of(ConnectValues.dsn("postgres://127.0.0.1:1/app", "app", null));
    try (SourceReader reader =
        JdbcSources.open(
            spec,
            SourceOptions.named("it")
                .withFailFast(false)
                .withConnectTimeout(Duration.ofSeconds(1)))) {
      assertThatThrownBy(() -> reader.read(query("SELECT 1"), Map.of(), row -> {}))
          .isInstanceOfSatisfying(
              SourceException.class,
              e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.UNAVAILABLE))
          .hasMessageStartingWith(
              ORIGIN + ": cannot connect to jdbc:postgresql://127.0.0.1:1/app: ")
          .hasMessageContaining("refused");
    }
  }

  /**
   * The local PostgreSQL trusts 127.0.0.1, so a wrong password alone would be accepted there; the
   * role is created NOLOGIN, which the server refuses the same way (SQLState class 28) whether it
   * checks passwords (Testcontainers: it refuses the wrong password first) or not. MariaDB checks
   * the password itself.
   */
  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"POSTGRES", "MARIADB"})
  void aWrongPasswordIsUnavailablePermanentlyAndNeverShown(Kind kind) {
    TestDatabase db = db(kind);
    String role = "sqlfeed_u_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    String right = "Right-pw-" + role;
    String wrong = "Wr0ng:p@ss/wd#?&=" + role;
    if (kind == Kind.POSTGRES) {
      db.execute("CREATE ROLE " + role + " NOLOGIN PASSWORD '" + right + "'");
    } else {
      db.execute("CREATE USER '" + role + "'@'%' IDENTIFIED BY '" + right + "'");
    }
    try {
      ConnectionSpec spec = ConnectionSpec.of(ConnectValues.dsn(db.jdbcUrl(), role, wrong));

      SourceException e =
          catchThrowableOfType(
              SourceException.class, () -> JdbcSources.open(spec, SourceOptions.named("it")));

      assertThat(e.kind()).isEqualTo(SourceException.Kind.UNAVAILABLE);
      assertThat(e.transientFailure()).isFalse();
      assertThat(e.getMessage()).contains(role);
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      for (String shown : List.of(e.getMessage(), e.toString(), trace.toString())) {
        assertThat(shown)
            .doesNotContain(wrong)
            .doesNotContain(URLEncoder.encode(wrong, StandardCharsets.UTF_8))
            .doesNotContain(right);
      }
    } finally {
      db.execute(
          kind == Kind.POSTGRES
              ? "DROP ROLE IF EXISTS " + role
              : "DROP USER IF EXISTS '" + role + "'@'%'");
    }
  }

  /**
   * Proof that rows stream instead of arriving all at once, without timing the client: each row
   * carries the server's clock at the moment the server produced it ({@code clock_timestamp()} on
   * PostgreSQL, {@code SYSDATE(6)} on MariaDB; both change within a statement). The sink pauses for
   * three seconds on the first row. If the driver streams, the server produces the rest of the
   * 200,000 rows only as the client asks for the next fetch, so after the pause: the last row's
   * clock is at least the pause later than the first's. Had the driver fetched the whole result
   * first, all rows would have been produced before the first reached the sink, within a fraction
   * of that (measured with streaming switched off: 0.4 s here). Only the server's clock is compared
   * with itself, so the test is not sensitive to load. The rows are padded to about 130 bytes (26
   * MB in all), more than the socket buffers could hold, so MariaDB, which pushes rows until the
   * socket is full, cannot have produced the last rows early either.
   */
  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"POSTGRES", "MARIADB"})
  void rowsStreamRatherThanArriveAllAtOnce(Kind kind) {
    String sql =
        kind == Kind.POSTGRES
            ? "SELECT g, clock_timestamp() AS produced, repeat('x', 100) AS pad"
                + " FROM generate_series(1, 200000) g"
            : "SELECT seq, SYSDATE(6) AS produced, REPEAT('x', 100) AS pad FROM seq_1_to_200000";
    Duration pause = Duration.ofSeconds(3);
    List<Instant> produced = new ArrayList<>();
    AtomicLong rows = new AtomicLong();
    try (SourceReader reader =
        JdbcSources.open(spec(db(kind)), SourceOptions.named("it").withFetchSize(1000))) {
      reader.read(
          query(sql),
          Map.of(),
          row -> {
            if (rows.incrementAndGet() == 1) {
              produced.add((Instant) row.values().get(1));
              sleep(pause);
            }
            if (rows.get() == 200_000) {
              produced.add((Instant) row.values().get(1));
            }
          });
    }
    assertThat(rows.get()).isEqualTo(200_000);
    assertThat(Duration.between(produced.get(0), produced.get(1)))
        .isGreaterThanOrEqualTo(pause.minusMillis(100));
  }

  /**
   * A million rows through a 256 MB heap. Slow (seconds), so it runs only when asked: {@code ./mvnw
   * verify -pl adapters-jdbc -Dit.test='JooqSourceReaderIT#aMillion*' -Dsurefire.argLine="-Xmx256m
   * -Dsqlfeed.it.million=true"}; it fails with a larger heap, in which it would prove nothing.
   */
  @Test
  @EnabledIfSystemProperty(named = "sqlfeed.it.million", matches = "true")
  void aMillionRowsStreamThroughASmallHeap() {
    // The small heap is what the test is about: it proves nothing with a default one.
    assertThat(Runtime.getRuntime().maxMemory() >> 20)
        .as("max heap in MB: run with -Xmx256m, as the javadoc says")
        .isLessThanOrEqualTo(256);
    TestDatabase db = db(Kind.POSTGRES);
    db.execute(
        "CREATE TABLE million AS SELECT g::bigint AS id,"
            + " now() - g * interval '1 second' AS updated_at, 'user-' || g AS name"
            + " FROM generate_series(1, 1000000) g");
    AtomicLong sum = new AtomicLong();
    long start = System.nanoTime();
    try (SourceReader reader = open(Kind.POSTGRES)) {
      long count =
          reader.read(
              query("SELECT id, updated_at, name FROM million"),
              Map.of(),
              row -> sum.addAndGet((Long) row.values().get(0)));
      assertThat(count).isEqualTo(1_000_000);
    } finally {
      db.execute("DROP TABLE million");
    }
    assertThat(sum.get()).isEqualTo(500_000_500_000L);
    System.out.printf(
        "read 1,000,000 rows in %d ms with max heap %d MB%n",
        Duration.ofNanos(System.nanoTime() - start).toMillis(),
        Runtime.getRuntime().maxMemory() >> 20);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
