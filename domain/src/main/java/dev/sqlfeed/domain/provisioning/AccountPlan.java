package dev.sqlfeed.domain.provisioning;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code sqlfeed account create} or {@code rotate} runs.
 *
 * @param resourceType the resource type's key
 * @param path the YAML path of the block that runs ({@code account_provisioning.create} or {@code
 *     credential_rotation.update})
 * @param transactional false when the block says {@code no_transaction: true}
 * @param lookup a create's {@code validate} query: run before the statements (a row means the
 *     account exists already, and nothing runs) and after them (it must then return the new
 *     account's row); empty for a rotation
 * @param statements the statements, in config order, at least one
 * @param credential the credential option used
 * @param password the generated password, when the option is {@code random_password}: bound where a
 *     var names {@code password}, and handed to the operator once
 */
public record AccountPlan(
    String resourceType,
    String path,
    boolean transactional,
    Optional<PlannedStatement> lookup,
    List<PlannedStatement> statements,
    CredentialOption credential,
    Optional<Password> password) {
  public AccountPlan {
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(lookup, "lookup");
    statements = List.copyOf(statements);
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(password, "password");
    if (statements.isEmpty()) {
      throw new IllegalArgumentException(path + ": a plan needs at least one statement");
    }
  }
}
