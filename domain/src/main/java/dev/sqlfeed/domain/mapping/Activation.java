package dev.sqlfeed.domain.mapping;

import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import dev.sqlfeed.domain.value.SourceRow;
import dev.sqlfeed.domain.value.Values;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the variables an {@link Expression} is evaluated with, the way baton-sql's {@code
 * pkg/bcel} fills them.
 *
 * <p>Every expression is compiled against the same five variables, each a {@code map(string, dyn)};
 * which of them have a value depends on the mapping being evaluated:
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><th>variable</th><th>set in</th><th>holds</th></tr>
 *   <tr><td>{@code cols}</td><td>every mapping (an empty map for static entitlements)</td>
 *       <td>the current row: column label to normalised value</td></tr>
 *   <tr><td>{@code resource}</td><td>entitlement, static entitlement and grant mappings</td>
 *       <td>the resource whose entitlements or grants are being read: {@code ID}, {@code Type}
 *       (also as {@code ResourceTypeID}, its older name), {@code DisplayName}, {@code profile}
 *       (a map, empty when the resource has none)</td></tr>
 *   <tr><td>{@code principal}, {@code entitlement}</td>
 *       <td>an entitlement's {@code provisioning.vars} ({@code sqlfeed grant} and {@code revoke},
 *       see {@link #forProvisioning}); {@code resource} is then the entitlement's resource</td>
 *       <td>{@code principal}: {@code ID}, {@code Type}; {@code entitlement}: {@code ID}, the
 *       entitlement's id as in baton-sql; {@code resource}: {@code ID}, {@code Type}</td></tr>
 *   <tr><td>{@code input}</td>
 *       <td>baton-sql's actions and account provisioning only</td>
 *       <td>the fields of a new account ({@code sqlfeed account create}); elsewhere declared so
 *       that such configs compile, and an expression that reads it fails when evaluated</td></tr>
 * </table>
 *
 * <p>A row column is read as {@code .name} (baton-sql's shorthand, rewritten to {@code
 * cols['name']}), {@code cols['name']} or {@code cols.name}; {@code has(cols.name)} tests whether
 * the row has it. SQL {@code NULL} is CEL {@code null}.
 *
 * <p>The maps returned here are what {@link Expression#evaluate} and friends take. Build the {@code
 * resource} variable once per resource with {@link #resource} and reuse it for all its rows.
 */
public final class Activation {
  /** The current row. */
  public static final String COLS = "cols";

  /** The resource whose entitlements or grants are being mapped. */
  public static final String RESOURCE = "resource";

  /** Entitlement provisioning: the principal being granted to or revoked from. */
  public static final String PRINCIPAL = "principal";

  /** Entitlement provisioning: the entitlement being granted or revoked. */
  public static final String ENTITLEMENT = "entitlement";

  /**
   * baton-sql actions and account provisioning: the caller's arguments (a new account's fields).
   */
  public static final String INPUT = "input";

  private Activation() {}

  /**
   * The variables for one row of a resource type's list (or get, or incremental) query: {@code
   * cols} only.
   *
   * @param columns column label to value, normally already normalised by {@link Values}; values
   *     that are not (a raw {@code null}, an {@code Integer}, a {@code byte[]} ...) are converted,
   *     at the cost of a copy of the map
   */
  public static Map<String, Object> forRow(Map<String, ?> columns) {
    return Map.of(COLS, celSafe(columns));
  }

  /** {@link #forRow(Map)} for a {@link SourceRow}. */
  public static Map<String, Object> forRow(SourceRow row) {
    return forRow(row.asMap());
  }

  /**
   * The variables for one row of an entitlements or grants query: {@code cols} and {@code
   * resource}.
   *
   * @param resource built by {@link #resource}
   */
  public static Map<String, Object> forRow(Map<String, ?> columns, Map<String, Object> resource) {
    return Map.of(COLS, celSafe(columns), RESOURCE, Objects.requireNonNull(resource, "resource"));
  }

  /**
   * The variables for a static entitlement of a resource: {@code resource}, and {@code cols} as an
   * empty map.
   *
   * @param resource built by {@link #resource}
   */
  public static Map<String, Object> forResource(Map<String, Object> resource) {
    return Map.of(COLS, Map.of(), RESOURCE, Objects.requireNonNull(resource, "resource"));
  }

  /**
   * The variables of an entitlement's {@code provisioning.vars}, as baton-sql's {@code
   * ProvisioningInputs} fills them: {@code principal} ({@code ID}, {@code Type}), {@code
   * entitlement} ({@code ID}: the entitlement's own id, the last part of {@code TYPE:ID:ENT}),
   * {@code resource} ({@code ID}, {@code Type}: the resource the entitlement is on), and {@code
   * cols} as an empty map.
   */
  public static Map<String, Object> forProvisioning(
      String principalType,
      String principalId,
      String resourceType,
      String resourceId,
      String entitlementId) {
    return Map.of(
        COLS,
        Map.of(),
        PRINCIPAL,
        Map.of("ID", principalId, "Type", principalType),
        ENTITLEMENT,
        Map.of("ID", entitlementId),
        RESOURCE,
        Map.of("ID", resourceId, "Type", resourceType));
  }

  /**
   * The {@code resource} variable: {@code ID}, {@code Type}, {@code ResourceTypeID} (the same as
   * {@code Type}), {@code DisplayName} ({@code ""} when null) and {@code profile} (normalised;
   * empty when null).
   */
  public static Map<String, Object> resource(
      String id, String type, String displayName, Map<String, ?> profile) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    return Map.of(
        "ID",
        id,
        "Type",
        type,
        "ResourceTypeID",
        type,
        "DisplayName",
        displayName == null ? "" : displayName,
        "profile",
        profile == null ? Map.of() : toCel(profile));
  }

  /**
   * The map itself when every value is one the CEL runtime takes as it is, else a converted copy.
   */
  static Map<String, ?> celSafe(Map<String, ?> columns) {
    Objects.requireNonNull(columns, "columns");
    for (Object value : columns.values()) {
      if (!isCelSafe(value)) {
        @SuppressWarnings("unchecked")
        Map<String, ?> converted = (Map<String, ?>) toCel(columns);
        return converted;
      }
    }
    return columns;
  }

  private static boolean isCelSafe(Object value) {
    if (value instanceof String
        || value instanceof Long
        || value instanceof Boolean
        || value instanceof Double
        || value instanceof Instant
        || value instanceof NullValue
        || value instanceof CelByteString
        || value instanceof Duration) {
      return true;
    }
    if (value instanceof List<?> list) {
      return list.stream().allMatch(Activation::isCelSafe);
    }
    if (value instanceof Map<?, ?> map) {
      return map.keySet().stream().allMatch(String.class::isInstance)
          && map.values().stream().allMatch(Activation::isCelSafe);
    }
    return false;
  }

  /**
   * Normalises and, because the standard CEL runtime cannot apply {@code string()} or compare a
   * {@code byte[]}, wraps bytes as {@link CelByteString}.
   */
  private static Object toCel(Object value) {
    if (value instanceof CelByteString || value instanceof Duration) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((key, element) -> out.put(String.valueOf(key), toCel(element)));
      return Collections.unmodifiableMap(out);
    }
    Object normal = value instanceof List<?> ? value : Values.normalise(value);
    if (normal instanceof byte[] bytes) {
      return CelByteString.of(bytes);
    }
    if (normal instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(element -> out.add(toCel(element)));
      return Collections.unmodifiableList(out);
    }
    return normal;
  }
}
