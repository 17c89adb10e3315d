package dev.sqlfeed.domain.config.provisioning;

import java.util.List;
import java.util.Objects;

/**
 * A resource type's {@code account_provisioning}, run by {@code sqlfeed account create}.
 *
 * @param schema {@code schema}: the fields a new account needs
 * @param credentials {@code credentials}
 * @param create {@code create}
 * @param validate {@code validate}
 * @param path the YAML path of the block
 */
public record AccountProvisioning(
    List<AccountField> schema,
    Credentials credentials,
    AccountStatements create,
    AccountLookup validate,
    String path) {
  public AccountProvisioning {
    schema = List.copyOf(schema);
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(create, "create");
    Objects.requireNonNull(validate, "validate");
    Objects.requireNonNull(path, "path");
  }
}
