package dev.sqlfeed.domain.config.resource;

import dev.sqlfeed.domain.config.Cel;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code traits.secret}: a credential (API token, key, certificate).
 *
 * @param credentialType {@code credential_type}: static_secret, asymmetric_key or certificate
 * @param credentialDetail {@code credential_detail}: free form, by convention {@code
 *     platform.object}
 * @param expiresAt {@code expires_at}
 * @param lastUsedAt {@code last_used_at}
 * @param path the YAML path of the block
 */
public record SecretTrait(
    Optional<Cel> credentialType,
    Optional<Cel> credentialDetail,
    Optional<Cel> expiresAt,
    Optional<Cel> lastUsedAt,
    String path) {
  // Alike on purpose to ResourceType and ExclusionGroup: other YAML blocks, checked the same way.
  public SecretTrait {
    Objects.requireNonNull(credentialType, "credentialType");
    Objects.requireNonNull(credentialDetail, "credentialDetail");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    Objects.requireNonNull(path, "path");
  }
}
