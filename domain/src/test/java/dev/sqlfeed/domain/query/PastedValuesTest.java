package dev.sqlfeed.domain.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PastedValuesTest {
  private static String render(String sql, Map<String, Object> values, Product product) {
    return PastedValues.render(SqlTemplate.parse(sql).jdbcSql(), values, product);
  }

  @Test
  void unquoted_keepsOnlyLettersDigitsAndUnderscores_boundPlaceholdersStayMarkers() {
    assertThat(
            render(
                "GRANT ?<role|unquoted> TO app WHERE x = ?<x>",
                Map.of("role", "db_admin; DROP TABLE users; --"),
                Product.POSTGRES))
        .isEqualTo("GRANT db_adminDROPTABLEusers TO app WHERE x = ?");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "POSTGRES | \"we\"\"ird name\"",
        "SQLITE   | \"we\"\"ird name\"",
        "ORACLE   | \"we\"\"ird name\"",
        "MYSQL    | `we\"ird name`"
      })
  void identifier_isQuotedForTheDatabase_withItsQuoteDoubled(Product product, String quoted) {
    assertThat(render("DROP ROLE ?<r|identifier>", Map.of("r", "we\"ird name"), product))
        .isEqualTo("DROP ROLE " + quoted);
    assertThat(render("DROP ROLE ?<r|Identifier>", Map.of("r", "a`b"), Product.MYSQL))
        .isEqualTo("DROP ROLE `a``b`");
  }

  @Test
  void numbersAndBools_arePastedAsBatonSqlWritesThem() {
    assertThat(
            render(
                "?<a|unquoted> ?<b|unquoted> ?<c|unquoted> ?<d|unquoted>",
                Map.of("a", 42L, "b", 3.0, "c", true, "d", 2.5),
                Product.SQLITE))
        .isEqualTo("42 3 true 25");
  }

  @Test
  void aValueThatCannotBePasted_saysWhy() {
    SqlTemplate.Placeholder unquoted = SqlTemplate.parse("?<x|unquoted>").placeholders().get(0);
    SqlTemplate.Placeholder identifier = SqlTemplate.parse("?<x|identifier>").placeholders().get(0);

    assertThat(PastedValues.check(unquoted, "ops")).isNull();
    assertThat(PastedValues.check(identifier, "--")).isNull();
    assertThat(PastedValues.check(unquoted, "--"))
        .isEqualTo(
            "?<x|unquoted> pastes only the letters, digits and underscores of its value, and its"
                + " value has none");
    assertThat(PastedValues.check(identifier, null))
        .isEqualTo("?<x|identifier> pastes its value into the SQL text, and the value is null");
    assertThat(PastedValues.check(identifier, Instant.EPOCH))
        .endsWith("which takes a string, number or bool; its value is of type Instant");
  }

  @Test
  void aPlaceholderWithoutAValue_isAnError() {
    assertThatThrownBy(() -> render("?<x|unquoted>", Map.of(), Product.SQLITE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no value for ?<x|unquoted>");
  }
}
