package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.EventLogSchema.EVENTS;
import static dev.sqlfeed.jdbc.EventLogSchema.EVENT_KEY;
import static dev.sqlfeed.jdbc.EventLogSchema.SEQ;
import static dev.sqlfeed.jdbc.StoreSchema.APP;
import static dev.sqlfeed.jdbc.StoreSchema.ENTITLEMENT;
import static dev.sqlfeed.jdbc.StoreSchema.PRINCIPAL_ID;
import static dev.sqlfeed.jdbc.StoreSchema.PRINCIPAL_TYPE;
import static dev.sqlfeed.jdbc.StoreSchema.RESOURCE_ID;
import static dev.sqlfeed.jdbc.StoreSchema.RESOURCE_TYPE;

import dev.sqlfeed.domain.mirror.Entitlement;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.ports.MirrorChange;
import dev.sqlfeed.ports.Restatements;
import dev.sqlfeed.ports.SourceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Decides, inside a page's transaction, what happens to an event whose id the app's log has: the
 * one place where {@link JooqEventLog} applies {@link Restatements}. The mirror it checks must
 * already hold the changes of the page's earlier events; the events appended earlier in the page
 * but not yet inserted are passed in with their seqs.
 *
 * <p>It reads by key only (the unique event key, the mirror's primary keys), and only for
 * duplicates whose changes would change the mirror does it look at more than the mirror rows the
 * event touches.
 */
final class DuplicateEvents {
  private final DSLContext db;
  private final String app;
  private final Map<String, Long> pageSeqs;

  /**
   * @param pageSeqs the seqs of the events appended earlier in the page, by event key
   */
  DuplicateEvents(DSLContext db, String app, Map<String, Long> pageSeqs) {
    this.db = db;
    this.app = app;
    this.pageSeqs = pageSeqs;
  }

  /** The id to append the event under, or empty to drop it. */
  Optional<String> restatedId(SourceEvent event) {
    return Restatements.restatedId(event.event(), changesMirror(event), this::seqOf);
  }

  /** Whether any of the event's changes would change the mirror as it is. */
  boolean changesMirror(SourceEvent event) {
    for (MirrorChange change : event.changes()) {
      if (changes(change)) {
        return true;
      }
    }
    return false;
  }

  private OptionalLong seqOf(String id) {
    String key = EventRows.key(app, id);
    Long inPage = pageSeqs.get(key);
    if (inPage != null) {
      return OptionalLong.of(inPage);
    }
    Long stored = db.select(SEQ).from(EVENTS).where(EVENT_KEY.eq(key)).fetchOne(SEQ);
    if (stored == null) {
      stored =
          db.select(SEQ)
              .from(DeliveredSchema.DELIVERED)
              .where(EVENT_KEY.eq(EventRows.hash(app, id)))
              .fetchOne(SEQ);
    }
    return stored == null ? OptionalLong.empty() : OptionalLong.of(stored);
  }

  /** Whether applying the change alone to the mirror as it is would change the mirror. */
  private boolean changes(MirrorChange change) {
    if (change instanceof MirrorChange.PutResource put) {
      ResourceRef ref = put.resource().resource();
      List<String> stored = rowOf(MirrorTable.RESOURCES, ofResource(ref));
      if (!MirrorTable.values(put).equals(stored)) {
        return true;
      }
      // A resource's entitlements may name one twice; the last one is kept, as when applied.
      Map<String, List<String>> wanted = new HashMap<>();
      for (Entitlement e : put.entitlements()) {
        wanted.put(e.entitlement(), MirrorTable.ENTITLEMENTS.values(e));
      }
      Set<List<String>> have = new HashSet<>(rowsOf(MirrorTable.ENTITLEMENTS, ofResource(ref)));
      return !have.equals(new HashSet<>(wanted.values()));
    }
    if (change instanceof MirrorChange.DeleteResource delete) {
      Condition of = ofResource(delete.resource());
      return has(MirrorTable.RESOURCES, of)
          || has(MirrorTable.ENTITLEMENTS, of)
          || has(MirrorTable.GRANTS, of);
    }
    if (change instanceof MirrorChange.PutGrant put) {
      return !has(MirrorTable.GRANTS, ofGrant(put.grant()));
    }
    return has(MirrorTable.GRANTS, ofGrant(((MirrorChange.DeleteGrant) change).grant()));
  }

  private Condition ofResource(ResourceRef ref) {
    return APP.eq(app)
        .and(RESOURCE_TYPE.eq(ref.resourceType()))
        .and(RESOURCE_ID.eq(ref.resourceId()));
  }

  private Condition ofGrant(Grant grant) {
    return ofResource(grant.resource())
        .and(ENTITLEMENT.eq(grant.entitlement()))
        .and(PRINCIPAL_TYPE.eq(grant.principal().resourceType()))
        .and(PRINCIPAL_ID.eq(grant.principal().resourceId()));
  }

  private boolean has(MirrorTable table, Condition condition) {
    return db.fetchExists(db.selectOne().from(table.mirror()).where(condition));
  }

  private List<String> rowOf(MirrorTable table, Condition condition) {
    List<List<String>> rows = rowsOf(table, condition);
    return rows.isEmpty() ? null : rows.get(0);
  }

  private List<List<String>> rowsOf(MirrorTable table, Condition condition) {
    List<List<String>> rows = new ArrayList<>();
    for (Record row : db.select(table.columns()).from(table.mirror()).where(condition).fetch()) {
      List<String> values = new ArrayList<>(table.columns().size());
      table.columns().forEach(column -> values.add(row.get(column)));
      rows.add(values);
    }
    return rows;
  }
}
