package dev.sqlfeed.domain.config.resource;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code map.traits}: at most one of each; baton-sql gives a resource the traits that are present.
 *
 * @param user {@code user}
 * @param group {@code group}
 * @param role {@code role}
 * @param app {@code app}
 * @param secret {@code secret}
 * @param agent {@code agent}
 */
public record Traits(
    Optional<UserTrait> user,
    Optional<GroupTrait> group,
    Optional<RoleTrait> role,
    Optional<AppTrait> app,
    Optional<SecretTrait> secret,
    Optional<AgentTrait> agent) {

  /** No traits at all. */
  public static final Traits NONE =
      new Traits(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  public Traits {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(agent, "agent");
  }
}
