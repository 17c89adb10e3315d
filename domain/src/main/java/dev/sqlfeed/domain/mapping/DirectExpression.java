package dev.sqlfeed.domain.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An expression evaluated by its {@link DirectNode}s, with its CEL program behind it for every row
 * the nodes do not handle. The nodes return only what CEL would return, so results are CEL's; every
 * error, and every conversion of the result that fails, is produced by the CEL program, so errors
 * are CEL's too, word for word.
 */
final class DirectExpression implements Expression {
  private final DirectNode root;
  private final CelExpression cel;
  private final List<String> variables;

  DirectExpression(DirectNode root, CelExpression cel) {
    this.root = root;
    this.cel = cel;
    this.variables = cel.variables();
  }

  @Override
  public String source() {
    return cel.source();
  }

  @Override
  public Optional<String> nonBooleanType() {
    return cel.nonBooleanType();
  }

  @Override
  public Object evaluate(Map<String, Object> activation) {
    Object result = run(activation);
    return result == null ? cel.evaluate(activation) : CelResults.toJava(result);
  }

  @Override
  public String evaluateString(Map<String, Object> activation) {
    // Every value a node returns is a scalar that CelResults.text accepts.
    Object result = run(activation);
    return result == null ? cel.evaluateString(activation) : CelResults.text(result);
  }

  @Override
  public boolean evaluateBoolean(Map<String, Object> activation) {
    Object result = run(activation);
    if (result instanceof Boolean b) {
      return b;
    }
    if (result instanceof Long l) {
      return l != 0;
    }
    // Strings and nulls: parsing and its error message are the CEL path's.
    return cel.evaluateBoolean(activation);
  }

  @Override
  public String toString() {
    return source();
  }

  /** The nodes' result, or null when CEL must evaluate. */
  private Object run(Map<String, Object> activation) {
    // CEL fails on an unset variable even in a branch it does not take; so does the CEL path.
    for (String variable : variables) {
      if (!activation.containsKey(variable)) {
        return null;
      }
    }
    try {
      return root.eval(activation);
    } catch (DirectNode.Fallback e) {
      return null;
    }
  }
}
