package dev.sqlfeed.domain.mapping;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.compiler.CelCompiler;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Objects;

/**
 * Compiles the config's CEL expressions in the environment that baton-sql declares (its variables
 * and custom functions). One compiler serves a whole config; it is thread-safe.
 *
 * <p>The environment: CEL's standard library and macros ({@code has}, {@code all}, {@code exists},
 * {@code exists_one}, {@code map}, {@code filter}); the variables described in {@link Activation};
 * baton-sql's functions {@code toUpper(string)}, {@code toLower(string)}, {@code
 * titleCase(string)}, {@code slugify(string)}, {@code phpDeserializeStringArray(string) ->
 * list(string)} and {@code phpSerializeStringArray(list(string)) -> string}. Before compiling,
 * baton-sql's shorthands are applied: {@code .name} reads the row column {@code name}, and an
 * expression that is a single bare word ({@code user}) is that word as a string. See {@link
 * ColumnShorthand}.
 *
 * <p>Syntax errors, unknown functions, undeclared variables and argument type mismatches are
 * reported by {@link #compile}. Row columns are not known at compile time: a missing column is
 * reported when a row is evaluated.
 *
 * <p>Expressions made only of the common shapes (a column, a literal, string concatenation, {@code
 * string()}, a null check, a conditional, baton-sql's string functions; see {@link DirectCompiler})
 * are evaluated by plain Java code, with the CEL program behind it for anything else; results and
 * errors are the same either way. The system property {@value #DIRECT_PROPERTY} or the environment
 * variable {@value #DIRECT_ENV} set to {@code false} turns that off, so that every expression runs
 * on CEL alone (for diagnosis).
 */
public final class ExpressionCompiler {
  /** The system property that turns the direct evaluation off when {@code false}. */
  public static final String DIRECT_PROPERTY = "sqlfeed.cel.direct";

  /** The environment variable that turns the direct evaluation off when {@code false}. */
  public static final String DIRECT_ENV = "SQLFEED_CEL_DIRECT";

  private final CelCompiler compiler;
  private final CelRuntime runtime;
  private final boolean direct;

  private ExpressionCompiler(boolean direct) {
    this.compiler = BatonSqlLibrary.compiler();
    this.runtime = BatonSqlLibrary.runtime();
    this.direct = direct;
  }

  /** A compiler with the direct evaluation on or off, whatever the switch says; for tests. */
  static ExpressionCompiler withDirect(boolean direct) {
    return new ExpressionCompiler(direct);
  }

  /** The environment of baton-sql's mapping expressions; one shared instance. */
  public static ExpressionCompiler batonSql() {
    return Shared.INSTANCE;
  }

  /**
   * Compiles one expression.
   *
   * @throws InvalidExpressionException with the 1-based line and column inside {@code source}
   */
  public Expression compile(String source) {
    CelExpression cel = compileCel(source);
    if (!direct) {
      return cel;
    }
    return DirectCompiler.compile(cel.ast())
        .<Expression>map(root -> new DirectExpression(root, cel))
        .orElse(cel);
  }

  /** The expression on CEL alone, whatever the switch says: the reference for the direct path. */
  CelExpression compileCel(String source) {
    Objects.requireNonNull(source, "source");
    if (source.isBlank()) {
      throw new InvalidExpressionException(1, 1, "the expression is empty");
    }
    ColumnShorthand.Rewritten rewritten = ColumnShorthand.rewrite(source);
    SourcePositions positions = new SourcePositions(source, rewritten);
    CelValidationResult result = compiler.compile(rewritten.text());
    CelAbstractSyntaxTree ast;
    try {
      ast = result.getAst();
    } catch (CelValidationException e) {
      throw invalid(positions, e.getErrors().isEmpty() ? null : e.getErrors().get(0), e);
    }
    try {
      return new CelExpression(positions, ast, runtime.createProgram(ast));
    } catch (CelEvaluationException e) {
      throw new InvalidExpressionException(1, 1, e.getMessage());
    }
  }

  private static InvalidExpressionException invalid(
      SourcePositions positions, CelIssue issue, CelValidationException e) {
    if (issue == null) {
      return new InvalidExpressionException(1, 1, e.getMessage());
    }
    int index =
        positions.sourceIndexOfLocation(
            issue.getSourceLocation().getLine(), issue.getSourceLocation().getColumn());
    String reason = issue.getMessage();
    if (reason.startsWith("undeclared reference") || reason.startsWith("found no matching")) {
      index = functionNameBefore(positions.source(), index);
    }
    SourcePositions.LineColumn at = positions.lineColumn(index);
    return new InvalidExpressionException(at.line(), at.column(), reason);
  }

  /**
   * CEL places a call's errors at its opening parenthesis; point at the function's name instead,
   * which is what the user looks for.
   */
  private static int functionNameBefore(String source, int index) {
    if (index >= source.length() || source.charAt(index) != '(') {
      return index;
    }
    int end = index;
    while (end > 0 && Character.isWhitespace(source.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && Character.isJavaIdentifierPart(source.charAt(start - 1))) {
      start--;
    }
    return start < end ? start : index;
  }

  private static boolean directEnabled() {
    String setting = System.getProperty(DIRECT_PROPERTY, System.getenv(DIRECT_ENV));
    return setting == null || !setting.strip().equalsIgnoreCase("false");
  }

  private static final class Shared {
    static final ExpressionCompiler INSTANCE = new ExpressionCompiler(directEnabled());
  }
}
