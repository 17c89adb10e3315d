package dev.sqlfeed.domain.provisioning;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.QueryVar;
import dev.sqlfeed.domain.config.provisioning.AccountProvisioning;
import dev.sqlfeed.domain.config.provisioning.AccountStatements;
import dev.sqlfeed.domain.config.provisioning.CredentialRotation;
import dev.sqlfeed.domain.config.provisioning.Credentials;
import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.domain.error.ConfigException;
import dev.sqlfeed.domain.error.MappingException;
import dev.sqlfeed.domain.mapping.Activation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns {@code sqlfeed account create} and {@code rotate} into the statements to run, with
 * baton-sql's semantics. The inputs are a create's fields (as its {@code schema} types them) and
 * {@code password} (the generated one), or a rotation's {@code resource_id} and {@code password}. A
 * var whose text is the name of an input binds that input; any other var is CEL, with the fields in
 * {@code input} (so {@code input.login}). A schema field that was not given binds NULL.
 */
public final class AccountPlanner {
  private final PasswordGenerator passwords;
  private final int passwordLength;

  /**
   * @param passwords generates a {@code random_password}
   * @param passwordLength the length of a generated password
   */
  public AccountPlanner(PasswordGenerator passwords, int passwordLength) {
    this.passwords = passwords;
    this.passwordLength = passwordLength;
  }

  /**
   * The plan of {@code sqlfeed account create}.
   *
   * @param fields the new account's fields, by schema name, as typed on the command line
   * @param credential the operator's pick of a credential option, if any
   * @param file the config file as the user named it, for messages
   * @throws ConfigException (exit 2) naming the config path for an unknown resource type, a type
   *     without {@code account_provisioning}, unknown, missing or malformed fields, and parts that
   *     sqlfeed does not run
   * @throws MappingException (exit 1) naming the var when a var fails to evaluate
   */
  public AccountPlan create(
      Config config,
      String resourceType,
      Map<String, String> fields,
      Optional<CredentialOption> credential,
      String file) {
    ResourceType type = type(config, resourceType, file);
    AccountProvisioning block =
        required(type.accountProvisioning(), type.path(), "no account_provisioning block", file);
    Map<String, Object> given = AccountFields.parse(block, fields, file);
    String credentialsPath = block.path() + ".credentials";
    CredentialOption option =
        CredentialOption.choose(block.credentials(), credential, credentialsPath, file);
    Optional<Password> password = password(block.credentials(), option, credentialsPath, file);
    AccountStatements create = block.create();
    List<Query> all = new ArrayList<>(create.queries());
    all.add(block.validate().query());
    refuse(create, all, "sqlfeed account create", file);
    Map<String, Object> inputs = new HashMap<>(given);
    password.ifPresent(p -> inputs.put("password", p.reveal()));
    Set<String> declared = AccountFields.names(block);
    Map<String, Object> activation =
        Map.of(Activation.COLS, Map.of(), Activation.INPUT, Map.copyOf(given));
    Map<String, Object> lookupValues =
        values(block.validate().vars(), inputs, declared, activation, option, file);
    Map<String, Object> createValues =
        values(create.vars(), inputs, declared, activation, option, file);
    return new AccountPlan(
        type.id(),
        create.path(),
        !create.noTransaction(),
        Optional.of(ProvisioningPlanner.statement(block.validate().query(), lookupValues, file)),
        statements(create, createValues, file),
        option,
        password);
  }

  /**
   * The plan of {@code sqlfeed account rotate}: the credential of the account {@code resourceId}.
   *
   * @param credential the operator's pick of a credential option, if any; without a {@code
   *     credentials} block, a random password
   * @throws ConfigException (exit 2) naming the config path for an unknown resource type, a type
   *     without {@code credential_rotation} or without its {@code update} block
   * @throws MappingException (exit 1) naming the var when a var fails to evaluate
   */
  public AccountPlan rotate(
      Config config,
      String resourceType,
      String resourceId,
      Optional<CredentialOption> credential,
      String file) {
    ResourceType type = type(config, resourceType, file);
    CredentialRotation rotation =
        required(type.credentialRotation(), type.path(), "no credential_rotation block", file);
    AccountStatements update =
        required(rotation.update(), rotation.path(), "no update block, so nothing to run", file);
    Credentials credentials = rotation.credentials();
    boolean none =
        credentials.noPassword().isEmpty()
            && credentials.randomPassword().isEmpty()
            && credentials.encryptedPassword().isEmpty();
    String credentialsPath = rotation.path() + ".credentials";
    // Rotating means a new password: a block without credentials gets a random one, with
    // baton-sql's default character classes.
    Credentials effective =
        none
            ? new Credentials(
                Optional.empty(),
                Optional.of(new Credentials.RandomPassword(false, 0, 0, "", List.of())),
                Optional.empty())
            : credentials;
    CredentialOption option = CredentialOption.choose(effective, credential, credentialsPath, file);
    Optional<Password> password = password(effective, option, credentialsPath, file);
    refuse(update, update.queries(), "sqlfeed account rotate", file);
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("resource_id", resourceId);
    password.ifPresent(p -> inputs.put("password", p.reveal()));
    Map<String, Object> activation = Map.of(Activation.COLS, Map.of());
    Map<String, Object> values = values(update.vars(), inputs, Set.of(), activation, option, file);
    return new AccountPlan(
        type.id(),
        update.path(),
        !update.noTransaction(),
        Optional.empty(),
        statements(update, values, file),
        option,
        password);
  }

  /** The block, or a {@link ConfigException} that names {@code path} and says {@code missing}. */
  private static <T> T required(Optional<T> block, String path, String missing, String file) {
    return block.orElseThrow(() -> new ConfigException(file + ": " + path + ": " + missing));
  }

  private static ResourceType type(Config config, String resourceType, String file) {
    ResourceType type = config.resourceTypes().get(resourceType);
    if (type == null) {
      throw new ConfigException(
          file
              + ": resource_types: no resource type '"
              + resourceType
              + "' (resource types: "
              + String.join(", ", config.resourceTypes().keySet())
              + ")");
    }
    return type;
  }

  private Optional<Password> password(
      Credentials credentials, CredentialOption option, String path, String file) {
    return switch (option) {
      case NO_PASSWORD -> Optional.empty();
      case ENCRYPTED_PASSWORD ->
          throw new ConfigException(
              file
                  + ": "
                  + path
                  + ".encrypted_password: not supported by sqlfeed (it needs the caller's public"
                  + " key); use --credential random_password or no_password");
      case RANDOM_PASSWORD -> {
        String settings = path + ".random_password";
        try {
          yield Optional.of(
              passwords.generate(
                  credentials.randomPassword().orElseThrow(), passwordLength, settings));
        } catch (IllegalArgumentException e) {
          throw new ConfigException(file + ": " + settings + ": " + e.getMessage());
        }
      }
    };
  }

  /** Refuses a block without queries, and placeholders that paste their value into the SQL. */
  private static void refuse(
      AccountStatements block, List<Query> queries, String command, String file) {
    if (block.queries().isEmpty()) {
      throw new ConfigException(
          file + ": " + block.path() + ".queries: no queries, so nothing to run");
    }
    List<String> problems = ProvisioningPlanner.pasted(queries, command, file);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  private static List<PlannedStatement> statements(
      AccountStatements block, Map<String, Object> values, String file) {
    List<PlannedStatement> statements = new ArrayList<>();
    for (Query query : block.queries()) {
      statements.add(ProvisioningPlanner.statement(query, values, file));
    }
    return statements;
  }

  /** Each var's value, by its placeholder name (lower case), as baton-sql finds it. */
  private static Map<String, Object> values(
      Map<String, QueryVar> vars,
      Map<String, Object> inputs,
      Set<String> declared,
      Map<String, Object> activation,
      CredentialOption option,
      String file) {
    Map<String, Object> values = new HashMap<>();
    for (QueryVar var : vars.values()) {
      String name = var.source().strip();
      Object value;
      if (inputs.containsKey(name)) {
        value = inputs.get(name);
      } else if (declared.contains(name)) {
        value = null;
      } else if (name.equals("password")) {
        throw new ConfigException(
            file
                + ": "
                + var.path()
                + ": binds the password, but "
                + option.yaml()
                + " generates none");
      } else if (var.expression().isPresent()) {
        try {
          value = var.expression().get().evaluate(activation);
        } catch (MappingException e) {
          throw new MappingException(var.path() + ": " + e.getMessage(), e);
        }
      } else {
        throw new ConfigException(
            file
                + ": "
                + var.path()
                + ": '"
                + name
                + "' is no input of this command (inputs: "
                + String.join(", ", new TreeSet<>(inputs.keySet()))
                + ")");
      }
      values.put(var.name().toLowerCase(Locale.ROOT), ProvisioningPlanner.bindable(var, value));
    }
    return values;
  }
}
