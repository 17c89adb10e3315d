package dev.sqlfeed.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.connect.ConnectValues;
import dev.sqlfeed.domain.connect.ConnectionSpec;
import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.domain.query.SqlTemplate;
import dev.sqlfeed.jdbc.CountingSourceReaders.Counted;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabase.Kind;
import dev.sqlfeed.ports.QueryCall;
import dev.sqlfeed.ports.SourceQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code readEach} against real databases: whatever a {@code get} query looks like, each call gets
 * the rows its own statement gets, and a query that can be combined costs a few statements in one
 * transaction.
 */
class JooqSourceReaderBatchIT {
  @AutoClose
  private static final DatabasePerKind DATABASES =
      new DatabasePerKind(JooqSourceReaderBatchIT::tables);

  private static final String ORIGIN = "resource_types.person.get.query";
  private static final String PLAIN = "SELECT id, name FROM people WHERE id = ?<id>";

  /** {@code get} queries that a careless rewrite would break. */
  static final List<String> TRICKY =
      List.of(
          PLAIN,
          "SELECT id, name FROM people WHERE id = ?<id>;  -- trailing\n",
          "SELECT id, name FROM people WHERE id = ?<id> -- a last line comment",
          "/* leading; comment */ SELECT id FROM people WHERE id = ?<id>",
          "SELECT p.id, t.tag FROM people p JOIN tags t ON t.person_id = p.id"
              + " WHERE p.id = ?<id> ORDER BY t.tag DESC LIMIT 1",
          "SELECT p.id, t.tag FROM people p JOIN tags t ON t.person_id = p.id"
              + " WHERE p.id = ?<id> ORDER BY t.tag",
          "WITH x AS (SELECT id, name FROM people) SELECT id, name FROM x WHERE id = ?<id>",
          "SELECT id, name AS sqlfeed_call FROM people WHERE id = ?<id> AND id = ?<id>",
          "SELECT id, name, name FROM people WHERE id = ?<id>",
          "SELECT 'a;--b' AS lit, id FROM people WHERE id = ?<id>",
          "SELECT id, name FROM people WHERE id = ?<id>"
              + " UNION SELECT id, name FROM people WHERE id = ?<id>",
          "SELECT COUNT(*) AS n FROM tags WHERE person_id = ?<id>",
          "SELECT DISTINCT person_id FROM tags WHERE person_id = ?<id>",
          "SELECT * FROM people WHERE id IN (SELECT person_id FROM tags) AND id = ?<id>");

  private static void tables(TestDatabase db) {
    db.execute(
        "CREATE TABLE people (id BIGINT PRIMARY KEY, name VARCHAR(20))",
        "INSERT INTO people VALUES (1, 'ada'), (2, 'bob'), (3, 'cy'), (4, 'di'), (5, 'ed'),"
            + " (6, 'flo')",
        "CREATE TABLE tags (person_id BIGINT, tag VARCHAR(20))",
        "INSERT INTO tags VALUES (1, 'a'), (1, 'c'), (1, 'b'), (2, 'x'), (5, 'y')");
  }

  private static Counted open(Kind kind) {
    TestDatabase db = DATABASES.of(kind);
    return CountingSourceReaders.open(
        ConnectionSpec.of(ConnectValues.dsn(db.jdbcUrl(), db.user(), db.password())));
  }

  private static SourceQuery query(String sql) {
    return new SourceQuery(ORIGIN, SqlTemplate.parse(sql));
  }

  /** Calls as the refresher makes them: the id bound as text. */
  private static List<QueryCall> calls(String... ids) {
    List<QueryCall> calls = new ArrayList<>();
    for (String id : ids) {
      calls.add(new QueryCall("id " + id, Map.of("id", id)));
    }
    return calls;
  }

  static Stream<Arguments> trickyOnEveryDatabase() {
    return Stream.of(Kind.values())
        .flatMap(kind -> TRICKY.stream().map(sql -> Arguments.of(kind, sql)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("trickyOnEveryDatabase")
  void readEach_ofAnyGet_givesEachIdTheRowsOfItsOwnGet(Kind kind, String sql) {
    Counted counted = open(kind);
    try (var reader = counted.reader()) {
      List<QueryCall> calls = calls("1", "2", "99", "3", "5", "6", "1", "4", "0");
      List<List<String>> single = new ArrayList<>();
      try {
        for (QueryCall call : calls) {
          List<String> rows = new ArrayList<>();
          reader.read(query(sql), call.bindings(), r -> rows.add(r.asMap().toString()));
          rows.sort(Comparator.naturalOrder());
          single.add(rows);
        }
      } catch (SourceException e) {
        // pgjdbc takes a trailing "; -- comment" for a second statement: a get that fails on its
        // own must fail when combined too.
        assertThatThrownBy(() -> reader.readEach(query(sql), calls, (r, call) -> {}))
            .isInstanceOf(SourceException.class)
            .hasMessageContaining(ORIGIN + " (for id 1)");
        return;
      }

      // Twice: the first run proves the combined form, the second uses what it learnt.
      for (int run = 0; run < 2; run++) {
        List<List<String>> each = new ArrayList<>();
        calls.forEach(c -> each.add(new ArrayList<>()));
        counted.counts().reset();
        reader.readEach(query(sql), calls, (r, call) -> each.get(call).add(r.asMap().toString()));
        each.forEach(rows -> rows.sort(Comparator.naturalOrder()));

        assertThat(each).as("run %d", run).isEqualTo(single);
        // Where the database refuses the combined form, PostgreSQL needs a second transaction
        // once, to learn that; from then on the query runs alone per id.
        assertThat(counted.counts().transactions())
            .as("transactions")
            .isBetween(1L, run == 0 ? 2L : 1L);
        System.out.printf(
            "readEach %s run %d, %d calls: %s: %s%n",
            kind, run, calls.size(), counted.counts(), sql.replace('\n', ' '));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void readEach_ofAPlainGet_for1000Ids_costsOneTransactionAndAFewStatements(Kind kind) {
    Counted counted = open(kind);
    try (var reader = counted.reader()) {
      String[] ids = new String[1000];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = Integer.toString(i % 8);
      }
      int[] rows = new int[ids.length];

      reader.readEach(query(PLAIN), calls(ids), (r, call) -> rows[call]++);

      for (int i = 0; i < ids.length; i++) {
        assertThat(rows[i]).as("id %s", ids[i]).isEqualTo(i % 8 >= 1 && i % 8 <= 6 ? 1 : 0);
      }
      // The first call alone (it proves the combined form), then 999 in copies of 250.
      assertThat(counted.counts().statements()).isEqualTo(5);
      assertThat(counted.counts().transactions()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void readEach_aBrokenGet_failsPermanently_namingAnIdAndTheQuery(Kind kind) {
    Counted counted = open(kind);
    try (var reader = counted.reader()) {
      assertThatThrownBy(
              () ->
                  reader.readEach(
                      query("SELECT nope FROM people WHERE id = ?<id>"),
                      calls("1", "2", "3"),
                      (r, call) -> {}))
          .isInstanceOfSatisfying(
              SourceException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(SourceException.Kind.QUERY_FAILED);
                assertThat(e.transientFailure()).isFalse();
              })
          .hasMessageContaining(ORIGIN + " (for id 1)")
          .hasMessageContaining("nope");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"POSTGRES", "H2"})
  void readEach_aGetThatFailsForOneIdInACombinedStatement_namesThatId(Kind kind) {
    Counted counted = open(kind);
    try (var reader = counted.reader()) {
      SourceQuery query = query("SELECT id, 10 / (id - 4) AS x FROM people WHERE id = ?<id>");
      // Proves the combined form first, with ids that do not fail.
      reader.readEach(query, calls("1", "2", "3"), (r, call) -> {});

      assertThatThrownBy(() -> reader.readEach(query, calls("1", "2", "4", "5"), (r, call) -> {}))
          .isInstanceOf(SourceException.class)
          .hasMessageContaining(ORIGIN + " (for id 4)");
      assertThat(reader.read(query, Map.of("id", "5"), r -> {})).isEqualTo(1);
    }
  }
}
