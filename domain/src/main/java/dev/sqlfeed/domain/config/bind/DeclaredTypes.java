package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.tree.Location;
import dev.sqlfeed.domain.config.tree.MappingNode;
import dev.sqlfeed.domain.config.tree.ScalarNode;
import dev.sqlfeed.domain.config.tree.SequenceNode;
import dev.sqlfeed.domain.config.tree.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the event-feed checks need to know of {@code resource_types}, read from the tree: which
 * types exist, which have a {@code get} query, and which of their queries have {@code
 * incremental_sync}. Read from the tree rather than from the bound types so that {@code
 * ConfigBinder} keeps its shape, and so that a type which failed to bind (its errors are reported
 * already) still counts as declared. Malformed parts are skipped silently for the same reason.
 */
final class DeclaredTypes {
  private static final Set<String> TRUE = Set.of("true", "y", "yes", "on");

  /** One resource type as declared. */
  record Type(
      String id,
      Location at,
      boolean hasGet,
      boolean incremental,
      boolean skipsGrants,
      List<Grants> grants) {}

  /** One entry of a type's {@code grants}. */
  record Grants(int index, Location at, boolean incremental) {}

  private final Map<String, Type> types;

  private DeclaredTypes(Map<String, Type> types) {
    this.types = types;
  }

  static DeclaredTypes of(Section top) {
    Map<String, Type> out = new LinkedHashMap<>();
    if (top.node.get("resource_types").orElse(null) instanceof MappingNode rts) {
      for (MappingNode.Entry e : rts.entries()) {
        if (e.value() instanceof MappingNode rt) {
          out.put(e.key(), type(e.key(), e.keyLocation(), rt));
        }
      }
    }
    return new DeclaredTypes(out);
  }

  private static Type type(String id, Location at, MappingNode rt) {
    List<Grants> grants = new ArrayList<>();
    if (rt.get("grants").orElse(null) instanceof SequenceNode seq) {
      for (int i = 0; i < seq.items().size(); i++) {
        YamlNode item = seq.items().get(i);
        boolean incremental = item instanceof MappingNode g && present(g, "incremental_sync");
        grants.add(new Grants(i, item.location(), incremental));
      }
    }
    boolean skips =
        rt.get("skip_entitlements_and_grants").orElse(null) instanceof ScalarNode s
            && TRUE.contains(s.text().toLowerCase(Locale.ROOT));
    return new Type(
        id, at, present(rt, "get"), present(rt, "incremental_sync"), skips, List.copyOf(grants));
  }

  private static boolean present(MappingNode node, String key) {
    return node.get(key).filter(v -> !(v instanceof ScalarNode s && s.isNull())).isPresent();
  }

  Optional<Type> get(String id) {
    return Optional.ofNullable(types.get(id));
  }

  List<Type> all() {
    return List.copyOf(types.values());
  }

  Set<String> ids() {
    return types.keySet();
  }

  /** Whether any resource type or grants query has its own {@code incremental_sync}. */
  boolean anyIncremental() {
    return types.values().stream()
        .anyMatch(t -> t.incremental() || t.grants().stream().anyMatch(Grants::incremental));
  }
}
