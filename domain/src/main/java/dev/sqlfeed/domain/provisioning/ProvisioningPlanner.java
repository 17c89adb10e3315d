package dev.sqlfeed.domain.provisioning;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.QueryVar;
import dev.sqlfeed.domain.config.provisioning.EntitlementProvisioning;
import dev.sqlfeed.domain.config.provisioning.GrantProvisioning;
import dev.sqlfeed.domain.config.provisioning.ProvisioningQueries;
import dev.sqlfeed.domain.config.provisioning.RevokeOptions;
import dev.sqlfeed.domain.error.ConfigException;
import dev.sqlfeed.domain.error.MappingException;
import dev.sqlfeed.domain.mapping.Activation;
import dev.sqlfeed.domain.query.PastedValues;
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
 * var's value; a {@code ?<var|unquoted>} or {@code ?<var|identifier>} pastes it into the text
 * instead ({@link PastedValues}). The block's {@code validation_queries} become checks that must
 * each return a row before any statement runs; a grant's {@code reject_if} and {@code
 * grant_replace} and a revoke's principal check are planned alongside (see {@link
 * ProvisioningPlan}).
 */
public final class ProvisioningPlanner {
  private ProvisioningPlanner() {}

  /**
   * The plan of a grant or revoke.
   *
   * @param file the config file as the user named it, for messages
   * @throws ConfigException (exit 2) naming the config path when the entitlement has no such block
   *     or the block has no queries
   * @throws MappingException (exit 1) naming the var's path when a var fails to evaluate or its
   *     value cannot be bound or pasted
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
    Optional<GrantProvisioning> grant =
        action == ProvisioningAction.GRANT ? provisioning.grant() : Optional.empty();
    Optional<ProvisioningPlan.Rejection> rejectIf =
        grant
            .flatMap(GrantProvisioning::rejectIf)
            .map(
                r ->
                    new ProvisioningPlan.Rejection(statement(r.query(), values, file), r.reason()));
    Optional<ProvisioningPlan.Replacement> replace =
        grant
            .flatMap(GrantProvisioning::grantReplace)
            .map(
                r ->
                    new ProvisioningPlan.Replacement(
                        statement(r.query(), values, file),
                        r.map(),
                        entitlement.resourceType(),
                        r.path()));
    Optional<Query> principalCheck =
        action == ProvisioningAction.REVOKE
            ? block
                .revokeOptions()
                .flatMap(RevokeOptions::principalExistsCheck)
                .or(block::principalDeletedCheck)
            : Optional.empty();
    return new ProvisioningPlan(
        action,
        entitlement,
        principal,
        block.path(),
        !block.noTransaction(),
        rejectIf,
        replace,
        statements(block.validationQueries(), values, file),
        block.validationQueriesSignalIdempotency(),
        statements(block.queries(), values, file),
        principalCheck.map(q -> statement(q, values, file)));
  }

  /**
   * What the block says that has no effect on this run, one line each: a grant's {@code
   * principal_deleted_check} (baton-sql runs it after revokes only).
   */
  public static List<String> warnings(
      Config config, ProvisioningAction action, EntitlementTarget entitlement, String file) {
    ProvisioningQueries block =
        block(ProvisionedEntitlements.find(config, entitlement, file).provisioning(), action, file);
    List<String> warnings = new ArrayList<>();
    if (action == ProvisioningAction.GRANT && block.principalDeletedCheck().isPresent()) {
      warnings.add(
          file
              + ": "
              + block.path()
              + ".principal_deleted_check: has no effect on a grant (it runs after a revoke)");
    }
    return warnings;
  }

  private static List<PlannedStatement> statements(
      List<Query> queries, Map<String, Object> values, String file) {
    List<PlannedStatement> planned = new ArrayList<>();
    for (Query query : queries) {
      planned.add(statement(query, values, file));
    }
    return planned;
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

  /**
   * One problem for each {@code ?<name|unquoted>} or {@code ?<name|identifier>} of {@code queries}:
   * for the commands that bind every value (account provisioning, where the generated password must
   * never reach the SQL text).
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

  /**
   * {@code query} with each placeholder bound to its var's value (by lower-case name), and each
   * inline placeholder's value kept for pasting.
   */
  static PlannedStatement statement(Query query, Map<String, Object> values, String file) {
    List<Object> parameters = new ArrayList<>();
    for (String name : query.sql().parameters()) {
      parameters.add(value(query, name, values, file));
    }
    Map<String, Object> pasted = new HashMap<>();
    for (SqlTemplate.Placeholder p : query.sql().inlinePlaceholders()) {
      Object value = value(query, p.name(), values, file);
      String why = PastedValues.check(p, value);
      if (why != null) {
        throw new MappingException(file + ": " + query.path() + ": " + why);
      }
      pasted.put(p.name(), value);
    }
    return new PlannedStatement(
        query.path(),
        query.text(),
        query.sql().jdbcSql(),
        query.sql().parameters(),
        parameters,
        pasted);
  }

  private static Object value(Query query, String name, Map<String, Object> values, String file) {
    if (!values.containsKey(name)) {
      // The config's binding already checks this; a guard for configs built in code.
      throw new ConfigException(
          file + ": " + query.path() + ": uses ?<" + name + ">, which is not defined in vars");
    }
    return values.get(name);
  }
}
