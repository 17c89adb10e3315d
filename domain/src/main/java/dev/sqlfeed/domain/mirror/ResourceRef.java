package dev.sqlfeed.domain.mirror;

import java.util.Objects;

/** Names one resource of the mirror: its resource type's key and its id. */
public record ResourceRef(String resourceType, String resourceId) {
  public ResourceRef {
    requireText(resourceType, "resource type");
    requireText(resourceId, "resource id");
  }

  static String requireText(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return value;
  }
}
