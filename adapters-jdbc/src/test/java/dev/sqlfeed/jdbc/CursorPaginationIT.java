package dev.sqlfeed.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sqlfeed.domain.config.Pagination;
import dev.sqlfeed.domain.config.PaginationStrategy;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.connect.ConnectValues;
import dev.sqlfeed.domain.connect.ConnectionSpec;
import dev.sqlfeed.domain.query.SqlTemplate;
import dev.sqlfeed.domain.schema.SafeBindings;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabase.Kind;
import dev.sqlfeed.ports.SourceQuery;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.catalog.SourceCatalog;
import dev.sqlfeed.ports.fullsync.QueryRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * baton-sql's cursor pagination idiom ({@code WHERE id > ?<Cursor> ORDER BY id LIMIT ?<Limit>}) on
 * real PostgreSQL, MariaDB and SQLite: every row read exactly once, over many pages, for integer
 * keys (negative ones too), text keys and PostgreSQL {@code uuid} keys.
 */
class CursorPaginationIT {
  private static final int ROWS = 23;
  private static final int PAGE_SIZE = 4;
  private static final long SEED = 20261204L;

  @AutoClose
  private static final DatabasePerKind DATABASES = new DatabasePerKind(CursorPaginationIT::tables);

  private static final List<Long> NUMBERS = new ArrayList<>();
  private static final List<String> TEXTS = new ArrayList<>();
  private static final List<String> UUIDS = new ArrayList<>();

  static {
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < ROWS; i++) {
      // Negative keys too: MariaDB compares the empty string as 0, which skips them.
      NUMBERS.add((long) i * 7 - 60);
      TEXTS.add("user-" + Integer.toString(random.nextInt(1_000_000), 36) + "-" + i);
      UUIDS.add(new UUID(random.nextLong(), random.nextLong()).toString());
    }
  }

  private static void tables(TestDatabase db) {
    db.execute(
        "CREATE TABLE numbered (id BIGINT PRIMARY KEY, keep INT NOT NULL)",
        "CREATE TABLE named (id VARCHAR(40) PRIMARY KEY, keep INT NOT NULL)");
    for (int i = 0; i < ROWS; i++) {
      db.execute(
          "INSERT INTO numbered VALUES (" + NUMBERS.get(i) + ", " + (i % 5 == 0 ? 0 : 1) + ")",
          "INSERT INTO named VALUES ('" + TEXTS.get(i) + "', " + (i % 5 == 0 ? 0 : 1) + ")");
    }
    if (db.kind() == Kind.POSTGRES) {
      db.execute("CREATE TABLE tokens (id uuid PRIMARY KEY, keep INT NOT NULL)");
      for (int i = 0; i < ROWS; i++) {
        db.execute(
            "INSERT INTO tokens VALUES ('" + UUIDS.get(i) + "', " + (i % 5 == 0 ? 0 : 1) + ")");
      }
    }
  }

  private static SourceReader open(Kind kind) {
    TestDatabase db = DATABASES.of(kind);
    return JdbcSources.open(
        ConnectionSpec.of(ConnectValues.dsn(db.jdbcUrl(), db.user(), db.password())),
        SourceOptions.named("it"));
  }

  /**
   * Reads every page of {@code sql} and checks that it read each of {@code expected} exactly once.
   */
  private static void assertEachReadOnce(Kind kind, String sql, List<String> expected) {
    assertThat(readAll(kind, sql))
        .as("seed %d", SEED)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  /** Reads every page of {@code sql} and returns the keys in the order they were mapped. */
  private static List<String> readAll(Kind kind, String sql) {
    Query query = new Query(SqlTemplate.parse(sql), "resource_types.user.list.query");
    Pagination pagination =
        new Pagination(
            PaginationStrategy.CURSOR, "id", PAGE_SIZE, "resource_types.user.list.pagination");
    List<String> keys = new ArrayList<>();
    try (SourceReader reader = open(kind)) {
      new QueryRunner(reader)
          .run(
              query,
              Optional.of(pagination),
              Map.of(),
              query.path(),
              (row, rowKey) -> keys.add(String.valueOf(row.get("id"))));
    }
    return keys;
  }

  private static List<String> expected(List<?> keys, boolean keptOnly) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      if (!keptOnly || i % 5 != 0) {
        out.add(String.valueOf(keys.get(i)));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"POSTGRES", "MARIADB", "SQLITE"})
  void integerKeys_everyRowReadOnce(Kind kind) {
    String sql = "SELECT id FROM numbered WHERE id > ?<Cursor> ORDER BY id LIMIT ?<Limit>";
    assertEachReadOnce(kind, sql, expected(NUMBERS, false));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"POSTGRES", "MARIADB", "SQLITE"})
  void integerKeys_withAFilterAndAQualifiedKey_everyKeptRowReadOnce(Kind kind) {
    String sql =
        "SELECT n.id AS id FROM numbered n WHERE n.keep = 1 AND n.id > ?<Cursor>"
            + " ORDER BY n.id LIMIT ?<Limit>";
    assertEachReadOnce(kind, sql, expected(NUMBERS, true));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"POSTGRES", "MARIADB", "SQLITE"})
  void textKeys_everyRowReadOnce(Kind kind) {
    String sql = "SELECT id FROM named WHERE id > ?<Cursor> ORDER BY id LIMIT ?<Limit>";
    assertEachReadOnce(kind, sql, expected(TEXTS, false));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"POSTGRES"})
  void uuidKeys_everyRowReadOnce(Kind kind) {
    String sql =
        "SELECT id FROM tokens WHERE keep = 1 AND id > ?<Cursor> ORDER BY id LIMIT ?<Limit>";
    assertEachReadOnce(kind, sql, expected(UUIDS, true));
  }

  /**
   * A guard of the user's own for the first page keeps the comparison; the first cursor is the
   * empty string where the guard compares it with text, and on PostgreSQL the smallest bigint where
   * it is compared with the key, which PostgreSQL would refuse as ''.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"POSTGRES", "MARIADB", "SQLITE"})
  void aFirstPageGuardOfTheUsersOwn_everyRowReadOnce(Kind kind) {
    String sql =
        "SELECT id FROM numbered WHERE (?<Cursor> = '' OR id > ?<Cursor>)"
            + " ORDER BY id LIMIT ?<Limit>";
    assertEachReadOnce(kind, sql, expected(NUMBERS, false));
  }

  /**
   * A comparison the first page cannot leave out: PostgreSQL tells the type it compares with, and
   * the first cursor is that type's lowest value.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"numbered, false", "tokens, true"})
  void postgres_aKeptComparison_comparesWithTheLowestValueOfItsType(String table, boolean uuid) {
    String sql =
        "SELECT id FROM " + table + " WHERE NOT (id <= ?<Cursor>) ORDER BY id LIMIT ?<Limit>";
    assertEachReadOnce(Kind.POSTGRES, sql, expected(uuid ? UUIDS : NUMBERS, false));
  }

  /** What {@code validate --connect} asks before it warns about a kept comparison. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "numbered, id, true",
    "tokens, id, true",
    "named, id, true",
    "numbered, inet '10.0.0.1', false"
  })
  void postgres_theCatalogTellsWhereTheFirstCursorIsBelowEveryKey(
      String table, String key, boolean below) {
    TestDatabase db = DATABASES.of(Kind.POSTGRES);
    SourceQuery query =
        new SourceQuery(
            "q",
            SqlTemplate.parse(
                "SELECT id FROM "
                    + table
                    + " WHERE NOT ("
                    + key
                    + " <= ?<Cursor>) LIMIT ?<Limit>"));
    try (SourceCatalog catalog =
        JdbcCatalogs.open(
            ConnectionSpec.of(ConnectValues.dsn(db.jdbcUrl(), db.user(), db.password())),
            SourceOptions.named("it"))) {
      assertThat(catalog.firstCursorBelowEveryKey(query, SafeBindings.of(query.template()), 0))
          .isEqualTo(below);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"MARIADB", "SQLITE"})
  void elsewhere_theCatalogCannotTell(Kind kind) {
    TestDatabase db = DATABASES.of(kind);
    SourceQuery query =
        new SourceQuery("q", SqlTemplate.parse("SELECT id FROM numbered WHERE id > ?<Cursor>"));
    try (SourceCatalog catalog =
        JdbcCatalogs.open(
            ConnectionSpec.of(ConnectValues.dsn(db.jdbcUrl(), db.user(), db.password())),
            SourceOptions.named("it"))) {
      assertThat(catalog.firstCursorBelowEveryKey(query, SafeBindings.of(query.template()), 0))
          .isFalse();
    }
  }

  /**
   * Why the first page is not simply bound as baton-sql binds it: with the empty string SQLite
   * reads no row at all and PostgreSQL refuses the statement; later pages bind keys as before.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"POSTGRES", "SQLITE"})
  void theEmptyCursorItself_wouldLoseEveryRow(Kind kind) {
    SourceQuery query =
        new SourceQuery(
            "q", SqlTemplate.parse("SELECT id FROM numbered WHERE id > ?<Cursor> ORDER BY id"));
    List<Object> rows = new ArrayList<>();
    try (SourceReader reader = open(kind)) {
      if (kind == Kind.SQLITE) {
        reader.read(query, Map.of("cursor", ""), rows::add);
        assertThat(rows).isEmpty();
      } else {
        assertThat(catchThrowable(() -> reader.read(query, Map.of("cursor", ""), rows::add)))
            .hasMessageContaining("bigint");
      }
      rows.clear();
      reader.read(query, Map.of("cursor", String.valueOf(NUMBERS.get(20))), rows::add);
      assertThat(rows).hasSize(2);
    }
  }
}
