package dev.sqlfeed.domain.config.resource;

import dev.sqlfeed.domain.config.entitlement.EntitlementsQuery;
import dev.sqlfeed.domain.config.entitlement.StaticEntitlement;
import dev.sqlfeed.domain.config.grant.GrantsQuery;
import dev.sqlfeed.domain.config.provisioning.AccountProvisioning;
import dev.sqlfeed.domain.config.provisioning.CredentialRotation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code resource_types}.
 *
 * @param id the key under {@code resource_types} (the resource type's id)
 * @param name {@code name}: display name
 * @param description {@code description}, empty when absent
 * @param list {@code list}: how to read every resource
 * @param entitlements {@code entitlements}: entitlements read by a query
 * @param staticEntitlements {@code static_entitlements}: entitlements every resource has (when
 *     present, baton-sql uses these instead of {@code entitlements})
 * @param grants {@code grants}: the grant queries, in file order
 * @param skipEntitlementsAndGrants {@code skip_entitlements_and_grants}
 * @param accountProvisioning {@code account_provisioning}
 * @param credentialRotation {@code credential_rotation}
 * @param get {@code get}: read one resource by {@code ?<id>}; required with {@code
 *     incremental_sync}
 * @param incrementalSync {@code incremental_sync}: the query that finds changed resources
 * @param path the YAML path, for example {@code resource_types.user}
 */
public record ResourceType(
    String id,
    String name,
    String description,
    ListQuery list,
    Optional<EntitlementsQuery> entitlements,
    List<StaticEntitlement> staticEntitlements,
    List<GrantsQuery> grants,
    boolean skipEntitlementsAndGrants,
    Optional<AccountProvisioning> accountProvisioning,
    Optional<CredentialRotation> credentialRotation,
    Optional<GetQuery> get,
    Optional<ResourceIncrementalSync> incrementalSync,
    String path) {

  // Alike on purpose to SecretTrait and ExclusionGroup: other YAML blocks, checked the same way.
  public ResourceType {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(entitlements, "entitlements");
    staticEntitlements = List.copyOf(staticEntitlements);
    grants = List.copyOf(grants);
    Objects.requireNonNull(accountProvisioning, "accountProvisioning");
    Objects.requireNonNull(credentialRotation, "credentialRotation");
    Objects.requireNonNull(get, "get");
    Objects.requireNonNull(incrementalSync, "incrementalSync");
    Objects.requireNonNull(path, "path");
  }

  /** Where a resource's entitlements come from; see {@link #entitlementSource()}. */
  public enum EntitlementSource {
    /** It has none: {@code skip_entitlements_and_grants}, or neither kind is configured. */
    NONE,
    /** {@code static_entitlements}, mapped from the resource itself. */
    STATIC,
    /** The {@code entitlements} query, run once per resource. */
    QUERY
  }

  /**
   * Where this type's entitlements come from, the one rule that full sync and the refresh of a
   * changed resource share: static entitlements when there are any (baton-sql then ignores the
   * query), else the entitlements query, and nothing when {@code skip_entitlements_and_grants} is
   * set.
   */
  public EntitlementSource entitlementSource() {
    if (skipEntitlementsAndGrants) {
      return EntitlementSource.NONE;
    }
    if (!staticEntitlements.isEmpty()) {
      return EntitlementSource.STATIC;
    }
    return entitlements.isPresent() ? EntitlementSource.QUERY : EntitlementSource.NONE;
  }
}
