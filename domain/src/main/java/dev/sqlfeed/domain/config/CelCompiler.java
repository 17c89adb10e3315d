package dev.sqlfeed.domain.config;

import dev.sqlfeed.domain.mapping.Expression;

/**
 * Compiles the config's CEL expressions. In production this is {@code
 * ExpressionCompiler.batonSql()::compile}; tests may pass their own.
 */
@FunctionalInterface
public interface CelCompiler {
  /**
   * Compiles one expression.
   *
   * @throws dev.sqlfeed.domain.mapping.InvalidExpressionException with a 1-based position inside
   *     {@code source}
   */
  Expression compile(String source);
}
