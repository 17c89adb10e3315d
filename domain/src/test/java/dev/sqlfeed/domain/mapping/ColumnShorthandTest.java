package dev.sqlfeed.domain.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// Its two tables of cases are alike in shape on purpose: baton-sql's own cases and sqlfeed's.
class ColumnShorthandTest {
  // baton-sql's pkg/bcel/helpers_test.go, Test_preprocessExpressions.
  @ParameterizedTest(name = "{0}  ->  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        ".role_name|cols['role_name']",
        ".role_name == 'Admin'|cols['role_name'] == 'Admin'",
        ".role_name == .another_field|cols['role_name'] == cols['another_field']",
        "user.role_name|user.role_name",
        "user.role_name == .role_name|user.role_name == cols['role_name']",
        "user.get_role(.role_name)|user.get_role(cols['role_name'])",
        "someFunc() == .role_name|someFunc() == cols['role_name']",
        "user.name == \"John\" && .is_admin == true|user.name == \"John\" && cols['is_admin'] == true",
        "person['age'] > 30 && .age == 25|person['age'] > 30 && cols['age'] == 25",
        ".role_name + \"User\"|cols['role_name'] + \"User\"",
        "\"The role is: \" + .role_name|\"The role is: \" + cols['role_name']",
        "10 * .salary + user.bonus|10 * cols['salary'] + user.bonus",
        ".role_name == null|cols['role_name'] == null",
        ".role_name == \"\"|cols['role_name'] == \"\"",
        "myObject.doSomething(.role_name)|myObject.doSomething(cols['role_name'])",
        "alert|\"alert\"",
        "status123|\"status123\"",
        "status_code|\"status_code\"",
        ".role_name == alert|cols['role_name'] == alert",
        "user.role == .role_name && state == ok|user.role == cols['role_name'] && state == ok",
        "user.role == 'admin'|user.role == 'admin'",
        "check_role(.role_name)|check_role(cols['role_name'])",
        "'alert'|'alert'",
      })
  void rewrite_batonSqlCases(String expression, String expected) {
    assertThat(ColumnShorthand.rewrite(expression).text()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}  ->  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "true|true",
        "false|false",
        "null|\"null\"",
        "`  user  `|\"user\"",
        "'x' in .roles|'x' in cols['roles']",
        "[.a, .b]|[cols['a'], cols['b']]",
        "!.active|!cols['active']",
        "1.5 + .x|1.5 + cols['x']",
        ".a.b|cols['a'].b",
        "(.a + .b).size()|(cols['a'] + cols['b']).size()",
        "'abc'.size()|'abc'.size()",
        "'see .docs' + .x|'see .docs' + cols['x']",
        "\"it's .here\" + .x|\"it's .here\" + cols['x']",
        "'''multi .line''' + .x|'''multi .line''' + cols['x']",
        "'esc\\' .q' + .x|'esc\\' .q' + cols['x']",
        "r'raw\\' + .x|r'raw\\' + cols['x']",
        "{'k': .v}.k|{'k': cols['v']}.k",
      })
  void rewrite_sqlfeedCases(String expression, String expected) {
    assertThat(ColumnShorthand.rewrite(expression).text()).isEqualTo(expected);
  }

  @Test
  void rewrite_keepsTheSourceIndexOfEveryCharacter() {
    ColumnShorthand.Rewritten rewritten = ColumnShorthand.rewrite("x + .name");

    // "x + cols['name']": the inserted "cols['" points at the dot, the name at itself.
    assertThat(rewritten.text()).isEqualTo("x + cols['name']");
    assertThat(rewritten.toSourceIndex(4)).isEqualTo(4);
    assertThat(rewritten.toSourceIndex(10)).isEqualTo(5);
    assertThat(rewritten.toSourceIndex(rewritten.text().length())).isEqualTo(9);
  }
}
