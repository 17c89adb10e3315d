package dev.sqlfeed.domain.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// Its tests are alike in shape on purpose: one invalid expression each, with where it is reported.
class ExpressionCompilerTest {
  private static final ExpressionCompiler CEL = ExpressionCompiler.batonSql();

  @Test
  void batonSql_isOneSharedCompiler() {
    assertThat(ExpressionCompiler.batonSql()).isSameAs(CEL);
  }

  @Test
  void compile_keepsTheSourceText() {
    assertThat(CEL.compile("string(.id)").source()).isEqualTo("string(.id)");
  }

  @Test
  void syntaxError_reportsLineAndColumnInTheExpression() {
    InvalidExpressionException e = invalid(".name +");

    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).isEqualTo(8);
    assertThat(e.reason()).contains("mismatched input '<EOF>'");
    assertThat(e).hasMessageStartingWith("1:8: ");
  }

  @Test
  void syntaxError_onALaterLine_isPlacedInTheUsersText() {
    // The column shorthand on line 1 makes the rewritten text longer; positions must not shift.
    InvalidExpressionException e = invalid(".first_name + ' ' +\n  .last_name +)");

    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(15);
  }

  @Test
  void unknownFunction_isACompileErrorPointingAtItsName() {
    InvalidExpressionException e = invalid("toUpper(.a) + frobnicate(.name)");

    assertThat(e.reason()).isEqualTo("undeclared reference to 'frobnicate' (in container '')");
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).isEqualTo(15);
  }

  @Test
  void unknownMemberFunction_isACompileError() {
    InvalidExpressionException e = invalid(".name.shout()");

    assertThat(e.reason()).contains("shout");
    assertThat(e.column()).isEqualTo(7);
  }

  @Test
  void undeclaredVariable_isACompileError() {
    InvalidExpressionException e = invalid("row.name == 'x'");

    assertThat(e.reason()).isEqualTo("undeclared reference to 'row' (in container '')");
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).isEqualTo(1);
  }

  @Test
  void wrongArgumentType_isACompileError() {
    InvalidExpressionException e = invalid("slugify(1)");

    assertThat(e.reason()).contains("no matching overload for 'slugify'");
    assertThat(e.column()).isEqualTo(1);
  }

  @Test
  void columnsAfterNonAsciiText_areCountedInCodePoints() {
    InvalidExpressionException e = invalid("'😀é' + nope(.x)");

    assertThat(e.column()).isEqualTo(8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n"})
  void emptyExpression_isInvalid(String source) {
    assertThat(invalid(source).reason()).isEqualTo("the expression is empty");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ".any_column_name",
        "cols['with space']",
        "cols.x",
        "has(cols.x) ? .x : ''",
        "resource.ID + '-' + string(.id)",
        "resource.profile.team",
        "principal.ID",
        "entitlement.ID",
        "input.name",
        "timestamp(1700000000)",
        "['a', 'b'].exists(r, r == .role)",
        ".roles.map(r, toLower(r))",
        ".score > 5",
        ".created_at < timestamp('2026-01-01T00:00:00Z')",
      })
  void compile_acceptsBatonSqlVariablesFunctionsAndMacros(String source) {
    assertThat(CEL.compile(source)).isNotNull();
  }

  @Test
  void bareWord_isAStringLiteral() {
    assertThat(CEL.compile("user").evaluateString(Activation.forRow(Map.of()))).isEqualTo("user");
    assertThat(CEL.compile(" group_member ").evaluate(Activation.forRow(Map.of())))
        .isEqualTo("group_member");
    assertThat(CEL.compile("true").evaluate(Activation.forRow(Map.of()))).isEqualTo(true);
  }

  private static InvalidExpressionException invalid(String source) {
    InvalidExpressionException e =
        catchThrowableOfType(InvalidExpressionException.class, () -> CEL.compile(source));
    assertThat(e).as("compile error for %s", source).isNotNull();
    return e;
  }

  @Test
  void compile_nullSource_isRejected() {
    assertThatThrownBy(() -> CEL.compile(null)).isInstanceOf(NullPointerException.class);
  }
}
