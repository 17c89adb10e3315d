package dev.sqlfeed.domain.mapping;

import dev.cel.common.values.NullValue;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The kinds of {@link DirectNode}. Each one only handles values whose CEL result is certain (the
 * scalars a normalised row holds: string, int, double, bool, null) and falls back otherwise.
 */
final class DirectNodes {
  private DirectNodes() {}

  static DirectNode constant(Object value) {
    return activation -> value;
  }

  /**
   * A declared variable. {@code cols} is an empty map when it is not set, as {@link CelExpression}
   * supplies it; any other variable that is not set is CEL's error to report.
   */
  static DirectNode variable(String name) {
    if (name.equals(Activation.COLS)) {
      return activation -> {
        Object value = activation.get(name);
        return value == null ? Map.of() : value;
      };
    }
    return activation -> {
      Object value = activation.get(name);
      if (value == null) {
        throw DirectNode.Fallback.INSTANCE;
      }
      return value;
    };
  }

  /** {@code m.key} or {@code m['key']} on a map: the value when present and a scalar. */
  static DirectNode field(DirectNode operand, String key) {
    return activation -> {
      if (operand.eval(activation) instanceof Map<?, ?> map) {
        Object value = map.get(key);
        if (isScalar(value)) {
          return value;
        }
      }
      throw DirectNode.Fallback.INSTANCE;
    };
  }

  /** {@code m[k]} with a key that is computed. */
  static DirectNode index(DirectNode operand, DirectNode key) {
    return activation -> {
      if (operand.eval(activation) instanceof Map<?, ?> map
          && key.eval(activation) instanceof String name) {
        Object value = map.get(name);
        if (isScalar(value)) {
          return value;
        }
      }
      throw DirectNode.Fallback.INSTANCE;
    };
  }

  /** {@code has(m.key)}: whether the map has the key, whatever its value (null included). */
  static DirectNode has(DirectNode operand, String key) {
    return activation -> {
      if (operand.eval(activation) instanceof Map<?, ?> map) {
        return map.containsKey(key);
      }
      throw DirectNode.Fallback.INSTANCE;
    };
  }

  /** {@code a + b} on two strings. */
  static DirectNode concat(DirectNode left, DirectNode right) {
    return activation -> {
      if (left.eval(activation) instanceof String a && right.eval(activation) instanceof String b) {
        return a.concat(b);
      }
      throw DirectNode.Fallback.INSTANCE;
    };
  }

  /**
   * {@code a == b}, or its negation: null against anything, or two values of the same type among
   * string, int, double and bool. Mixed numeric types are CEL's to compare.
   */
  static DirectNode equality(DirectNode left, DirectNode right, boolean negate) {
    return activation -> {
      Object a = left.eval(activation);
      Object b = right.eval(activation);
      boolean equal;
      if (a instanceof NullValue || b instanceof NullValue) {
        equal = a instanceof NullValue && b instanceof NullValue;
      } else if (a instanceof Double x && b instanceof Double y) {
        equal = x.doubleValue() == y.doubleValue();
      } else if ((a instanceof String || a instanceof Long || a instanceof Boolean)
          && a.getClass() == b.getClass()) {
        equal = a.equals(b);
      } else {
        throw DirectNode.Fallback.INSTANCE;
      }
      return equal != negate;
    };
  }

  static DirectNode not(DirectNode operand) {
    return activation -> !bool(operand.eval(activation));
  }

  /**
   * {@code a && b}; a false left side decides without the right, as in CEL. An error on either
   * side, which CEL may absorb, falls back.
   */
  static DirectNode and(DirectNode left, DirectNode right) {
    return activation -> bool(left.eval(activation)) && bool(right.eval(activation));
  }

  static DirectNode or(DirectNode left, DirectNode right) {
    return activation -> bool(left.eval(activation)) || bool(right.eval(activation));
  }

  static DirectNode conditional(DirectNode test, DirectNode then, DirectNode otherwise) {
    return activation ->
        bool(test.eval(activation)) ? then.eval(activation) : otherwise.eval(activation);
  }

  /**
   * {@code string(x)} of a string, an int or a bool, whose text CEL defines plainly; doubles,
   * timestamps and the rest are left to CEL.
   */
  static DirectNode string(DirectNode operand) {
    return activation -> {
      Object value = operand.eval(activation);
      if (value instanceof String || value instanceof Long || value instanceof Boolean) {
        return value.toString();
      }
      throw DirectNode.Fallback.INSTANCE;
    };
  }

  /** One of baton-sql's string to string functions. */
  static DirectNode stringFunction(UnaryOperator<String> function, DirectNode operand) {
    return activation -> {
      if (operand.eval(activation) instanceof String s) {
        return function.apply(s);
      }
      throw DirectNode.Fallback.INSTANCE;
    };
  }

  private static boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    throw DirectNode.Fallback.INSTANCE;
  }

  private static boolean isScalar(Object value) {
    return value instanceof String
        || value instanceof Long
        || value instanceof Double
        || value instanceof Boolean
        || value instanceof NullValue;
  }
}
