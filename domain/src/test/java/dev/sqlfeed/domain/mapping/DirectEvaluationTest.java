package dev.sqlfeed.domain.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cel.common.values.NullValue;
import dev.sqlfeed.domain.error.MappingException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One case per node kind of the direct path, and what stays on CEL. */
class DirectEvaluationTest {
  private static final ExpressionCompiler DIRECT = ExpressionCompiler.withDirect(true);

  private static final Map<String, Object> ROW = row();

  private static Map<String, Object> row() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", 42L);
    row.put("username", "Alice Smith");
    row.put("email", NullValue.NULL_VALUE);
    row.put("active", true);
    row.put("score", 7.5);
    return row;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = " -> ",
      quoteCharacter = '"',
      value = {
        // column reads, in each spelling
        ".username -> Alice Smith",
        "cols.username -> Alice Smith",
        "cols['username'] -> Alice Smith",
        "cols[toLower('USERNAME')] -> Alice Smith",
        // constants
        "'literal' -> literal",
        "user -> user",
        "17 -> 17",
        "true -> true",
        // a bare word, null included, is a string in baton-sql
        "null -> null",
        "null == null -> true",
        "1.5 -> 1.5",
        // string concatenation
        "'Bench user ' + .username -> Bench user Alice Smith",
        // string()
        "string(.id) + ':' + string(.active) -> 42:true",
        // null checks and conditionals
        ".email == null ? 'service' : 'human' -> service",
        ".email != null -> false",
        ".id == 42 && .active -> true",
        "!.active || .username == 'Alice Smith' -> true",
        "has(cols.nickname) ? .nickname : .username -> Alice Smith",
        // baton-sql's string functions
        "toUpper(.username) -> ALICE SMITH",
        "toLower(.username) -> alice smith",
        "titleCase('alice smith') -> Alice Smith",
        "slugify(.username) -> alice-smith",
      })
  void supportedShape_isDirect_andGivesCelsText(String source, String expected) {
    Expression expression = DIRECT.compile(source);

    assertThat(expression).isInstanceOf(DirectExpression.class);
    assertThat(expression.evaluateString(Activation.forRow(ROW))).isEqualTo(expected);
    assertThat(DIRECT.compileCel(source).evaluateString(Activation.forRow(ROW)))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "size(.username)",
        ".username.startsWith('A')",
        "[.id, .score]",
        "{'a': .id}",
        "cols.exists(c, c == 'id')",
        "int(.score)",
        "1u",
        "b'x'",
        "phpSerializeStringArray(['a'])"
      })
  void unsupportedShape_staysOnCel(String source) {
    assertThat(DIRECT.compile(source)).isInstanceOf(CelExpression.class);
  }

  @Test
  void resourceVariable_isReadDirectly() {
    Map<String, Object> resource = Activation.resource("t1", "team", "Team One", null);
    Expression expression = DIRECT.compile("resource.DisplayName + ' member'");

    assertThat(expression.evaluateString(Activation.forResource(resource)))
        .isEqualTo("Team One member");
  }

  @Test
  void valueOutsideTheSubset_isEvaluatedByCel() {
    // string() of a double is CEL's to format; the direct node hands it over.
    Expression expression = DIRECT.compile("string(.score)");

    assertThat(expression).isInstanceOf(DirectExpression.class);
    assertThat(expression.evaluateString(Activation.forRow(ROW)))
        .isEqualTo(DIRECT.compileCel("string(.score)").evaluateString(Activation.forRow(ROW)));
  }

  @Test
  void missingColumn_isCelsErrorWordForWord() {
    Expression expression = DIRECT.compile("'x' + .nickname");

    assertThatThrownBy(() -> expression.evaluateString(Activation.forRow(ROW)))
        .isInstanceOf(MappingException.class)
        .hasMessage(
            "expression ''x' + .nickname': the row has no column 'nickname'"
                + " (columns: [id, username, email, active, score])");
  }

  @Test
  void unsetVariableInAnUntakenBranch_failsAsOnCel() {
    Expression expression = DIRECT.compile("true ? 'x' : resource.ID");

    assertThatThrownBy(() -> expression.evaluate(Activation.forRow(ROW)))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("'resource' is not set here");
  }

  @Test
  void switchedOff_everyExpressionIsCel() {
    assertThat(ExpressionCompiler.withDirect(false).compile(".username"))
        .isInstanceOf(CelExpression.class);
  }
}
