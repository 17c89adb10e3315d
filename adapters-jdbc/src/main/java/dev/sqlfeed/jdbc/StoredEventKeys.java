package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.EventLogSchema.EVENTS;
import static dev.sqlfeed.jdbc.EventLogSchema.EVENT_KEY;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Which of a page's event keys the log already has: the one look-up a page write makes before it
 * decides, event by event, what to append.
 *
 * <p>On PostgreSQL all the keys go in one statement as one array bind value, joined with the log
 * ({@code FROM unnest(?) JOIN events ON event_key = k}); see {@link
 * StoreDialect#looksUpKeysByArray()}. The other databases take an IN list of {@link
 * #KEYS_PER_QUERY} keys per statement.
 */
final class StoredEventKeys {
  /** Event keys looked up per statement, well below every database's limit on bind values. */
  private static final int KEYS_PER_QUERY = 1_000;

  private StoredEventKeys() {}

  /**
   * The keys among {@code keys} that the log has, or that a page dropped as delivered by another
   * event ({@link DeliveredSchema}), in {@code db}'s transaction.
   */
  static Set<String> among(DSLContext db, StoreDialect dialect, List<String> keys) {
    Set<String> stored = among(db, dialect, keys, EVENTS);
    stored.addAll(among(db, dialect, keys, DeliveredSchema.DELIVERED));
    return stored;
  }

  private static Set<String> among(
      DSLContext db, StoreDialect dialect, List<String> keys, Table<?> table) {
    List<String> distinct = List.copyOf(new HashSet<>(keys));
    Set<String> stored = new HashSet<>();
    if (distinct.isEmpty()) {
      return stored;
    }
    if (dialect.looksUpKeysByArray()) {
      Table<?> wanted = DSL.unnest(distinct.toArray(String[]::new)).as("wanted", "k");
      Field<String> key = wanted.field(0, String.class);
      stored.addAll(db.select(key).from(wanted).join(table).on(EVENT_KEY.eq(key)).fetch(key));
      return stored;
    }
    for (int from = 0; from < distinct.size(); from += KEYS_PER_QUERY) {
      List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + KEYS_PER_QUERY));
      stored.addAll(db.select(EVENT_KEY).from(table).where(EVENT_KEY.in(chunk)).fetch(EVENT_KEY));
    }
    return stored;
  }
}
