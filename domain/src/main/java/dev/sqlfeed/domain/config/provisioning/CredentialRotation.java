package dev.sqlfeed.domain.config.provisioning;

import java.util.Objects;
import java.util.Optional;

/**
 * A resource type's {@code credential_rotation}.
 *
 * @param credentials {@code credentials}
 * @param update {@code update}
 * @param path the YAML path of the block
 */
public record CredentialRotation(
    Credentials credentials, Optional<AccountStatements> update, String path) {
  public CredentialRotation {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(path, "path");
  }
}
