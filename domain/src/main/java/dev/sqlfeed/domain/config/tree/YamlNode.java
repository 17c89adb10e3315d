package dev.sqlfeed.domain.config.tree;

/**
 * A node of a parsed YAML document, independent of the parser that produced it. Every node knows
 * where it starts in the file, so that the binder can point at the exact spot of a problem.
 */
public sealed interface YamlNode permits MappingNode, SequenceNode, ScalarNode {
  /** Where the node starts. */
  Location location();

  /** A short noun phrase for messages, for example {@code a mapping} or {@code a list}. */
  String describe();
}
