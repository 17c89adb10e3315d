package dev.sqlfeed.domain.provisioning;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.QueryVar;
import dev.sqlfeed.domain.config.provisioning.EntitlementProvisioning;
import dev.sqlfeed.domain.config.provisioning.GrantProvisioning;
import dev.sqlfeed.domain.config.provisioning.ProvisioningQueries;
import dev.sqlfeed.domain.error.ConfigException;
import dev.sqlfeed.domain.error.MappingException;
import dev.sqlfeed.domain.mapping.Activation;
import dev.sqlfeed.domain.query.SqlTemplate;
import dev.sqlfeed.domain.value.SqlNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a grant or revoke into the statements to run, with baton-sql's semantics: the block's
 * {@code vars} are evaluated once over {@code principal}, {@code entitlement} and {@code resource}
 * (see {@link Activation#forProvisioning}), and each {@code ?<var>} of each query is bound to its
 * var's value. The block's {@code validation_queries} become checks that must each return a row
 * before any statement runs.
 *
 * <p>Parts of a block that sqlfeed does not run yet ({@code validation_queries_signal_idempotency},
 * {@code reject_if}, {@code grant_replace}, {@code principal_deleted_check}, {@code
 * revoke_options}, and {@code ?<name|unquoted>} / {@code ?<name|identifier>}, which paste a value
 * into the SQL text) are refused rather than skipped: running the rest alone could do what the
 * config's author ruled out.
 */
public final class ProvisioningPlanner {
  private ProvisioningPlanner() {}

  /**
   * The plan of a grant or revoke.
   *
   * @param file the config file as the user named it, for messages
   * @throws ConfigException (exit 2) naming the config path when the entitlement has no such block,
   *     the block has no queries, or uses a part sqlfeed does not run
   * @throws MappingException (exit 1) naming the var's path when a var fails to evaluate or its
   *     value cannot be bound
   */
  public static ProvisioningPlan plan(
      Config config,
      ProvisioningAction action,
      EntitlementTarget entitlement,
      Principal principal,
      String file) {
    ProvisionedEntitlements.Found found = ProvisionedEntitlements.find(config, entitlement, file);
    EntitlementProvisioning provisioning = found.provisioning();
    ProvisioningQueries block = block(provisioning, action, file);
    List<String> problems = unsupported(provisioning, block, action, file);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    Map<String, Object> values =
        values(
            provisioning.vars(),
            Activation.forProvisioning(
                principal.type(),
                principal.id(),
                entitlement.resourceType(),
                entitlement.resourceId(),
                entitlement.entitlementId()),
            action,
            file);
    List<PlannedStatement> checks = new ArrayList<>();
    for (Query query : block.validationQueries()) {
      checks.add(statement(query, values, file));
    }
    List<PlannedStatement> statements = new ArrayList<>();
    for (Query query : block.queries()) {
      statements.add(statement(query, values, file));
    }
    return new ProvisioningPlan(
        action, entitlement, principal, block.path(), !block.noTransaction(), checks, statements);
  }

  private static ProvisioningQueries block(
      EntitlementProvisioning provisioning, ProvisioningAction action, String file) {
    Optional<ProvisioningQueries> block =
        action == ProvisioningAction.GRANT
            ? provisioning.grant().map(GrantProvisioning::statements)
            : provisioning.revoke();
    if (block.isEmpty()) {
      throw new ConfigException(
          file
              + ": "
              + provisioning.path()
              + ": no "
              + action.yaml()
              + " block, so 'sqlfeed "
              + action.yaml()
              + "' has nothing to run");
    }
    if (block.get().queries().isEmpty()) {
      throw new ConfigException(
          file + ": " + block.get().path() + ".queries: no queries, so nothing to run");
    }
    return block.get();
  }

  private static List<String> unsupported(
      EntitlementProvisioning provisioning,
      ProvisioningQueries block,
      ProvisioningAction action,
      String file) {
    List<String> parts = new ArrayList<>();
    if (block.validationQueriesSignalIdempotency()) {
      parts.add(block.path() + ".validation_queries_signal_idempotency");
    }
    block
        .principalDeletedCheck()
        .ifPresent(q -> parts.add(block.path() + ".principal_deleted_check"));
    block.revokeOptions().ifPresent(o -> parts.add(o.path()));
    if (action == ProvisioningAction.GRANT) {
      GrantProvisioning grant = provisioning.grant().orElseThrow();
      grant.rejectIf().ifPresent(r -> parts.add(r.path()));
      grant.grantReplace().ifPresent(r -> parts.add(r.path()));
    }
    List<String> problems = new ArrayList<>();
    for (String part : parts) {
      problems.add(file + ": " + part + ": not supported by 'sqlfeed " + action.yaml() + "' yet");
    }
    List<Query> all = new ArrayList<>(block.validationQueries());
    all.addAll(block.queries());
    problems.addAll(pasted(all, "sqlfeed " + action.yaml(), file));
    return problems;
  }

  /**
   * One problem for each {@code ?<name|unquoted>} or {@code ?<name|identifier>} of {@code queries}:
   * sqlfeed binds every value, and such a placeholder pastes its value into the SQL text.
   */
  static List<String> pasted(List<Query> queries, String command, String file) {
    List<String> problems = new ArrayList<>();
    for (Query query : queries) {
      for (SqlTemplate.Placeholder p : query.sql().inlinePlaceholders()) {
        problems.add(
            file
                + ": "
                + query.path()
                + ": "
                + p.token()
                + " pastes its value into the SQL text; '"
                + command
                + "' binds every value and does not run such statements");
      }
    }
    return problems;
  }

  /** Each var's value, by its placeholder name (lower case). */
  private static Map<String, Object> values(
      Map<String, QueryVar> vars,
      Map<String, Object> activation,
      ProvisioningAction action,
      String file) {
    Map<String, Object> values = new HashMap<>();
    for (QueryVar var : vars.values()) {
      if (var.expression().isEmpty()) {
        throw new ConfigException(
            file
                + ": "
                + var.path()
                + ": '"
                + var.source()
                + "' names an input, which 'sqlfeed "
                + action.yaml()
                + "' does not have (use principal.ID, entitlement.ID, resource.ID ...)");
      }
      Object value;
      try {
        value = var.expression().get().evaluate(activation);
      } catch (MappingException e) {
        throw new MappingException(var.path() + ": " + e.getMessage(), e);
      }
      values.put(var.name().toLowerCase(Locale.ROOT), bindable(var, value));
    }
    return values;
  }

  /** The value as a statement parameter; a list or map is refused, naming the var. */
  static Object bindable(QueryVar var, Object value) {
    if (SqlNull.isNull(value)) {
      return null;
    }
    if (value instanceof String
        || value instanceof Long
        || value instanceof Double
        || value instanceof Boolean
        || value instanceof byte[]
        || value instanceof Instant) {
      return value;
    }
    String what =
        value instanceof List<?>
            ? "a list"
            : value instanceof Map<?, ?> ? "a map" : "a " + value.getClass().getSimpleName();
    throw new MappingException(
        var.path()
            + ": expression '"
            + var.source()
            + "' evaluates to "
            + what
            + "; a statement parameter must be a string, number, bool, bytes, timestamp or null");
  }

  /** {@code query} with each placeholder bound to its var's value (by lower-case name). */
  static PlannedStatement statement(Query query, Map<String, Object> values, String file) {
    List<Object> parameters = new ArrayList<>();
    for (String name : query.sql().parameters()) {
      if (!values.containsKey(name)) {
        // The config's binding already checks this; a guard for configs built in code.
        throw new ConfigException(
            file + ": " + query.path() + ": uses ?<" + name + ">, which is not defined in vars");
      }
      parameters.add(values.get(name));
    }
    return new PlannedStatement(
        query.path(), query.text(), query.sql().jdbcSql(), query.sql().parameters(), parameters);
  }
}
