package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.EventLogSchema.EVENTS;
import static dev.sqlfeed.jdbc.EventLogSchema.KIND;
import static dev.sqlfeed.jdbc.StoreSchema.APP;
import static dev.sqlfeed.jdbc.StoreSchema.RESOURCE_ID;
import static dev.sqlfeed.jdbc.StoreSchema.RESOURCE_TYPE;

import dev.sqlfeed.domain.mirror.Resource;
import dev.sqlfeed.domain.mirror.ResourceRef;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Which resources an app's mirror holds, and which were deleted from it: missing from {@code
 * resources} although the event log has a resource event about them. The mirror is read by primary
 * key; the log by its index by resource ({@link EventIndexSchema}), so the second look is a lookup,
 * and only for resources the mirror lacks.
 */
final class MirrorPresence {
  /** Resources per statement: two bind values each, well below every database's limit. */
  private static final int PER_QUERY = 200;

  private MirrorPresence() {}

  static Set<ResourceRef> deleted(DSLContext db, String app, Collection<ResourceRef> resources) {
    Set<ResourceRef> absent = new HashSet<>(resources);
    absent.removeAll(found(db, app, absent, MirrorTable.RESOURCES.mirror(), DSL.noCondition()));
    return found(db, app, absent, EVENTS, KIND.in("resource_changed", "resource_deleted"));
  }

  /** Those of {@code resources} that {@code table} has a row of the app about. */
  private static Set<ResourceRef> found(
      DSLContext db,
      String app,
      Collection<ResourceRef> resources,
      Table<?> table,
      Condition also) {
    Set<ResourceRef> found = new HashSet<>();
    Consumer<Record2<String, String>> add =
        row -> found.add(new ResourceRef(row.value1(), row.value2()));
    for (Condition any : anyOf(resources)) {
      db.selectDistinct(RESOURCE_TYPE, RESOURCE_ID)
          .from(table)
          .where(APP.eq(app))
          .and(also)
          .and(any)
          .fetch()
          .forEach(add);
    }
    return found;
  }

  /** Those of {@code resources} that the app's mirror holds, as it holds them. */
  static Map<ResourceRef, Resource> resources(
      DSLContext db, String app, Collection<ResourceRef> resources) {
    Map<ResourceRef, Resource> found = new HashMap<>();
    MirrorTable table = MirrorTable.RESOURCES;
    for (Condition any : anyOf(resources)) {
      db.select(table.columns())
          .from(table.mirror())
          .where(APP.eq(app))
          .and(any)
          .fetch()
          .forEach(
              row -> {
                Resource resource = (Resource) table.read(row);
                found.put(resource.resource(), resource);
              });
    }
    return found;
  }

  private static List<Condition> anyOf(Collection<ResourceRef> resources) {
    return KeyConditions.anyOf(resources, PER_QUERY, KeyConditions::resource);
  }
}
