package dev.sqlfeed.domain.config.tree;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A YAML mapping with its entries in file order. Keys are unique: the reader rejects duplicates.
 *
 * @param entries the entries in file order
 * @param location where the mapping starts
 */
public record MappingNode(List<Entry> entries, Location location) implements YamlNode {
  /**
   * One key and its value.
   *
   * @param key the key's text
   * @param keyLocation where the key starts
   * @param value the value (a null scalar when the key has no value)
   */
  public record Entry(String key, Location keyLocation, YamlNode value) {
    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(keyLocation, "keyLocation");
      Objects.requireNonNull(value, "value");
    }
  }

  public MappingNode {
    entries = List.copyOf(entries);
    Objects.requireNonNull(location, "location");
  }

  /** The entry with this key, if present. */
  public Optional<Entry> entry(String key) {
    return entries.stream().filter(e -> e.key().equals(key)).findFirst();
  }

  /** The value under this key, if present. */
  public Optional<YamlNode> get(String key) {
    return entry(key).map(Entry::value);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  @Override
  public String describe() {
    return "a mapping";
  }
}
