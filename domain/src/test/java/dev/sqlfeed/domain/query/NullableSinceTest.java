package dev.sqlfeed.domain.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NullableSinceTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SELECT id FROM t WHERE updated_at >= ?<since>"
            + "|SELECT id FROM t WHERE (updated_at >= ?<since> OR updated_at IS NULL)",
        "SELECT id FROM t WHERE deleted_at IS NULL AND t.updated_at>?<SINCE> ORDER BY id"
            + "|SELECT id FROM t WHERE deleted_at IS NULL AND (t.updated_at > ?<SINCE> OR"
            + " t.updated_at IS NULL) ORDER BY id",
        "SELECT id FROM t WHERE (\"u\".\"Updated At\" >= ?<since>)"
            + "|SELECT id FROM t WHERE ((\"u\".\"Updated At\" >= ?<since> OR \"u\".\"Updated At\""
            + " IS NULL))",
        "SELECT a FROM x where `ts` >= ?<since> UNION ALL SELECT a FROM y WHERE ts >= ?<since>;"
            + "|SELECT a FROM x where (`ts` >= ?<since> OR `ts` IS NULL) UNION ALL SELECT a FROM y"
            + " WHERE (ts >= ?<since> OR ts IS NULL);",
      })
  void plainComparisons_letNullCursorsThrough(String query, String widened) {
    SqlTemplate out = NullableSince.of(SqlTemplate.parse(query)).orElseThrow();

    assertThat(out.text()).isEqualTo(widened);
    assertThat(out.parameters()).isEqualTo(SqlTemplate.parse(query).parameters());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT id FROM t",
        "SELECT id FROM t WHERE updated_at >= ?<since> - INTERVAL '1' HOUR",
        "SELECT id FROM t WHERE COALESCE(updated_at, created_at) >= ?<since>",
        "SELECT id FROM t WHERE NOT updated_at >= ?<since>",
        "SELECT id FROM t WHERE ?<since> <= updated_at",
        "SELECT id FROM t WHERE updated_at BETWEEN ?<since> AND now()",
        "SELECT id FROM t WHERE a + updated_at >= ?<since>",
        "SELECT id FROM t WHERE updated_at >= ?<since> AND b = 1 OR c >= ?<since> * 2",
      })
  void otherShapes_areNotRewritten(String query) {
    assertThat(NullableSince.of(SqlTemplate.parse(query))).isEmpty();
  }
}
