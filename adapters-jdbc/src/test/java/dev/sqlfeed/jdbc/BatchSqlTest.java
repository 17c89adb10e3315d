package dev.sqlfeed.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchSqlTest {
  @Test
  void body_ofAPlainSelect_isTheQueryAsWritten() {
    assertThat(BatchSql.body("SELECT id FROM t WHERE id = ?"))
        .contains("SELECT id FROM t WHERE id = ?");
  }

  @Test
  void body_dropsATrailingSemicolon_andTheCommentsAfterIt() {
    assertThat(BatchSql.body("SELECT id FROM t WHERE id = ? ; -- the end\n /* really */ "))
        .contains("SELECT id FROM t WHERE id = ? ");
  }

  @Test
  void body_keepsSemicolonsAndDashesInsideStringsAndQuotedNames() {
    String sql = "SELECT 'a;--b' AS \"x;y\", 'it''s' FROM t WHERE id = ? -- it's; fine";

    assertThat(BatchSql.body(sql)).contains(sql);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "  with x AS (SELECT 1) SELECT * FROM x WHERE ? = 1",
        "-- leading comment\nSELECT id FROM t WHERE id = ?",
        "/* c */ select id from t where id = ?"
      })
  void body_acceptsSelectAndWith_afterCommentsInAnyCase(String sql) {
    assertThat(BatchSql.body(sql)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT 1; SELECT 2",
        "SELECT 1; 'x'",
        "CALL get_user(?)",
        "(SELECT id FROM t WHERE id = ?)",
        "SELECT 'unterminated FROM t",
        "SELECT id FROM t /* unterminated",
        "SELECT E'a\\'b' FROM t WHERE id = ?",
        "SELECT $$a$$ FROM t WHERE id = ?",
        "SELECTx FROM t",
        ""
      })
  void body_refusesWhatCannotBeWrappedSafely(String sql) {
    assertThat(BatchSql.body(sql)).isEmpty();
  }

  @Test
  void combined_tagsEachCopy_andKeepsATrailingLineCommentInsideItsCopy() {
    String sql = BatchSql.combined("SELECT id FROM t WHERE id = ? -- by id", 2);

    assertThat(sql)
        .isEqualTo(
            "SELECT 0 AS sqlfeed_call, sqlfeed_q.* FROM (\nSELECT id FROM t WHERE id = ? -- by id\n)"
                + " sqlfeed_q\nUNION ALL SELECT 1 AS sqlfeed_call, sqlfeed_q.* FROM (\nSELECT id"
                + " FROM t WHERE id = ? -- by id\n) sqlfeed_q");
  }

  @Test
  void copiesPerStatement_staysWithinTheBindLimit_andIsZeroWhereTheFormIsUnchecked() {
    assertThat(BatchSql.copiesPerStatement(Product.POSTGRES, 1)).isEqualTo(BatchSql.MAX_COPIES);
    assertThat(BatchSql.copiesPerStatement(Product.SQLITE, 0)).isEqualTo(BatchSql.MAX_COPIES);
    assertThat(BatchSql.copiesPerStatement(Product.POSTGRES, 1000)).isEqualTo(32);
    assertThat(BatchSql.copiesPerStatement(Product.SQLITE, 1000) * 1000)
        .isLessThanOrEqualTo(32_766);
    assertThat(BatchSql.copiesPerStatement(Product.SQLSERVER, 1)).isZero();
    assertThat(BatchSql.copiesPerStatement(Product.ORACLE, 1)).isZero();
  }
}
