package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.StoreSchema.RESOURCE_ID;
import static dev.sqlfeed.jdbc.StoreSchema.RESOURCE_TYPE;

import dev.sqlfeed.domain.mirror.ResourceRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * Look-ups of many rows by key in a few statements: the keys' conditions OR'ed together, so many to
 * a statement that each stays well below every database's limit on bind values.
 */
final class KeyConditions {
  private KeyConditions() {}

  /**
   * Conditions that each match up to {@code perStatement} of {@code keys}: the caller picks it so
   * that the bind values of a statement stay below 999, SQLite's oldest limit.
   */
  static <T> List<Condition> anyOf(
      Collection<T> keys, int perStatement, Function<T, Condition> match) {
    List<T> all = List.copyOf(keys);
    List<Condition> conditions = new ArrayList<>();
    for (int from = 0; from < all.size(); from += perStatement) {
      List<Condition> any = new ArrayList<>();
      for (T key : all.subList(from, Math.min(all.size(), from + perStatement))) {
        any.add(match.apply(key));
      }
      conditions.add(DSL.or(any));
    }
    return conditions;
  }

  /** A mirror row of the resource (its own row, or one of its entitlements or grants). */
  static Condition resource(ResourceRef ref) {
    return RESOURCE_TYPE.eq(ref.resourceType()).and(RESOURCE_ID.eq(ref.resourceId()));
  }
}
