package dev.sqlfeed.domain.mirror;

/**
 * One row of the access mirror. The mirror is the set of resources, their entitlements and the
 * grants of those entitlements to principals, as last read from the source.
 */
public sealed interface MirrorRecord permits Resource, Entitlement, Grant {
  /** The resource this record belongs to (for a grant: the resource whose entitlement is held). */
  ResourceRef resource();

  /** The record as one canonical JSON object, as {@code sqlfeed export} prints it. */
  String toJsonLine();
}
