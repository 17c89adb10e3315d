package dev.sqlfeed.worker.config;

import dev.sqlfeed.domain.config.CelCompiler;
import dev.sqlfeed.domain.config.resource.ResourceIncrementalSync;
import dev.sqlfeed.domain.mapping.Expression;
import dev.sqlfeed.domain.mapping.InvalidExpressionException;
import java.util.Map;

/** Loaders and YAML snippets shared by the config tests. */
final class TestConfigs {
  /** The smallest config that loads; tests add to or change it. */
  static final String MINIMAL =
      """
      app_name: Demo
      connect:
        dsn: "sqlite:demo.db"
      resource_types:
        user:
          name: User
          list:
            query: SELECT id, login FROM users
            map:
              id: ".id"
              display_name: ".login"
      """;

  private TestConfigs() {}

  /**
   * A loader whose CEL compiler accepts anything except text containing {@code @@}: for tests of
   * everything but CEL, so that they do not depend on the CEL environment.
   */
  static ConfigLoader loader(Map<String, String> env) {
    CelCompiler lenient =
        source -> {
          int at = source.indexOf("@@");
          if (at >= 0) {
            throw new InvalidExpressionException(1, at + 1, "test compiler rejects '@@'");
          }
          return new StubExpression(source);
        };
    return new ConfigLoader(env, lenient);
  }

  static ConfigLoader loader() {
    return loader(Map.of());
  }

  /** A loader with baton-sql's real CEL environment. */
  static ConfigLoader celLoader() {
    return ConfigLoader.withEnvironment(Map.of());
  }

  /** The {@code incremental_sync} of resource type {@code user}, loaded by {@link #celLoader()}. */
  static ResourceIncrementalSync userIncrementalSync(String yaml) {
    return celLoader()
        .load("c.yml", yaml)
        .config()
        .resourceTypes()
        .get("user")
        .incrementalSync()
        .orElseThrow();
  }

  private record StubExpression(String source) implements Expression {
    @Override
    public Object evaluate(Map<String, Object> activation) {
      throw new UnsupportedOperationException("stub");
    }

    @Override
    public String evaluateString(Map<String, Object> activation) {
      throw new UnsupportedOperationException("stub");
    }

    @Override
    public boolean evaluateBoolean(Map<String, Object> activation) {
      throw new UnsupportedOperationException("stub");
    }
  }
}
