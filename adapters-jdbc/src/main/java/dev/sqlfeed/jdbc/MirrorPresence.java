package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.StoreSchema.APP;
import static dev.sqlfeed.jdbc.StoreSchema.RESOURCE_ID;
import static dev.sqlfeed.jdbc.StoreSchema.RESOURCE_TYPE;

import dev.sqlfeed.domain.mirror.ResourceRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Which resources an app's mirror holds, looked up by primary key a chunk at a time. */
final class MirrorPresence {
  /** Resources per statement: two bind values each, well below every database's limit. */
  private static final int PER_QUERY = 200;

  private MirrorPresence() {}

  static Set<ResourceRef> of(DSLContext db, String app, Collection<ResourceRef> resources) {
    List<ResourceRef> all = List.copyOf(new HashSet<>(resources));
    Set<ResourceRef> present = new HashSet<>();
    for (int from = 0; from < all.size(); from += PER_QUERY) {
      List<Condition> any = new ArrayList<>();
      for (ResourceRef ref : all.subList(from, Math.min(all.size(), from + PER_QUERY))) {
        any.add(RESOURCE_TYPE.eq(ref.resourceType()).and(RESOURCE_ID.eq(ref.resourceId())));
      }
      db.select(RESOURCE_TYPE, RESOURCE_ID)
          .from(MirrorTable.RESOURCES.mirror())
          .where(APP.eq(app))
          .and(DSL.or(any))
          .fetch()
          .forEach(row -> present.add(new ResourceRef(row.value1(), row.value2())));
    }
    return present;
  }
}
