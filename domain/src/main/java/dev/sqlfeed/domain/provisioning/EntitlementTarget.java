package dev.sqlfeed.domain.provisioning;

import java.util.Objects;

/**
 * The entitlement a grant or revoke names, in baton-sql's id form {@code TYPE:ID:ENT}: the resource
 * type, the resource's id, and the entitlement's own id (a static entitlement's {@code id}, the id
 * that the mirror's {@code entitlement} column holds).
 *
 * @param resourceType the resource type's key
 * @param resourceId the resource's id
 * @param entitlementId the entitlement's id on that resource
 */
public record EntitlementTarget(String resourceType, String resourceId, String entitlementId) {
  public EntitlementTarget {
    requireText(resourceType, "resource type");
    requireText(resourceId, "resource id");
    requireText(entitlementId, "entitlement id");
  }

  /**
   * Parses {@code TYPE:ID:ENT}. As baton-sql splits it, the first two colons separate the parts, so
   * the entitlement id may itself contain colons and the resource id may not.
   *
   * @throws IllegalArgumentException when a part is missing or empty
   */
  public static EntitlementTarget parse(String text) {
    String[] parts = text.split(":", 3);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not TYPE:ID:ENTITLEMENT (for example team:ops:member)");
    }
    return new EntitlementTarget(parts[0], parts[1], parts[2]);
  }

  static void requireText(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
  }

  @Override
  public String toString() {
    return resourceType + ":" + resourceId + ":" + entitlementId;
  }
}
