package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.GoDuration;
import dev.sqlfeed.domain.config.tree.Location;
import dev.sqlfeed.domain.config.tree.MappingNode;
import dev.sqlfeed.domain.config.tree.ScalarNode;
import dev.sqlfeed.domain.config.tree.SequenceNode;
import dev.sqlfeed.domain.config.tree.YamlNode;
import dev.sqlfeed.domain.config.tree.YamlPaths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A mapping of the config being bound, with its YAML path and the keys it may have. Reading a key
 * checks its type and records a problem (and yields nothing) when it is wrong, the way baton-sql's
 * YAML decoder would refuse it: strings take any scalar, booleans take YAML's true/false words and
 * YAML 1.1's yes/no/on/off, integers take plain numbers.
 */
final class Section {
  private static final Pattern INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9_]*|0x[0-9a-fA-F_]+)");

  final Binding binding;
  final MappingNode node;
  final String path;

  /**
   * Where problems with the mapping as a whole are reported: the key that introduced it (so that
   * "missing required key" points at {@code list:} rather than at the list's first key).
   */
  final Location at;

  private Section(Binding binding, MappingNode node, String path, Location at) {
    this.binding = binding;
    this.node = node;
    this.path = path;
    this.at = at;
  }

  /**
   * The mapping at {@code path}, its keys checked against {@code keys}. An unknown key is an error
   * with a hint when a known key is close; a key in {@code ignored} (one baton-sql ignores and its
   * own examples carry) is a warning.
   */
  static Optional<Section> of(Binding binding, YamlNode node, String path, KeySet keys) {
    return of(binding, node, path, keys, node.location());
  }

  /**
   * Like {@link #of(Binding, YamlNode, String, KeySet)}, reporting whole-mapping problems at {@code
   * at}.
   */
  static Optional<Section> of(
      Binding binding, YamlNode node, String path, KeySet keys, Location at) {
    if (!(node instanceof MappingNode mapping)) {
      binding.error(node.location(), path, "expected a mapping, found " + node.describe());
      return Optional.empty();
    }
    for (MappingNode.Entry e : mapping.entries()) {
      if (keys.allowed().contains(e.key())) {
        continue;
      }
      String keyPath = YamlPaths.child(path, e.key());
      String ignored = keys.ignored().get(e.key());
      if (ignored != null) {
        binding.warn(e.keyLocation(), keyPath, ignored);
        continue;
      }
      String hint =
          KeyHints.closest(e.key(), keys.allowed())
              .map(k -> " (did you mean '" + k + "'?)")
              .orElse(" (allowed here: " + KeyHints.quotedList(keys.allowed()) + ")");
      binding.error(e.keyLocation(), keyPath, "unknown key '" + e.key() + "'" + hint);
    }
    return Optional.of(new Section(binding, mapping, path, at));
  }

  String pathOf(String key) {
    return YamlPaths.child(path, key);
  }

  /** The value under {@code key}, unless absent or null. */
  Optional<YamlNode> value(String key) {
    return node.get(key).filter(v -> !(v instanceof ScalarNode s && s.isNull()));
  }

  boolean has(String key) {
    return value(key).isPresent();
  }

  /** The scalar under {@code key}; another kind of node is an error. */
  Optional<ScalarNode> scalar(String key) {
    Optional<YamlNode> v = value(key);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (v.get() instanceof ScalarNode s) {
      return Optional.of(s);
    }
    binding.error(
        v.get().location(), pathOf(key), "expected a string, found " + v.get().describe());
    return Optional.empty();
  }

  /** The scalar's text, or {@code ""} when absent. */
  String text(String key) {
    return scalar(key).map(ScalarNode::text).orElse("");
  }

  /** A scalar that must be present and non-empty. */
  Optional<ScalarNode> required(String key) {
    Optional<MappingNode.Entry> entry = node.entry(key);
    if (entry.isEmpty()) {
      binding.error(at, path, "missing required key '" + key + "'");
      return Optional.empty();
    }
    Optional<ScalarNode> s = scalar(key);
    if (s.isPresent() && s.get().text().isBlank()) {
      binding.error(s.get().location(), pathOf(key), "must not be empty");
      return Optional.empty();
    }
    if (s.isEmpty() && value(key).isEmpty()) {
      binding.error(entry.get().value().location(), pathOf(key), "must not be empty");
    }
    return s;
  }

  /** A boolean; absent or null is false. */
  boolean bool(String key) {
    Optional<ScalarNode> s = scalar(key);
    if (s.isEmpty()) {
      return false;
    }
    switch (s.get().text()) {
      case "true", "True", "TRUE", "y", "Y", "yes", "Yes", "YES", "on", "On", "ON":
        return true;
      case "false", "False", "FALSE", "n", "N", "no", "No", "NO", "off", "Off", "OFF":
        return false;
      default:
        binding.error(
            s.get().location(),
            pathOf(key),
            "expected true or false, found '" + s.get().text() + "'");
        return false;
    }
  }

  /** An integer written as a plain YAML number. */
  Optional<Integer> integer(String key) {
    Optional<ScalarNode> s = scalar(key);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    String t = s.get().text();
    if (!s.get().quoted() && INTEGER.matcher(t).matches()) {
      try {
        String digits = t.replace("_", "");
        long v =
            digits.matches("[-+]?0x.*")
                ? Long.parseLong(digits.replaceFirst("0x", ""), 16)
                : Long.parseLong(digits);
        if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
          return Optional.of((int) v);
        }
      } catch (NumberFormatException e) {
        // Falls through to the error below.
      }
    }
    binding.error(s.get().location(), pathOf(key), "expected an integer, found '" + t + "'");
    return Optional.empty();
  }

  /** A Go-style duration ({@code 3h}, {@code 90s}, {@code 500ms}); negative ones are errors. */
  Optional<Duration> duration(String key) {
    Optional<ScalarNode> s = scalar(key);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      Duration d = GoDuration.parse(s.get().text());
      if (d.isNegative()) {
        binding.error(
            s.get().location(), pathOf(key), "must not be negative: '" + s.get().text() + "'");
        return Optional.empty();
      }
      return Optional.of(d);
    } catch (IllegalArgumentException e) {
      binding.error(s.get().location(), pathOf(key), e.getMessage());
      return Optional.empty();
    }
  }

  /** One of a fixed set of words; anything else is an error that lists them. */
  <E extends Enum<E>> Optional<E> oneOf(String key, E[] values, Function<E, String> yaml) {
    Optional<ScalarNode> s = scalar(key);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    return Enums.parse(binding, s.get(), pathOf(key), values, yaml);
  }

  /** The mapping under {@code key}, if present and not null. */
  Optional<Section> section(String key, KeySet keys) {
    return value(key)
        .flatMap(
            v -> of(binding, v, pathOf(key), keys, node.entry(key).orElseThrow().keyLocation()));
  }

  /** A mapping that must be present. */
  Optional<Section> requiredSection(String key, KeySet keys) {
    Optional<MappingNode.Entry> entry = node.entry(key);
    if (entry.isEmpty()) {
      binding.error(at, path, "missing required key '" + key + "'");
      return Optional.empty();
    }
    return of(binding, entry.get().value(), pathOf(key), keys, entry.get().keyLocation());
  }

  /**
   * A mapping whose keys are names chosen by the user (resource types, actions, arguments), so they
   * are not checked; absent or null is empty.
   */
  List<MappingNode.Entry> named(String key) {
    Optional<YamlNode> v = value(key);
    if (v.isEmpty()) {
      return List.of();
    }
    if (v.get() instanceof MappingNode m) {
      return m.entries();
    }
    binding.error(
        v.get().location(), pathOf(key), "expected a mapping, found " + v.get().describe());
    return List.of();
  }

  /** The list under {@code key}; absent or null is empty; another kind of node is an error. */
  List<YamlNode> list(String key) {
    Optional<YamlNode> v = value(key);
    if (v.isEmpty()) {
      return List.of();
    }
    if (v.get() instanceof SequenceNode seq) {
      return seq.items();
    }
    binding.error(v.get().location(), pathOf(key), "expected a list, found " + v.get().describe());
    return List.of();
  }

  /** A list of mappings, each checked against {@code keys}, with their indexed paths. */
  List<Section> sections(String key, KeySet keys) {
    List<Section> out = new ArrayList<>();
    List<YamlNode> items = list(key);
    for (int i = 0; i < items.size(); i++) {
      of(binding, items.get(i), YamlPaths.index(pathOf(key), i), keys).ifPresent(out::add);
    }
    return out;
  }

  /** A list of scalars; null items are skipped, other nodes are errors. */
  List<ScalarNode> scalars(String key) {
    List<ScalarNode> out = new ArrayList<>();
    List<YamlNode> items = list(key);
    for (int i = 0; i < items.size(); i++) {
      YamlNode item = items.get(i);
      if (item instanceof ScalarNode s) {
        if (!s.isNull()) {
          out.add(s);
        }
      } else {
        binding.error(
            item.location(),
            YamlPaths.index(pathOf(key), i),
            "expected a string, found " + item.describe());
      }
    }
    return out;
  }

  /** A mapping of names to scalars (profile, vars, params); null values read as {@code ""}. */
  Map<String, ScalarNode> scalarMap(String key) {
    Map<String, ScalarNode> out = new LinkedHashMap<>();
    Optional<YamlNode> v = value(key);
    if (v.isEmpty()) {
      return out;
    }
    if (!(v.get() instanceof MappingNode m)) {
      binding.error(
          v.get().location(), pathOf(key), "expected a mapping, found " + v.get().describe());
      return out;
    }
    for (MappingNode.Entry e : m.entries()) {
      if (e.value() instanceof ScalarNode s) {
        out.put(e.key(), s);
      } else {
        binding.error(
            e.value().location(),
            YamlPaths.child(pathOf(key), e.key()),
            "expected a string, found " + e.value().describe());
      }
    }
    return out;
  }

  /** An optional CEL expression; absent, null or empty means not set (as in baton-sql). */
  Optional<Cel> cel(String key) {
    return scalar(key)
        .filter(s -> !s.text().isBlank())
        .flatMap(s -> binding.compile(s, pathOf(key)));
  }

  /** A CEL expression that must be present. */
  Optional<Cel> requiredCel(String key) {
    return required(key).flatMap(s -> binding.compile(s, pathOf(key)));
  }

  /** A list of CEL expressions. */
  List<Cel> celList(String key) {
    List<Cel> out = new ArrayList<>();
    List<YamlNode> items = list(key);
    for (int i = 0; i < items.size(); i++) {
      String itemPath = YamlPaths.index(pathOf(key), i);
      YamlNode item = items.get(i);
      if (item instanceof ScalarNode s && !s.isNull() && !s.text().isBlank()) {
        binding.compile(s, itemPath).ifPresent(out::add);
      } else if (!(item instanceof ScalarNode)) {
        binding.error(
            item.location(), itemPath, "expected a CEL expression, found " + item.describe());
      }
    }
    return out;
  }

  /** A mapping of names to CEL expressions (profile). */
  Map<String, Cel> celMap(String key) {
    Map<String, Cel> out = new LinkedHashMap<>();
    scalarMap(key)
        .forEach(
            (name, s) -> {
              if (!s.isNull() && !s.text().isBlank()) {
                binding
                    .compile(s, YamlPaths.child(pathOf(key), name))
                    .ifPresent(c -> out.put(name, c));
              }
            });
    return out;
  }
}
