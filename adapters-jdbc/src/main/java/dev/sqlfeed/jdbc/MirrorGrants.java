package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.EventLogSchema.EVENTS;
import static dev.sqlfeed.jdbc.EventLogSchema.EVENT_ID;
import static dev.sqlfeed.jdbc.EventLogSchema.KIND;
import static dev.sqlfeed.jdbc.EventLogSchema.SEQ;
import static dev.sqlfeed.jdbc.StoreSchema.APP;
import static dev.sqlfeed.jdbc.StoreSchema.ENTITLEMENT;
import static dev.sqlfeed.jdbc.StoreSchema.PRINCIPAL_ID;
import static dev.sqlfeed.jdbc.StoreSchema.PRINCIPAL_TYPE;
import static dev.sqlfeed.jdbc.StoreSchema.RESOURCE_ID;
import static dev.sqlfeed.jdbc.StoreSchema.RESOURCE_TYPE;

import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.ports.feed.GrantRestorer;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The grants a page that restores grants needs to know of: those the mirror holds on the resources
 * it changed ({@link dev.sqlfeed.ports.EventLog#grantsInMirror}), and those whose last grant event
 * in the log is a restore ({@link dev.sqlfeed.ports.RestoredGrants}). The mirror is read by primary
 * key and the log by its index by resource ({@link EventIndexSchema}), a bounded number of keys per
 * statement.
 */
final class MirrorGrants {
  /** Grants per statement: five bind values each, well below every database's limit. */
  private static final int PER_QUERY = 100;

  private MirrorGrants() {}

  static Map<ResourceRef, Set<Grant>> on(
      DSLContext db, String app, Collection<ResourceRef> resources) {
    Map<ResourceRef, Set<Grant>> out = new HashMap<>();
    inBatches(
        resources,
        KeyConditions::resource,
        any ->
            db.selectDistinct(RESOURCE_TYPE, RESOURCE_ID)
                .from(MirrorTable.RESOURCES.mirror())
                .where(APP.eq(app))
                .and(any)
                .fetch()
                .forEach(
                    r -> out.put(new ResourceRef(r.value1(), r.value2()), new LinkedHashSet<>())));
    inBatches(
        new HashSet<>(resources),
        KeyConditions::resource,
        any ->
            db.select(MirrorTable.GRANTS.columns())
                .from(MirrorTable.GRANTS.mirror())
                .where(APP.eq(app))
                .and(any)
                .fetch()
                .forEach(
                    r -> {
                      Grant g = grant(r);
                      out.computeIfAbsent(g.resource(), k -> new LinkedHashSet<>()).add(g);
                    }));
    return out;
  }

  static Map<Grant, Long> restored(DSLContext db, String app, Collection<Grant> grants) {
    Set<Grant> held = new HashSet<>();
    inBatches(
        new HashSet<>(grants),
        MirrorGrants::grant,
        any ->
            db.select(MirrorTable.GRANTS.columns())
                .from(MirrorTable.GRANTS.mirror())
                .where(APP.eq(app))
                .and(any)
                .fetch()
                .forEach(r -> held.add(grant(r))));
    Map<Grant, Long> lastSeq = new HashMap<>();
    Map<Grant, String> lastId = new HashMap<>();
    inBatches(
        held,
        MirrorGrants::grant,
        any ->
            db.select(
                    List.of(
                        SEQ,
                        EVENT_ID,
                        RESOURCE_TYPE,
                        RESOURCE_ID,
                        ENTITLEMENT,
                        PRINCIPAL_TYPE,
                        PRINCIPAL_ID))
                .from(EVENTS)
                .where(APP.eq(app))
                .and(KIND.in("grant_created", "grant_revoked"))
                .and(any)
                .fetch()
                .forEach(
                    r -> {
                      Grant g = grant(r);
                      Long seq = r.get(SEQ);
                      if (lastSeq.getOrDefault(g, Long.MIN_VALUE) < seq) {
                        lastSeq.put(g, seq);
                        lastId.put(g, r.get(EVENT_ID));
                      }
                    }));
    Map<Grant, Long> restored = new HashMap<>();
    lastId.forEach(
        (g, id) -> {
          if (id.startsWith(GrantRestorer.PREFIX)) {
            restored.put(g, lastSeq.get(g));
          }
        });
    return restored;
  }

  private static <T> void inBatches(
      Collection<T> all, Function<T, Condition> match, Consumer<Condition> run) {
    KeyConditions.anyOf(all, PER_QUERY, match).forEach(run);
  }

  private static Condition grant(Grant g) {
    return KeyConditions.resource(g.resource())
        .and(ENTITLEMENT.eq(g.entitlement()))
        .and(PRINCIPAL_TYPE.eq(g.principal().resourceType()))
        .and(PRINCIPAL_ID.eq(g.principal().resourceId()));
  }

  private static Grant grant(Record r) {
    return new Grant(
        new ResourceRef(r.get(RESOURCE_TYPE), r.get(RESOURCE_ID)),
        r.get(ENTITLEMENT),
        new ResourceRef(r.get(PRINCIPAL_TYPE), r.get(PRINCIPAL_ID)));
  }
}
