package dev.sqlfeed.domain.mapping;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The row columns an expression cannot do without: every {@code cols.name}, {@code cols['name']}
 * and shorthand {@code .name} in its checked syntax tree, so that {@code validate --connect} can
 * compare them with the columns a query really returns.
 *
 * <p>Left out, because a row without the column is then not an error:
 *
 * <ul>
 *   <li>columns the expression only tests for, with {@code has(cols.name)} or {@code 'name' in
 *       cols} anywhere in it (a guard such as {@code has(cols.x) ? cols.x : ''});
 *   <li>names that are not constants ({@code cols[.kind]});
 *   <li>reads of a comprehension variable that happens to be called {@code cols};
 *   <li>everything that is not the row: {@code resource.ID} and the other variables.
 * </ul>
 */
public final class ColumnReferences {
  private ColumnReferences() {}

  /**
   * The required columns of an expression, each once (at its first use), in the order of the text.
   * An expression that does not compile has none: the config's own validation reports it.
   */
  public static List<ColumnReference> required(String source) {
    Objects.requireNonNull(source, "source");
    if (source.isBlank()) {
      return List.of();
    }
    ColumnShorthand.Rewritten rewritten = ColumnShorthand.rewrite(source);
    CelAbstractSyntaxTree ast;
    try {
      ast = BatonSqlLibrary.compiler().compile(rewritten.text()).getAst();
    } catch (CelValidationException e) {
      return List.of();
    }
    Walk walk = new Walk(ast, new SourcePositions(source, rewritten));
    walk.visit(ast.getExpr(), true);
    List<ColumnReference> out = new ArrayList<>();
    walk.read.forEach(
        (name, at) -> {
          if (!walk.tested.contains(name)) {
            out.add(at);
          }
        });
    out.sort((a, b) -> a.line() != b.line() ? a.line() - b.line() : a.column() - b.column());
    return List.copyOf(out);
  }

  /** One pass over a syntax tree, knowing whether {@code cols} is still the row. */
  private static final class Walk {
    private final CelAbstractSyntaxTree ast;
    private final SourcePositions positions;
    private final Map<String, ColumnReference> read = new LinkedHashMap<>();
    private final Set<String> tested = new TreeSet<>();

    Walk(CelAbstractSyntaxTree ast, SourcePositions positions) {
      this.ast = ast;
      this.positions = positions;
    }

    void visit(CelExpr expr, boolean colsIsRow) {
      switch (expr.getKind()) {
        case SELECT -> select(expr, colsIsRow);
        case CALL -> call(expr, colsIsRow);
        case LIST -> expr.list().elements().forEach(e -> visit(e, colsIsRow));
        case MAP ->
            expr.map()
                .entries()
                .forEach(
                    e -> {
                      visit(e.key(), colsIsRow);
                      visit(e.value(), colsIsRow);
                    });
        case STRUCT -> expr.struct().entries().forEach(e -> visit(e.value(), colsIsRow));
        case COMPREHENSION -> comprehension(expr.comprehension(), colsIsRow);
        default -> {
          // Constants and identifiers read no column by themselves.
        }
      }
    }

    private void select(CelExpr expr, boolean colsIsRow) {
      CelExpr.CelSelect select = expr.select();
      if (colsIsRow && isCols(select.operand())) {
        if (select.testOnly()) {
          tested.add(select.field());
        } else {
          reference(select.field(), select.operand());
        }
        return;
      }
      visit(select.operand(), colsIsRow);
    }

    private void call(CelExpr expr, boolean colsIsRow) {
      CelExpr.CelCall call = expr.call();
      List<CelExpr> args = call.args();
      if (colsIsRow && args.size() == 2) {
        if (call.function().equals("_[_]") && isCols(args.get(0)) && isString(args.get(1))) {
          reference(args.get(1).constant().stringValue(), args.get(0));
          return;
        }
        if (call.function().equals("@in") && isString(args.get(0)) && isCols(args.get(1))) {
          tested.add(args.get(0).constant().stringValue());
          return;
        }
      }
      call.target().ifPresent(t -> visit(t, colsIsRow));
      args.forEach(a -> visit(a, colsIsRow));
    }

    private void comprehension(CelExpr.CelComprehension c, boolean colsIsRow) {
      visit(c.iterRange(), colsIsRow);
      visit(c.accuInit(), colsIsRow);
      // Inside the loop, a variable named cols hides the row.
      boolean inner =
          colsIsRow
              && !Activation.COLS.equals(c.iterVar())
              && !Activation.COLS.equals(c.iterVar2())
              && !Activation.COLS.equals(c.accuVar());
      visit(c.loopCondition(), inner);
      visit(c.loopStep(), inner);
      visit(c.result(), inner);
    }

    private void reference(String name, CelExpr at) {
      if (read.containsKey(name)) {
        return;
      }
      int offset = ast.getSource().getPositionsMap().getOrDefault(at.id(), 0);
      SourcePositions.LineColumn lc = positions.lineColumn(positions.sourceIndexOfOffset(offset));
      read.put(name, new ColumnReference(name, lc.line(), lc.column()));
    }

    private static boolean isCols(CelExpr expr) {
      return expr.getKind() == CelExpr.ExprKind.Kind.IDENT
          && expr.ident().name().equals(Activation.COLS);
    }

    private static boolean isString(CelExpr expr) {
      return expr.getKind() == CelExpr.ExprKind.Kind.CONSTANT
          && expr.constant().getKind() == CelConstant.Kind.STRING_VALUE;
    }
  }
}
