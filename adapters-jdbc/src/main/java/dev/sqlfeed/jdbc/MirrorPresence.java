package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.EventLogSchema.EVENTS;
import static dev.sqlfeed.jdbc.EventLogSchema.KIND;
import static dev.sqlfeed.jdbc.StoreSchema.APP;
import static dev.sqlfeed.jdbc.StoreSchema.RESOURCE_ID;
import static dev.sqlfeed.jdbc.StoreSchema.RESOURCE_TYPE;

import dev.sqlfeed.domain.mirror.ResourceRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Which resources were deleted from an app's mirror: missing from {@code resources} although the
 * event log has a resource event about them. The mirror is read by primary key; the log by its
 * index by resource ({@link EventIndexSchema}), so the second look is a lookup, and only for
 * resources the mirror lacks.
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
    List<ResourceRef> all = List.copyOf(resources);
    Set<ResourceRef> found = new HashSet<>();
    Consumer<Record2<String, String>> add =
        row -> found.add(new ResourceRef(row.value1(), row.value2()));
    for (int from = 0; from < all.size(); from += PER_QUERY) {
      List<Condition> any = new ArrayList<>();
      for (ResourceRef ref : all.subList(from, Math.min(all.size(), from + PER_QUERY))) {
        any.add(RESOURCE_TYPE.eq(ref.resourceType()).and(RESOURCE_ID.eq(ref.resourceId())));
      }
      db.selectDistinct(RESOURCE_TYPE, RESOURCE_ID)
          .from(table)
          .where(APP.eq(app))
          .and(also)
          .and(DSL.or(any))
          .fetch()
          .forEach(add);
    }
    return found;
  }
}
