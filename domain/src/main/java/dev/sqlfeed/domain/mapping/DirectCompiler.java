package dev.sqlfeed.domain.mapping;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.values.NullValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Compiles a checked CEL syntax tree to {@link DirectNode}s when every node is in the subset that
 * mapping expressions mostly use: the declared variables, field selection and constant-key indexing
 * on maps ({@code cols.name}, {@code cols['name']}, {@code resource.ID}), {@code has()}, string,
 * int, double, bool and null constants, {@code +} on strings, {@code string()}, {@code ==} and
 * {@code !=}, {@code !}, {@code &&}, {@code ||}, {@code ?:}, and baton-sql's {@code toUpper},
 * {@code toLower}, {@code titleCase} and {@code slugify}. Anything else (comprehensions, lists,
 * maps, other functions, member calls) leaves the whole expression to CEL.
 */
final class DirectCompiler {
  private static final Map<String, UnaryOperator<String>> STRING_FUNCTIONS =
      Map.of(
          "toUpper", StringFunctions::toUpper,
          "toLower", StringFunctions::toLower,
          "titleCase", StringFunctions::titleCase,
          "slugify", StringFunctions::slugify);

  private DirectCompiler() {}

  static Optional<DirectNode> compile(CelAbstractSyntaxTree ast) {
    try {
      return Optional.of(node(ast.getExpr()));
    } catch (Unsupported e) {
      return Optional.empty();
    }
  }

  private static DirectNode node(CelExpr expr) {
    switch (expr.getKind()) {
      case CONSTANT:
        return DirectNodes.constant(constant(expr.constant()));
      case IDENT:
        String name = expr.ident().name();
        if (!BatonSqlLibrary.VARIABLES.contains(name)) {
          throw new Unsupported();
        }
        return DirectNodes.variable(name);
      case SELECT:
        DirectNode operand = node(expr.select().operand());
        String field = expr.select().field();
        return expr.select().testOnly()
            ? DirectNodes.has(operand, field)
            : DirectNodes.field(operand, field);
      case CALL:
        return call(expr.call());
      default:
        throw new Unsupported();
    }
  }

  private static DirectNode call(CelExpr.CelCall call) {
    if (call.target().isPresent()) {
      throw new Unsupported();
    }
    List<CelExpr> args = call.args();
    String function = call.function();
    if (args.size() == 1) {
      DirectNode operand = node(args.get(0));
      if (function.equals("!_")) {
        return DirectNodes.not(operand);
      }
      if (function.equals("string")) {
        return DirectNodes.string(operand);
      }
      UnaryOperator<String> stringFunction = STRING_FUNCTIONS.get(function);
      if (stringFunction != null) {
        return DirectNodes.stringFunction(stringFunction, operand);
      }
    } else if (args.size() == 2) {
      if (function.equals("_[_]") && isStringConstant(args.get(1))) {
        return DirectNodes.field(node(args.get(0)), args.get(1).constant().stringValue());
      }
      DirectNode left = node(args.get(0));
      DirectNode right = node(args.get(1));
      switch (function) {
        case "_[_]":
          return DirectNodes.index(left, right);
        case "_+_":
          return DirectNodes.concat(left, right);
        case "_==_":
          return DirectNodes.equality(left, right, false);
        case "_!=_":
          return DirectNodes.equality(left, right, true);
        case "_&&_":
          return DirectNodes.and(left, right);
        case "_||_":
          return DirectNodes.or(left, right);
        default:
          break;
      }
    } else if (args.size() == 3 && function.equals("_?_:_")) {
      return DirectNodes.conditional(node(args.get(0)), node(args.get(1)), node(args.get(2)));
    }
    throw new Unsupported();
  }

  private static Object constant(CelConstant constant) {
    switch (constant.getKind()) {
      case NULL_VALUE:
        return NullValue.NULL_VALUE;
      case BOOLEAN_VALUE:
        return constant.booleanValue();
      case INT64_VALUE:
        return constant.int64Value();
      case DOUBLE_VALUE:
        return constant.doubleValue();
      case STRING_VALUE:
        return constant.stringValue();
      default:
        throw new Unsupported();
    }
  }

  private static boolean isStringConstant(CelExpr expr) {
    return expr.getKind() == CelExpr.ExprKind.Kind.CONSTANT
        && expr.constant().getKind() == CelConstant.Kind.STRING_VALUE;
  }

  /** An expression outside the subset; caught once, at compile time. */
  private static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }
}
