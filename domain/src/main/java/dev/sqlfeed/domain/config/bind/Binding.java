package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.CelCompiler;
import dev.sqlfeed.domain.config.tree.Location;
import dev.sqlfeed.domain.config.tree.ScalarNode;
import dev.sqlfeed.domain.mapping.InvalidExpressionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state of one binding run: the environment, the CEL compiler and the problems found so far.
 * Section binders record problems here and carry on, so that one run reports everything.
 *
 * <p>A binder that finds an error anywhere in its subtree returns an empty result; {@link
 * #build(int, Supplier)} makes that a one-liner.
 */
final class Binding {
  private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

  private final Map<String, String> env;
  private final CelCompiler compiler;
  private final List<Problem> errors = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();
  private Set<String> resourceTypeIds = Set.of();

  Binding(Map<String, String> env, CelCompiler compiler) {
    this.env = env;
    this.compiler = compiler;
  }

  /** The ids under {@code resource_types}, for checks of references to them. */
  Set<String> resourceTypeIds() {
    return resourceTypeIds;
  }

  void resourceTypeIds(Set<String> ids) {
    this.resourceTypeIds = Set.copyOf(ids);
  }

  void error(Location location, String path, String message) {
    errors.add(new Problem(location, path, message));
  }

  void warn(Location location, String path, String message) {
    warnings.add(new Problem(location, path, message));
  }

  List<Problem> errors() {
    return errors;
  }

  List<Problem> warnings() {
    return warnings;
  }

  /** A mark to pass to {@link #build(int, Supplier)}. */
  int mark() {
    return errors.size();
  }

  /** The value, unless an error was recorded since {@code mark}. */
  <T> Optional<T> build(int mark, Supplier<T> value) {
    return errors.size() > mark ? Optional.empty() : Optional.of(value.get());
  }

  /** Compiles a scalar as CEL; on failure records the error at the expression's own position. */
  Optional<Cel> compile(ScalarNode node, String path) {
    try {
      return Optional.of(new Cel(compiler.compile(node.text()), path));
    } catch (InvalidExpressionException e) {
      error(node.locate(e.line(), e.column()), path, "invalid CEL expression: " + e.reason());
      return Optional.empty();
    }
  }

  /** Whether a text compiles as CEL, without recording anything. */
  boolean compiles(String source) {
    try {
      compiler.compile(source);
      return true;
    } catch (InvalidExpressionException e) {
      return false;
    }
  }

  /** An environment variable's value, or null when it is not set. */
  String env(String name) {
    return env.get(name);
  }

  /**
   * Expands {@code ${VAR}} references from the environment, as baton-sql does for connection
   * settings. An unset variable is an error that names it; the value never appears in a message.
   */
  String expand(ScalarNode node, String path) {
    String text = node.text();
    Matcher m = ENV_REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = env.get(m.group(1));
      if (value == null) {
        error(
            node.locateOffset(m.start()),
            path,
            "environment variable " + m.group(1) + " is not set");
        value = "";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
