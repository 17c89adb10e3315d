package dev.sqlfeed.worker.config;

import dev.sqlfeed.domain.config.CelCompiler;
import dev.sqlfeed.domain.config.LoadedConfig;
import dev.sqlfeed.domain.config.bind.BindResult;
import dev.sqlfeed.domain.config.bind.ConfigBinder;
import dev.sqlfeed.domain.config.bind.Problem;
import dev.sqlfeed.domain.config.tree.YamlNode;
import dev.sqlfeed.domain.error.ConfigException;
import dev.sqlfeed.domain.mapping.ExpressionCompiler;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a config file: YAML to tree, tree to {@link dev.sqlfeed.domain.config.Config}. Every
 * command loads its config through here, so they all accept and reject the same files.
 */
public final class ConfigLoader {
  private final YamlTreeReader reader = new YamlTreeReader();
  private final ConfigBinder binder;

  /**
   * @param env the environment {@code ${VAR}} references read (the process environment in
   *     production, a map in tests)
   * @param compiler compiles the CEL expressions
   */
  public ConfigLoader(Map<String, String> env, CelCompiler compiler) {
    this.binder = new ConfigBinder(env, compiler);
  }

  /** A loader with baton-sql's CEL environment. */
  public static ConfigLoader withEnvironment(Map<String, String> env) {
    ExpressionCompiler compiler = ExpressionCompiler.batonSql();
    return new ConfigLoader(env, compiler::compile);
  }

  /**
   * Loads a file.
   *
   * @throws ConfigException with every problem found, each {@code FILE:LINE:COL: path: message}
   */
  public LoadedConfig load(Path file) {
    return binder.load(reader.read(file));
  }

  /** Loads YAML text that {@code fileName} names in messages. */
  public LoadedConfig load(String fileName, String yaml) {
    return binder.load(reader.read(fileName, yaml));
  }

  /** Checks a file and reports every error and warning without throwing (for {@code validate}). */
  public ConfigCheck check(Path file) {
    YamlNode root;
    try {
      root = reader.read(file);
    } catch (ConfigException e) {
      return new ConfigCheck(Optional.empty(), e.problems(), List.of());
    }
    BindResult result = binder.bind(root);
    return new ConfigCheck(
        result.config(),
        result.errors().stream().map(Problem::format).toList(),
        result.warnings().stream().map(Problem::format).toList());
  }
}
