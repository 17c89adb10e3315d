package dev.sqlfeed.domain.mapping;

import java.util.Map;

/**
 * One node of an expression compiled to plain Java by {@link DirectCompiler}. It returns exactly
 * the value CEL's runtime returns for the same node, or throws {@link Fallback#INSTANCE} whenever
 * the values at hand leave the subset it handles (a missing key, an unexpected type, anything that
 * CEL would answer with an error): the caller then evaluates the whole expression with CEL, so that
 * every error, and every result outside the subset, is CEL's own.
 */
@FunctionalInterface
interface DirectNode {
  Object eval(Map<String, Object> activation);

  /**
   * "Ask CEL": thrown, never caught by a node, and cheap because it is one shared instance without
   * a stack trace.
   */
  final class Fallback extends RuntimeException {
    static final Fallback INSTANCE = new Fallback();

    private static final long serialVersionUID = 1L;

    private Fallback() {
      super("evaluate with CEL", null, false, false);
    }
  }
}
