package dev.sqlfeed.domain.provisioning;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.entitlement.EntitlementMapping;
import dev.sqlfeed.domain.config.entitlement.StaticEntitlement;
import dev.sqlfeed.domain.config.provisioning.EntitlementProvisioning;
import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.domain.error.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds the {@code provisioning} block of the entitlement a grant or revoke names, as baton-sql's
 * {@code getProvisioningConfig} does: a static entitlement whose {@code id} is the entitlement id;
 * for a resource type without static entitlements, its dynamic ({@code entitlements.map}) entry
 * with a provisioning block.
 *
 * <p>A dynamic entitlement's id is CEL over a row of the entitlements query, so it cannot be told
 * from the config alone. baton-sql takes the first dynamic entry with a block, of any resource
 * type; sqlfeed takes the one entry of the named resource type that has a block, and refuses when
 * there are several rather than guess.
 */
public final class ProvisionedEntitlements {
  /**
   * The block found.
   *
   * @param path the YAML path of the entitlement
   * @param provisioning its block
   */
  public record Found(String path, EntitlementProvisioning provisioning) {
    public Found {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(provisioning, "provisioning");
    }
  }

  private ProvisionedEntitlements() {}

  /**
   * The block of {@code target}'s entitlement.
   *
   * @param file the config file as the user named it, for messages
   * @throws ConfigException naming the config path when the resource type or the entitlement is
   *     unknown, has no block, or is ambiguous; the message lists the entitlements that have one
   */
  public static Found find(Config config, EntitlementTarget target, String file) {
    ResourceType type = config.resourceTypes().get(target.resourceType());
    if (type == null) {
      throw problem(
          config,
          file,
          "resource_types: no resource type '" + target.resourceType() + "' (" + target + ")");
    }
    if (!type.staticEntitlements().isEmpty()) {
      for (StaticEntitlement e : type.staticEntitlements()) {
        if (e.id().equals(target.entitlementId())) {
          return e.provisioning()
              .map(p -> new Found(e.path(), p))
              .orElseThrow(
                  () ->
                      problem(config, file, e.path() + ": no provisioning block (" + target + ")"));
        }
      }
      throw problem(
          config,
          file,
          type.path()
              + ".static_entitlements: no entitlement with id '"
              + target.entitlementId()
              + "' ("
              + target
              + ")");
    }
    List<EntitlementMapping> dynamic = dynamicWithProvisioning(type);
    if (dynamic.size() == 1) {
      EntitlementMapping only = dynamic.get(0);
      return new Found(only.path(), only.provisioning().orElseThrow());
    }
    String where =
        type.entitlements().map(q -> q.path() + ".map").orElse(type.path() + ".entitlements");
    if (dynamic.isEmpty()) {
      throw problem(
          config,
          file,
          where + ": no entitlement of this type has a provisioning block (" + target + ")");
    }
    throw problem(
        config,
        file,
        where
            + ": "
            + dynamic.size()
            + " dynamic entitlements have a provisioning block, and which of them '"
            + target.entitlementId()
            + "' is cannot be told without reading the entitlements query; give each its own"
            + " resource type or make them static entitlements");
  }

  /**
   * Every entitlement of the config that has a provisioning block, one line each: {@code
   * team:*:member (resource_types.team.static_entitlements[0])}; a dynamic one shows its id
   * expression.
   */
  public static List<String> list(Config config) {
    List<String> all = new ArrayList<>();
    for (ResourceType type : config.resourceTypes().values()) {
      for (StaticEntitlement e : type.staticEntitlements()) {
        if (e.provisioning().isPresent()) {
          all.add(type.id() + ":*:" + e.id() + " (" + e.path() + ")");
        }
      }
      if (type.staticEntitlements().isEmpty()) {
        for (EntitlementMapping m : dynamicWithProvisioning(type)) {
          all.add(type.id() + ":*:<" + m.id().source() + "> (" + m.path() + ")");
        }
      }
    }
    return all;
  }

  private static List<EntitlementMapping> dynamicWithProvisioning(ResourceType type) {
    return type.entitlements().stream()
        .flatMap(q -> q.map().stream())
        .filter(m -> m.provisioning().isPresent())
        .toList();
  }

  private static ConfigException problem(Config config, String file, String message) {
    List<String> provisioned = list(config);
    String known =
        provisioned.isEmpty()
            ? "no entitlement of this config has a provisioning block"
            : "entitlements with a provisioning block: " + String.join(", ", provisioned);
    return new ConfigException(file + ": " + message + "; " + known);
  }
}
