package dev.sqlfeed.domain.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.error.MappingException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * baton-sql's custom CEL functions, with the cases of baton-sql's own tests (the {@code TestCases}
 * of each function in {@code pkg/bcel/functions} and {@code title_case_test.go}, {@code
 * php_deserialize_test.go}): same inputs, same expected outputs.
 */
class BatonSqlFunctionsTest {
  private static final ExpressionCompiler CEL = ExpressionCompiler.batonSql();

  static Stream<Arguments> batonSqlExpressionCases() {
    return Stream.of(
        // toUpper
        Arguments.of("toUpper('hello')", Map.of(), "HELLO"),
        Arguments.of("toUpper('')", Map.of(), ""),
        Arguments.of("toUpper('Hello')", Map.of(), "HELLO"),
        Arguments.of("'foo' + toUpper('bar')", Map.of(), "fooBAR"),
        Arguments.of("toUpper(cols[\"username\"])", Map.of("username", "Alice"), "ALICE"),
        // toLower
        Arguments.of("toLower('hello')", Map.of(), "hello"),
        Arguments.of("toLower('')", Map.of(), ""),
        Arguments.of("toLower('Hello')", Map.of(), "hello"),
        Arguments.of("'FOO' + toLower('BAR')", Map.of(), "FOObar"),
        Arguments.of("toLower(cols[\"username\"])", Map.of("username", "ALICE"), "alice"),
        // titleCase
        Arguments.of("titleCase('hello')", Map.of(), "Hello"),
        Arguments.of("titleCase('')", Map.of(), ""),
        Arguments.of("titleCase('Hello')", Map.of(), "Hello"),
        Arguments.of("'foo' + titleCase('bar')", Map.of(), "fooBar"),
        Arguments.of("titleCase('foo bar qux baz')", Map.of(), "Foo Bar Qux Baz"),
        Arguments.of("titleCase(cols[\"username\"])", Map.of("username", "alice"), "Alice"),
        // slugify
        Arguments.of("slugify('Hello, World!')", Map.of(), "hello-world"),
        Arguments.of("slugify('GoLang_is Awesome')", Map.of(), "golang-is-awesome"),
        Arguments.of("slugify(' This--is !a Test ')", Map.of(), "this-is-a-test"),
        Arguments.of("slugify('Complex_Example_42')", Map.of(), "complex-example-42"),
        Arguments.of("slugify('Multiple   Spaces')", Map.of(), "multiple-spaces"),
        Arguments.of("slugify('____leading_and_trailing____')", Map.of(), "leading-and-trailing"),
        Arguments.of("slugify('special@#$_characters!!')", Map.of(), "special-characters"),
        Arguments.of("slugify('MiXeD CaSe')", Map.of(), "mixed-case"),
        Arguments.of("slugify('123 Numbers')", Map.of(), "123-numbers"),
        Arguments.of("slugify('Already--slugified')", Map.of(), "already-slugified"),
        // phpSerializeStringArray
        Arguments.of(
            "phpSerializeStringArray(['administrator'])",
            Map.of(),
            "a:1:{s:13:\"administrator\";b:1;}"),
        Arguments.of(
            "phpSerializeStringArray(['subscriber'])", Map.of(), "a:1:{s:10:\"subscriber\";b:1;}"),
        // phpDeserializeStringArray
        Arguments.of(
            "phpDeserializeStringArray('a:1:{s:13:\"administrator\";b:1;}')",
            Map.of(),
            List.of("administrator")),
        Arguments.of(
            "phpDeserializeStringArray('a:1:{s:13:\"administrator\";b:1;}')[0]",
            Map.of(),
            "administrator"),
        Arguments.of(
            "phpDeserializeStringArray('a:2:{s:3:\"foo\";s:3:\"bar\";s:3:\"baz\";s:3:\"qux\";}')[0]",
            Map.of(),
            "foo"),
        Arguments.of(
            "phpDeserializeStringArray('a:2:{s:3:\"foo\";s:3:\"bar\";s:3:\"baz\";s:3:\"qux\";}')[1]",
            Map.of(),
            "baz"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("batonSqlExpressionCases")
  void evaluatesAsBatonSqlDoes(String expression, Map<String, Object> cols, Object expected) {
    assertThat(CEL.compile(expression).evaluate(Activation.forRow(cols))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "titleCase(\"{0}\") = \"{1}\"")
  @CsvSource(
      delimiter = '|',
      ignoreLeadingAndTrailingWhitespace = false,
      value = {
        "hello world|Hello World",
        "HELLO WORLD|Hello World",
        "hElLo WoRlD|Hello World",
        "''|''",
        "a|A",
        "a b|A B",
        "123 abc|123 Abc",
        "hello, world!|Hello, World!",
        "hello-world!|Hello-World!",
        "hello 123 world|Hello 123 World",
        "99 problems but a bug ain't one|99 Problems But A Bug Ain't One",
        "'  hello   world  '|'  Hello   World  '",
        "goLang is FUN!|Golang Is Fun!",
        "¡hola mundo!|¡Hola Mundo!",
        "goé faire un tour|Goé Faire Un Tour",
      })
  void titleCase_batonSqlCases_match(String input, String expected) {
    assertThat(StringFunctions.titleCase(input)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "titleCase(\"{0}\") = \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "o'neil|O'neil",
        "snake_case word|Snake_case Word",
        "1st place|1St Place",
        "hello.world|Hello.world",
        "x''y|X''Y",
        "ÉCOLE normale|École Normale",
      })
  void titleCase_wordBoundaries_followGoTextCases(String input, String expected) {
    assertThat(StringFunctions.titleCase(input)).isEqualTo(expected);
  }

  @Test
  void toUpperAndToLower_mapEachCodePointLikeGo() {
    // Go maps rune by rune: no "SS" for ß, no dotted i̇ for İ.
    assertThat(StringFunctions.toUpper("straße")).isEqualTo("STRAßE");
    assertThat(StringFunctions.toLower("İSTANBUL")).isEqualTo("istanbul");
    assertThat(StringFunctions.toUpper("ǆ")).isEqualTo("Ǆ");
  }

  @Test
  void slugify_dropsLettersOutsideAsciiAsGoRegexpDoes() {
    assertThat(StringFunctions.slugify("Crème brûlée")).isEqualTo("crme-brle");
    assertThat(StringFunctions.slugify("tab\there")).isEqualTo("tabhere");
    assertThat(StringFunctions.slugify("!!!")).isEmpty();
  }

  @Test
  void phpDeserializeStringArray_invalidText_failsWithTheExpression() {
    Expression expression = CEL.compile("phpDeserializeStringArray(.roles)");

    assertThatThrownBy(() -> expression.evaluate(Activation.forRow(Map.of("roles", "foobar"))))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("phpDeserializeStringArray(.roles)")
        .hasMessageContaining("not a serialized PHP array");
  }

  @Test
  void phpSerializeStringArray_nonStringElement_fails() {
    Expression expression = CEL.compile("phpSerializeStringArray(.roles)");

    assertThatThrownBy(
            () -> expression.evaluate(Activation.forRow(Map.of("roles", List.of("a", 1L)))))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("element 1 is int");
  }

  @Test
  void phpFunctions_roundTripThroughCel() {
    Expression expression =
        CEL.compile("phpDeserializeStringArray(phpSerializeStringArray(['editor', 'admin']))");

    assertThat(expression.evaluate(Activation.forRow(Map.of())))
        .isEqualTo(List.of("admin", "editor"));
  }

  @Test
  void stringFunctions_onNull_failAsBatonSqlDoes() {
    Expression expression = CEL.compile("toUpper(.name)");

    assertThatThrownBy(() -> expression.evaluate(Activation.forRow(nullName())))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("toUpper");
  }

  private static Map<String, Object> nullName() {
    java.util.HashMap<String, Object> row = new java.util.HashMap<>();
    row.put("name", null);
    return row;
  }
}
