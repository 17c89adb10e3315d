package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.tree.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * References to resource types by id ({@code grantable_to}, {@code principal_type}). baton-sql does
 * not check them, so an unknown one is a warning, with a hint when an id is close.
 */
final class References {
  private References() {}

  static List<String> resourceTypes(Section s, String key) {
    List<String> out = new ArrayList<>();
    for (ScalarNode n : s.scalars(key)) {
      out.add(n.text());
      check(s, n, s.pathOf(key));
    }
    return out;
  }

  static void check(Section s, ScalarNode n, String path) {
    Set<String> ids = s.binding.resourceTypeIds();
    if (ids.isEmpty() || ids.contains(n.text())) {
      return;
    }
    String hint =
        KeyHints.closest(n.text(), ids).map(k -> " (did you mean '" + k + "'?)").orElse("");
    s.binding.warn(
        n.location(), path, "'" + n.text() + "' is not a resource type of this config" + hint);
  }
}
