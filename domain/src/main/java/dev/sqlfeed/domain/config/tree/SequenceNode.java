package dev.sqlfeed.domain.config.tree;

import java.util.List;
import java.util.Objects;

/**
 * A YAML sequence.
 *
 * @param items the items in file order
 * @param location where the sequence starts
 */
public record SequenceNode(List<YamlNode> items, Location location) implements YamlNode {
  public SequenceNode {
    items = List.copyOf(items);
    Objects.requireNonNull(location, "location");
  }

  @Override
  public String describe() {
    return "a list";
  }
}
