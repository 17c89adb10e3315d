package dev.sqlfeed.domain.mapping;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypes;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelUnknownSet;
import dev.sqlfeed.domain.error.MappingException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A compiled expression: one CEL program, shared by all threads. */
final class CelExpression implements Expression {
  private static final Pattern EVALUATION_OFFSET =
      Pattern.compile("^evaluation error at <input>:(\\d+):");

  private final SourcePositions positions;
  private final CelAbstractSyntaxTree ast;
  private final CelRuntime.Program program;
  // Columns read with a constant name, to explain a failure caused by a missing one.
  private final List<String> columns;
  // Declared variables other than cols that the expression reads; checked before each evaluation,
  // because the standard runtime answers "unknown" instead of failing when one is not set.
  private final List<String> variables;

  CelExpression(SourcePositions positions, CelAbstractSyntaxTree ast, CelRuntime.Program program) {
    this.positions = positions;
    this.ast = ast;
    this.program = program;
    Set<String> columnNames = new LinkedHashSet<>();
    Set<String> variableNames = new LinkedHashSet<>();
    CelNavigableAst.fromAst(ast)
        .getRoot()
        .allNodes()
        .forEach(node -> collect(node.expr(), columnNames, variableNames));
    this.columns = List.copyOf(columnNames);
    this.variables = List.copyOf(variableNames);
  }

  @Override
  public String source() {
    return positions.source();
  }

  @Override
  public Object evaluate(Map<String, Object> activation) {
    return CelResults.toJava(run(activation));
  }

  @Override
  public String evaluateString(Map<String, Object> activation) {
    Object result = run(activation);
    try {
      return CelResults.text(result);
    } catch (IllegalArgumentException e) {
      throw failure(e.getMessage(), null);
    }
  }

  @Override
  public boolean evaluateBoolean(Map<String, Object> activation) {
    Object result = run(activation);
    try {
      return CelResults.truth(result);
    } catch (IllegalArgumentException e) {
      throw failure(e.getMessage(), null);
    }
  }

  @Override
  public String toString() {
    return source();
  }

  /** The checked syntax tree, which {@link DirectCompiler} compiles. */
  CelAbstractSyntaxTree ast() {
    return ast;
  }

  @Override
  public Optional<String> nonBooleanType() {
    CelType type = ast.getResultType();
    return switch (type.kind()) {
      case BOOL, DYN, ANY, TYPE_PARAM, ERROR, UNSPECIFIED -> Optional.empty();
      default -> Optional.of(CelTypes.format(type));
    };
  }

  /** The declared variables other than {@code cols} that the expression reads. */
  List<String> variables() {
    return variables;
  }

  private Object run(Map<String, Object> activation) {
    for (String variable : variables) {
      if (!activation.containsKey(variable)) {
        throw failure(notSet(variable), null);
      }
    }
    Object result;
    try {
      result = program.eval(name -> lookup(activation, name));
    } catch (CelEvaluationException e) {
      throw translate(e, activation);
    }
    if (result instanceof CelUnknownSet) {
      throw failure("the expression reads a variable that is not set here", null);
    }
    return result;
  }

  private static Optional<Object> lookup(Map<String, Object> activation, String name) {
    Object value = activation.get(name);
    if (value == null && name.equals(Activation.COLS)) {
      // baton-sql always supplies cols, empty when there is no row.
      return Optional.of(Map.of());
    }
    return Optional.ofNullable(value);
  }

  private MappingException translate(CelEvaluationException e, Map<String, Object> activation) {
    String message = String.valueOf(e.getMessage());
    if (activation.get(Activation.COLS) instanceof Map<?, ?> row) {
      for (String column : columns) {
        if (!row.containsKey(column)
            && (message.endsWith(": " + column)
                || message.contains("key '" + column + "' is not present"))) {
          return failure(missingColumn(column, row.keySet()), e);
        }
      }
    }
    Matcher offset = EVALUATION_OFFSET.matcher(message);
    if (offset.find()) {
      int index = positions.sourceIndexOfOffset(Integer.parseInt(offset.group(1)));
      message =
          "evaluation error at "
              + positions.lineColumn(index)
              + ":"
              + message.substring(offset.end());
    }
    return failure(message, e);
  }

  private MappingException failure(String detail, Throwable cause) {
    return new MappingException("expression '" + source() + "': " + detail, cause);
  }

  private static String missingColumn(String column, Set<?> present) {
    String hint = "";
    for (Object name : present) {
      if (name instanceof String s && s.equalsIgnoreCase(column)) {
        hint = "; did you mean '" + s + "'? (column labels are case-sensitive)";
      }
    }
    return "the row has no column '" + column + "' (columns: " + present + ")" + hint;
  }

  private static String notSet(String variable) {
    if (variable.equals(Activation.RESOURCE)) {
      return "'resource' is not set here: it exists only in entitlement and grant mappings and"
          + " in an entitlement's provisioning vars";
    }
    if (variable.equals(Activation.PRINCIPAL) || variable.equals(Activation.ENTITLEMENT)) {
      return "'"
          + variable
          + "' is not set here: it exists only in an entitlement's provisioning vars (sqlfeed"
          + " grant and revoke)";
    }
    return "'"
        + variable
        + "' is not set here: baton-sql sets it only for account provisioning and actions,"
        + " which sqlfeed does not run";
  }

  private static void collect(CelExpr expr, Set<String> columns, Set<String> variables) {
    switch (expr.getKind()) {
      case IDENT:
        String name = expr.ident().name();
        if (BatonSqlLibrary.VARIABLES.contains(name) && !name.equals(Activation.COLS)) {
          variables.add(name);
        }
        break;
      case SELECT:
        if (isCols(expr.select().operand())) {
          columns.add(expr.select().field());
        }
        break;
      case CALL:
        List<CelExpr> args = expr.call().args();
        if (expr.call().function().equals("_[_]")
            && args.size() == 2
            && isCols(args.get(0))
            && args.get(1).getKind() == CelExpr.ExprKind.Kind.CONSTANT
            && args.get(1).constant().getKind() == CelConstant.Kind.STRING_VALUE) {
          columns.add(args.get(1).constant().stringValue());
        }
        break;
      default:
        break;
    }
  }

  private static boolean isCols(CelExpr expr) {
    return expr.getKind() == CelExpr.ExprKind.Kind.IDENT
        && expr.ident().name().equals(Activation.COLS);
  }
}
