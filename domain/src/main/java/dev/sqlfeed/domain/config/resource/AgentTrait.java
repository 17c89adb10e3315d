package dev.sqlfeed.domain.config.resource;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.Ordered;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code traits.agent}: an AI agent.
 *
 * @param status {@code status}: ready (active, enabled), disabled (inactive), deleted
 * @param identityResourceType {@code identity_resource_type}: the type of the identity the agent
 *     acts as
 * @param identityResourceId {@code identity_resource_id}: its id
 * @param profile {@code profile}, in file order
 * @param path the YAML path of the block
 */
public record AgentTrait(
    Optional<Cel> status,
    Optional<Cel> identityResourceType,
    Optional<Cel> identityResourceId,
    Map<String, Cel> profile,
    String path) {
  public AgentTrait {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(identityResourceType, "identityResourceType");
    Objects.requireNonNull(identityResourceId, "identityResourceId");
    profile = Ordered.copy(profile);
    Objects.requireNonNull(path, "path");
  }
}
