package dev.sqlfeed.domain.feed;

import dev.sqlfeed.domain.value.SqlNull;
import dev.sqlfeed.domain.value.Values;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * The deterministic ids of feed events, in baton-sql's formats ({@code pkg/bsql/event_feed.go}):
 *
 * <pre>
 * resource:&lt;type&gt;:&lt;resourceId&gt;:&lt;ts&gt;:&lt;rowKey&gt;
 * grant:&lt;type&gt;:&lt;resourceId&gt;:&lt;principalId&gt;:&lt;ts&gt;:&lt;rowKey&gt;
 * revoke:&lt;type&gt;:&lt;resourceId&gt;:&lt;principalId&gt;:&lt;ts&gt;:&lt;rowKey&gt;
 * </pre>
 *
 * <p>{@code ts} is the row's cursor value in {@link CanonicalTime} and {@code rowKey} the row's
 * {@code pagination.primary_key} value as text ({@link #rowKey}), so reading the same row again
 * gives the same id and the event log drops the copy.
 *
 * <p>One deliberate addition: baton-sql's grant and revoke ids leave the entitlement out, so two
 * mappings of one grants query that give the same principal on the same row (a user who is both
 * {@code member} and {@code admin} by one membership row) get one id, and the log would keep only
 * the first grant. The first mapping (index 0) keeps baton-sql's id exactly; each later mapping
 * appends {@code :m<index>}, its position in the query's {@code map}. The index, not a count of the
 * grants the row produced, is used so that a {@code skip_if} that skips an earlier mapping on a
 * later read does not shift the ids of the others. Reordering a query's mappings therefore changes
 * ids (the grants are appended once more, with no harm to the mirror).
 *
 * <p>Ids are not escaped, as in baton-sql: an id that contains {@code :} can in principle collide
 * with another split differently; the row key makes that practically impossible where a primary key
 * is configured.
 */
public final class EventIds {
  private EventIds() {}

  /** {@code resource:<type>:<resourceId>:<ts>:<rowKey>}. */
  public static String resourceChanged(
      String resourceType, String resourceId, Instant cursor, String rowKey) {
    return join("resource", resourceType, resourceId, CanonicalTime.format(cursor), rowKey);
  }

  /**
   * {@code resource_deleted:<type>:<resourceId>:<ts>:<rowKey>}: sqlfeed's own kind (baton-sql has
   * none), in the same shape as {@link #resourceChanged}.
   */
  public static String resourceDeleted(
      String resourceType, String resourceId, Instant cursor, String rowKey) {
    return join("resource_deleted", resourceType, resourceId, CanonicalTime.format(cursor), rowKey);
  }

  /**
   * {@code grant:<type>:<resourceId>:<principalId>:<ts>:<rowKey>}, then {@code :m<mapping>} for a
   * mapping after the first.
   *
   * @param mapping the index of the grant mapping in the grants query's {@code map}
   */
  public static String grantCreated(
      String resourceType,
      String resourceId,
      String principalId,
      Instant cursor,
      String rowKey,
      int mapping) {
    return grant("grant", resourceType, resourceId, principalId, cursor, rowKey, mapping);
  }

  /** As {@link #grantCreated}, with the prefix {@code revoke}. */
  public static String grantRevoked(
      String resourceType,
      String resourceId,
      String principalId,
      Instant cursor,
      String rowKey,
      int mapping) {
    return grant("revoke", resourceType, resourceId, principalId, cursor, rowKey, mapping);
  }

  /**
   * A row's key value as it appears in an id: integers in exact decimal digits (also beyond 2^53
   * and beyond {@code long}, never through a double), strings as they are, other numbers in plain
   * decimal without trailing zeros ({@code 99.0} is {@code 99}, as in baton-sql; {@code 1.5} stays
   * {@code 1.5} where baton-sql truncates it to {@code 1}), booleans as {@code true}/{@code false},
   * bytes as UTF-8, timestamps in {@link CanonicalTime}, and SQL NULL or no key as the empty
   * string.
   */
  public static String rowKey(Object value) {
    Object v = value == null ? null : Values.normalise(value);
    if (SqlNull.isNull(v)) {
      return "";
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Long l) {
      return Long.toString(l);
    }
    if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        return Double.toString(d);
      }
      return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
    if (v instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (v instanceof Instant instant) {
      return CanonicalTime.format(instant);
    }
    return String.valueOf(v);
  }

  private static String grant(
      String prefix,
      String resourceType,
      String resourceId,
      String principalId,
      Instant cursor,
      String rowKey,
      int mapping) {
    if (mapping < 0) {
      throw new IllegalArgumentException("mapping index must not be negative: " + mapping);
    }
    String id =
        join(
            prefix,
            resourceType,
            resourceId,
            Objects.requireNonNull(principalId, "principalId"),
            CanonicalTime.format(cursor),
            rowKey);
    return mapping == 0 ? id : id + ":m" + mapping;
  }

  private static String join(String... parts) {
    for (String part : parts) {
      Objects.requireNonNull(part, "id part");
    }
    return String.join(":", parts);
  }
}
