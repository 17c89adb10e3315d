package dev.sqlfeed.domain.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.config.Pagination;
import dev.sqlfeed.domain.config.PaginationStrategy;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.query.SqlTemplate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FirstCursorPageTest {
  private static String firstPage(String sql) {
    return FirstCursorPage.of(SqlTemplate.parse(sql))
        .statement()
        .map(SqlTemplate::text)
        .orElse(null);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SELECT id FROM u WHERE id > ?<Cursor> ORDER BY id LIMIT ?<Limit>"
            + "|SELECT id FROM u WHERE (id = id) ORDER BY id LIMIT ?<Limit>",
        "SELECT id FROM u WHERE org = ?<org> AND u.id >= ?<cursor> LIMIT ?<Limit>"
            + "|SELECT id FROM u WHERE org = ?<org> AND (u.id = u.id) LIMIT ?<Limit>",
        "SELECT id FROM u WHERE \"U\".\"Id\">?<Cursor>"
            + "|SELECT id FROM u WHERE (\"U\".\"Id\" = \"U\".\"Id\")",
        "SELECT id FROM u WHERE `id` > CAST(?<Cursor> AS UNSIGNED) ORDER BY id"
            + "|SELECT id FROM u WHERE (`id` = `id`) ORDER BY id",
        "SELECT id FROM u WHERE (id > ?<Cursor>::bigint) ORDER BY id"
            + "|SELECT id FROM u WHERE ((id = id)) ORDER BY id",
        "SELECT id FROM u WHERE ?<Cursor> < id ORDER BY id"
            + "|SELECT id FROM u WHERE (id = id) ORDER BY id",
        "SELECT id FROM a WHERE id > ?<Cursor> UNION ALL SELECT id FROM b WHERE id > ?<Cursor>"
            + "|SELECT id FROM a WHERE (id = id) UNION ALL SELECT id FROM b WHERE (id = id)",
      })
  void theIdiomsComparisonIsLeftOutOfTheFirstPage(String sql, String expected) {
    assertThat(firstPage(sql)).isEqualTo(expected);
    assertThat(FirstCursorPage.of(SqlTemplate.parse(sql)).keptComparisons()).isEmpty();
  }

  @Test
  void aCommentAfterTheComparison_doesNotHideWhatFollows() {
    assertThat(
            firstPage("SELECT id FROM u WHERE id > ?<Cursor> -- after the last page\nORDER BY id"))
        .isEqualTo("SELECT id FROM u WHERE (id = id) -- after the last page\nORDER BY id");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT id FROM u WHERE a + id > ?<Cursor> ORDER BY id",
        "SELECT id FROM u WHERE id > ?<Cursor> || 'x'",
        "SELECT id FROM u WHERE id < ?<Cursor> ORDER BY id DESC",
        "SELECT id FROM u WHERE (?<Cursor> = '' OR id > ?<Cursor>) ORDER BY id",
        "SELECT id FROM u WHERE lower(id) > ?<Cursor> ORDER BY id",
        "SELECT id FROM u WHERE x BETWEEN 1 AND id > ?<Cursor>",
        "SELECT id FROM u WHERE NOT id > ?<Cursor>",
        "SELECT id FROM u WHERE id > ?<Cursor> IS TRUE",
        "SELECT id FROM u WHERE data->>?<Cursor> > 'a' AND id > ?<Cursor>",
      })
  void aComparisonThatMightMeanSomethingElse_isKeptAndListed(String sql) {
    FirstCursorPage first = FirstCursorPage.of(SqlTemplate.parse(sql));

    assertThat(first.statement()).isEmpty();
    assertThat(first.keptComparisons()).isNotEmpty();
  }

  @Test
  void aCursorOutsideAnyComparison_isNeitherRewrittenNorListed() {
    FirstCursorPage first =
        FirstCursorPage.of(SqlTemplate.parse("SELECT id FROM u WHERE id IN (?<Cursor>)"));

    assertThat(first.statement()).isEmpty();
    assertThat(first.keptComparisons()).isEmpty();
  }

  @Test
  void aStatementWithoutCursor_hasNoFirstPageOfItsOwn() {
    assertThat(firstPage("SELECT id FROM u LIMIT ?<Limit> OFFSET ?<Offset>")).isNull();
  }

  @Test
  void pagingRunsTheRewrittenStatementOnTheFirstPageOnly_andBindsLaterCursorsAsBefore() {
    Query query =
        new Query(
            SqlTemplate.parse("SELECT id FROM u WHERE id > ?<Cursor> ORDER BY id LIMIT ?<Limit>"),
            "resource_types.user.list.query");
    Pagination pagination =
        new Pagination(PaginationStrategy.CURSOR, "id", 2, "resource_types.user.list.pagination");
    Paging paging = Paging.of(query, Optional.of(pagination));

    assertThat(paging.statement().jdbcSql())
        .isEqualTo("SELECT id FROM u WHERE (id = id) ORDER BY id LIMIT ?");
    assertThat(paging.bindings(Map.of())).isEqualTo(Map.of("limit", 3L));

    assertThat(paging.next(3, 2L)).isTrue();

    assertThat(paging.statement()).isEqualTo(query.sql());
    assertThat(paging.bindings(Map.of())).isEqualTo(Map.of("limit", 3L, "cursor", "2"));
  }

  @Test
  void aResumedPage_runsTheStatementAsWritten() {
    Query query =
        new Query(
            SqlTemplate.parse("SELECT id FROM u WHERE id > ?<Cursor> ORDER BY id LIMIT ?<Limit>"),
            "event_feeds.audit.query");
    Pagination pagination =
        new Pagination(PaginationStrategy.CURSOR, "id", 2, "event_feeds.audit.pagination");

    assertThat(Paging.resume(query, Optional.of(pagination), "7").statement())
        .isEqualTo(query.sql());
    assertThat(Paging.resume(query, Optional.of(pagination), "").statement().jdbcSql())
        .isEqualTo("SELECT id FROM u WHERE (id = id) ORDER BY id LIMIT ?");
  }

  @Test
  void aFirstPageThatKeepsItsComparison_bindsTheCursorBelowEveryKey_thenTheLastKey() {
    Query query =
        new Query(
            SqlTemplate.parse(
                "SELECT id FROM u WHERE lower(id) > ?<Cursor> ORDER BY id LIMIT ?<Limit>"),
            "resource_types.user.list.query");
    Pagination pagination =
        new Pagination(PaginationStrategy.CURSOR, "id", 2, "resource_types.user.list.pagination");
    Paging paging = Paging.of(query, Optional.of(pagination));

    assertThat(paging.statement()).isEqualTo(query.sql());
    assertThat(paging.bindings(Map.of()))
        .isEqualTo(Map.of("limit", 3L, "cursor", FirstCursor.BELOW_EVERY_KEY));
    assertThat(FirstCursor.BELOW_EVERY_KEY).hasToString("");

    paging.next(3, "b");

    assertThat(paging.bindings(Map.of())).isEqualTo(Map.of("limit", 3L, "cursor", "b"));
  }
}
