package dev.sqlfeed.domain.config.tree;

import java.util.Objects;

/**
 * Finds nodes by the YAML paths that messages print ({@code resource_types.user.list.map.id},
 * {@code resource_types.team.grants[0].map[1].principal_id}), so that a finding about a bound
 * config, which keeps paths but no positions, can still point at a line and column; and builds
 * them.
 */
public final class YamlPaths {
  private YamlPaths() {}

  /** The path of {@code key} under {@code path}: dotted keys. */
  public static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The path of item {@code index} of the list at {@code path}: {@code path[0]}. */
  public static String index(String path, int index) {
    return path + "[" + index + "]";
  }

  /**
   * The node at {@code path}, or, when the path leads nowhere (a key the file does not have), the
   * deepest node on the way to it; the root for the empty path.
   */
  public static YamlNode nearest(YamlNode root, String path) {
    return walk(root, path).node();
  }

  /**
   * Where a 1-based line and column inside the value at {@code path} are in the file: exact for a
   * scalar found at the path; otherwise where the nearest node starts.
   */
  public static Location locate(YamlNode root, String path, int line, int column) {
    Step reached = walk(root, path);
    if (reached.rest().isEmpty() && reached.node() instanceof ScalarNode scalar) {
      return scalar.locate(line, column);
    }
    return reached.node().location();
  }

  /** Where the value at {@code path} starts, or the nearest node on the way to it. */
  public static Location locate(YamlNode root, String path) {
    return nearest(root, path).location();
  }

  /** As far down the path as the tree goes, and what is left of the path there. */
  private static Step walk(YamlNode root, String path) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(path, "path");
    Step at = new Step(root, path);
    while (!at.rest().isEmpty()) {
      Step next = step(at.node(), at.rest());
      if (next == null) {
        return at;
      }
      at = next;
    }
    return at;
  }

  private record Step(YamlNode node, String rest) {}

  /**
   * One step down. Keys may themselves contain dots, so the longest key that the path continues
   * from wins.
   */
  private static Step step(YamlNode node, String rest) {
    if (node instanceof MappingNode mapping) {
      MappingNode.Entry best = null;
      for (MappingNode.Entry e : mapping.entries()) {
        String k = e.key();
        boolean continues = rest.equals(k) || rest.startsWith(k + ".") || rest.startsWith(k + "[");
        if (continues && (best == null || k.length() > best.key().length())) {
          best = e;
        }
      }
      return best == null ? null : new Step(best.value(), after(rest, best.key().length()));
    }
    if (node instanceof SequenceNode sequence && rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close < 0) {
        return null;
      }
      int index;
      try {
        index = Integer.parseInt(rest.substring(1, close));
      } catch (NumberFormatException e) {
        return null;
      }
      if (index < 0 || index >= sequence.items().size()) {
        return null;
      }
      return new Step(sequence.items().get(index), after(rest, close + 1));
    }
    return null;
  }

  private static String after(String rest, int consumed) {
    String tail = rest.substring(consumed);
    return tail.startsWith(".") ? tail.substring(1) : tail;
  }
}
