package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.tree.MappingNode;
import dev.sqlfeed.domain.config.tree.ScalarNode;
import dev.sqlfeed.domain.config.tree.SequenceNode;
import dev.sqlfeed.domain.config.tree.YamlNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Free-form values (an action argument's {@code default}, annotation metadata) as plain Java:
 * String, Boolean, Long, Double, List and Map, following YAML's core schema for unquoted scalars.
 */
final class PlainValues {
  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

  private PlainValues() {}

  static Optional<Object> of(YamlNode node) {
    if (node instanceof ScalarNode s) {
      if (s.isNull()) {
        return Optional.empty();
      }
      if (s.quoted() || s.style() != ScalarNode.Style.PLAIN) {
        return Optional.of(s.text());
      }
      String t = s.text();
      if (t.equals("true") || t.equals("True") || t.equals("TRUE")) {
        return Optional.of(Boolean.TRUE);
      }
      if (t.equals("false") || t.equals("False") || t.equals("FALSE")) {
        return Optional.of(Boolean.FALSE);
      }
      if (INT.matcher(t).matches()) {
        try {
          return Optional.of(Long.parseLong(t));
        } catch (NumberFormatException e) {
          return Optional.of(t);
        }
      }
      if (FLOAT.matcher(t).matches()) {
        return Optional.of(Double.parseDouble(t));
      }
      return Optional.of(t);
    }
    if (node instanceof SequenceNode seq) {
      return Optional.of(seq.items().stream().map(i -> of(i).orElse("")).toList());
    }
    MappingNode m = (MappingNode) node;
    Map<String, Object> out = new LinkedHashMap<>();
    for (MappingNode.Entry e : m.entries()) {
      out.put(e.key(), of(e.value()).orElse(""));
    }
    return Optional.of(out);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> mapping(Section s, String key) {
    Optional<YamlNode> v = s.value(key);
    if (v.isEmpty()) {
      return Map.of();
    }
    if (!(v.get() instanceof MappingNode)) {
      s.binding.error(
          v.get().location(), s.pathOf(key), "expected a mapping, found " + v.get().describe());
      return Map.of();
    }
    return (Map<String, Object>) of(v.get()).orElseThrow();
  }
}
