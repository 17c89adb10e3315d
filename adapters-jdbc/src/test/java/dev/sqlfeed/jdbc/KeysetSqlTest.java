package dev.sqlfeed.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import dev.sqlfeed.ports.KeysetPage;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeysetSqlTest {
  private static final String QUERY = "SELECT id, updated_at FROM users WHERE updated_at >= ?";
  private static final Instant SINCE = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant UP_TO = Instant.parse("2026-01-02T00:00:00.5Z");
  private static final Instant AFTER = Instant.parse("2026-01-01T10:00:00.123456Z");

  private static KeysetPage first(String cursor, String key) {
    return new KeysetPage(cursor, key, SINCE, UP_TO, Optional.empty(), null, 3);
  }

  private static KeysetPage after(String cursor, String key, Instant at, Object afterKey) {
    return new KeysetPage(cursor, key, SINCE, UP_TO, Optional.of(at), afterKey, 3);
  }

  private static KeysetSql page(Product product, KeysetPage page, TimestampForm form) {
    return KeysetSql.page(
        product,
        QUERY,
        List.of(form.atOrAfter(SINCE)),
        page.cursorColumn(),
        page.keyColumn(),
        page,
        form,
        page.afterKey());
  }

  private static OffsetDateTime utc(Instant t) {
    return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  @Test
  void aFirstPageOnPostgresBoundsOrdersAndLimitsOutsideTheUsersQuery() {
    KeysetSql sql =
        page(Product.POSTGRES, first("updated_at", "id"), TimestampForm.typed(Product.POSTGRES));

    assertThat(sql.sql())
        .isEqualTo(
            "SELECT * FROM (\n"
                + QUERY
                + "\n) \"q\" WHERE \"q\".\"updated_at\" >= ? AND \"q\".\"updated_at\" <= ?"
                + " ORDER BY \"q\".\"updated_at\", \"q\".\"id\" LIMIT 3");
    assertThat(sql.values()).containsExactly(utc(SINCE), utc(SINCE), utc(UP_TO));
  }

  @Test
  void aLaterPageAddsTheRowValueComparisonAfterThePosition() {
    KeysetSql sql =
        page(
            Product.POSTGRES,
            after("updated_at", "id", AFTER, 42L),
            TimestampForm.typed(Product.POSTGRES));

    assertThat(sql.sql())
        .contains(
            " AND (\"q\".\"updated_at\", \"q\".\"id\") > (?, ?) ORDER BY \"q\".\"updated_at\",");
    assertThat(sql.values()).containsExactly(utc(SINCE), utc(SINCE), utc(UP_TO), utc(AFTER), 42L);
  }

  @Test
  void mariadbQuotesWithBackticksAndDoublesThem() {
    KeysetSql sql =
        page(
            Product.MYSQL, after("upd`ated", "id", AFTER, "k"), TimestampForm.typed(Product.MYSQL));

    assertThat(sql.sql())
        .contains("`q`.`upd``ated` >= ?")
        .contains("(`q`.`upd``ated`, `q`.`id`) > (?, ?)")
        .endsWith("LIMIT 3");
    assertThat(sql.values().get(3)).isEqualTo(LocalDateTime.of(2026, 1, 1, 10, 0, 0, 123_456_000));
  }

  @Test
  void aQuoteInAColumnNameIsDoubledNeverClosesTheName() {
    KeysetSql sql = page(Product.H2, first("x\" OR 1=1 --", "id"), TimestampForm.typed(Product.H2));

    assertThat(sql.sql()).contains("\"q\".\"x\"\" OR 1=1 --\" >= ?");
  }

  @Test
  void sqlServerAndOracleSpellTheKeysetWithOrAndFetchNext() {
    for (Product product : List.of(Product.SQLSERVER, Product.ORACLE)) {
      KeysetSql sql =
          page(product, after("updated_at", "id", AFTER, 7L), TimestampForm.typed(product));

      assertThat(sql.sql())
          .contains(
              " AND \"q\".\"updated_at\" >= ? AND (\"q\".\"updated_at\" > ? OR"
                  + " (\"q\".\"updated_at\" = ? AND \"q\".\"id\" > ?))")
          .endsWith(
              "ORDER BY \"q\".\"updated_at\", \"q\".\"id\" OFFSET 0 ROWS FETCH NEXT 3 ROWS ONLY")
          .doesNotContain(" AS ");
      LocalDateTime at = LocalDateTime.ofInstant(AFTER, ZoneOffset.UTC);
      assertThat(sql.values().subList(3, 7)).containsExactly(at, at, at, 7L);
    }
  }

  @Test
  void onSqliteTextEveryFormOfThePositionsInstantIsComparedByKey() {
    KeysetSql sql =
        page(Product.SQLITE, after("updated_at", "id", AFTER, 7L), SqliteTimestamps.DEFAULT);

    assertThat(sql.sql())
        .contains(
            " AND (\"q\".\"updated_at\", \"q\".\"id\") > (?, ?)"
                + " AND (\"q\".\"updated_at\" > ? OR \"q\".\"id\" > ?)");
    assertThat(sql.values())
        .containsExactly(
            "2026-01-01 00:00:00",
            "2026-01-01 00:00:00",
            "2026-01-02 00:00:00.500000000",
            "2026-01-01 10:00:00.123456",
            7L,
            "2026-01-01 10:00:00.123456000",
            7L);
  }

  @Test
  void aPositionBetweenTwoStorableInstantsIsPassedAsAWhole() {
    Instant between = AFTER.plusNanos(1);

    KeysetSql sql =
        page(
            Product.POSTGRES,
            after("updated_at", "id", between, 7L),
            TimestampForm.typed(Product.POSTGRES));

    assertThat(sql.sql()).contains(" AND \"q\".\"updated_at\" > ? ORDER BY");
    assertThat(sql.values()).last().isEqualTo(utc(AFTER));
  }

  @Test
  void aTrailingSemicolonIsDroppedAndATrailingCommentEndsBeforeTheParenthesis() {
    String around = KeysetSql.around(Product.POSTGRES, "SELECT 1 AS x -- the end\n ; \n");

    assertThat(around).isEqualTo("SELECT * FROM (\nSELECT 1 AS x -- the end\n) \"q\"");
  }

  @Test
  void describeReturnsNoRowsAndSampleOneValue() {
    assertThat(KeysetSql.describe(Product.H2, QUERY, List.of(1L)).sql())
        .isEqualTo("SELECT * FROM (\n" + QUERY + "\n) \"q\" WHERE 1 = 0");
    assertThat(KeysetSql.sample(Product.SQLITE, QUERY, List.of(1L), "updated_at").sql())
        .isEqualTo(
            "SELECT \"q\".\"updated_at\" FROM (\n"
                + QUERY
                + "\n) \"q\" WHERE \"q\".\"updated_at\" IS NOT NULL LIMIT 1");
  }
}
