package dev.sqlfeed.domain.provisioning;

/**
 * The principal a grant or revoke is for, {@code TYPE:ID}: a resource type's key and the
 * principal's id (a user's id, as grants name it in {@code principal_id}).
 *
 * @param type the principal's resource type
 * @param id the principal's id
 */
public record Principal(String type, String id) {
  public Principal {
    EntitlementTarget.requireText(type, "principal type");
    EntitlementTarget.requireText(id, "principal id");
  }

  /**
   * Parses {@code TYPE:ID}; the id may contain colons.
   *
   * @throws IllegalArgumentException when a part is missing or empty
   */
  public static Principal parse(String text) {
    String[] parts = text.split(":", 2);
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new IllegalArgumentException("'" + text + "' is not TYPE:ID (for example user:42)");
    }
    return new Principal(parts[0], parts[1]);
  }

  @Override
  public String toString() {
    return type + ":" + id;
  }
}
