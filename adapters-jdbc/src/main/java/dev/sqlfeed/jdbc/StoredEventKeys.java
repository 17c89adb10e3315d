package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.EventLogSchema.EVENTS;
import static dev.sqlfeed.jdbc.EventLogSchema.EVENT_KEY;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Which of a page's event keys the log already has: the one look-up a page write makes before it
 * decides, event by event, what to append, and the look-up of a page's re-read rows.
 *
 * <p>On PostgreSQL all the keys go in one statement as one array bind value, joined with the log
 * ({@code FROM unnest(?) JOIN events ON event_key = k}); see {@link
 * StoreDialect#looksUpKeysByArray()}. On SQLite they go in one statement as one JSON array ({@code
 * event_key IN (SELECT value FROM json_each(?))}), which SQLite probes the key's index with. The
 * other databases take an IN list of {@link #KEYS_PER_QUERY} keys per statement. Outside PostgreSQL
 * the statement is written once per dialect and run through JDBC directly: rendering an IN list of
 * a thousand bind values through jOOQ for every page profiled as a sixth of a page write, more than
 * the look-up itself. Both tables, the log and the keys a page dropped as delivered by another
 * event, are asked in one statement.
 */
final class StoredEventKeys {
  /** Event keys looked up per statement, well below every database's limit on bind values. */
  private static final int KEYS_PER_QUERY = 1_000;

  private StoredEventKeys() {}

  /**
   * The {@link EventRows#key keys} of the {@code events} that the app's log has, or that a page
   * dropped as delivered by another event ({@link DeliveredSchema}, which keeps {@link
   * EventRows#hash}es), in {@code db}'s transaction. The set may be changed by the caller.
   */
  static Set<String> among(DSLContext db, StoreDialect dialect, List<EventRows.Keyed> events) {
    Map<String, String> byHash = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>(events.size());
    for (EventRows.Keyed event : events) {
      if (byHash.putIfAbsent(event.hash(), event.key()) == null) {
        keys.add(event.key());
      }
    }
    Set<String> stored = new HashSet<>();
    if (keys.isEmpty()) {
      return stored;
    }
    List<String> hashes = List.copyOf(byHash.keySet());
    if (dialect.looksUpKeysByArray()) {
      stored.addAll(byArray(db, keys, EVENTS));
      byArray(db, hashes, DeliveredSchema.DELIVERED).forEach(h -> stored.add(byHash.get(h)));
      return stored;
    }
    if (dialect == StoreDialect.SQLITE) {
      byJsonArray(db, keys, hashes).forEach(k -> stored.add(byHash.getOrDefault(k, k)));
      return stored;
    }
    for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
      int to = Math.min(keys.size(), from + KEYS_PER_QUERY);
      byList(db, keys.subList(from, to), hashes.subList(from, to))
          .forEach(k -> stored.add(byHash.getOrDefault(k, k)));
    }
    return stored;
  }

  private static Set<String> byArray(DSLContext db, List<String> keys, Table<?> table) {
    Table<?> wanted = DSL.unnest(keys.toArray(String[]::new)).as("wanted", "k");
    Field<String> key = wanted.field(0, String.class);
    return new HashSet<>(db.select(key).from(wanted).join(table).on(EVENT_KEY.eq(key)).fetch(key));
  }

  /**
   * SQLite: two JSON arrays, the keys for the log and the hashes for the delivered keys, whose
   * found values come back in one column; the caller maps the hashes back to keys.
   */
  private static Set<String> byJsonArray(DSLContext db, List<String> keys, List<String> hashes) {
    String sql =
        union(db, "IN (SELECT value FROM json_each(?1))", "IN (SELECT value FROM json_each(?2))");
    return query(db, sql, List.of(jsonArray(keys), jsonArray(hashes)));
  }

  private static String jsonArray(List<String> values) {
    StringBuilder json = new StringBuilder(values.size() * 67 + 2).append('[');
    for (String value : values) {
      if (json.length() > 1) {
        json.append(',');
      }
      // Keys and hashes are digits and lower-case hex (EventRows): nothing needs escaping.
      json.append('"').append(value).append('"');
    }
    return json.append(']').toString();
  }

  /**
   * Other databases: an IN list of exactly {@link #KEYS_PER_QUERY} slots, so that every chunk runs
   * the same statement text; a short chunk repeats its last key in the slots it does not fill.
   */
  private static Set<String> byList(DSLContext db, List<String> keys, List<String> hashes) {
    String slots = "IN (" + String.join(",", Collections.nCopies(KEYS_PER_QUERY, "?")) + ")";
    List<String> values = padded(keys);
    values.addAll(padded(hashes));
    return query(db, union(db, slots, slots), values);
  }

  private static List<String> padded(List<String> chunk) {
    List<String> padded = new ArrayList<>(KEYS_PER_QUERY);
    padded.addAll(chunk);
    padded.addAll(Collections.nCopies(KEYS_PER_QUERY - chunk.size(), chunk.get(chunk.size() - 1)));
    return padded;
  }

  private static String union(DSLContext db, String inEvents, String inDelivered) {
    String key = db.render(DSL.name(EVENT_KEY.getName()));
    return "SELECT "
        + key
        + " FROM "
        + db.render(EVENTS)
        + " WHERE "
        + key
        + " "
        + inEvents
        + " UNION ALL SELECT "
        + key
        + " FROM "
        + db.render(DeliveredSchema.DELIVERED)
        + " WHERE "
        + key
        + " "
        + inDelivered;
  }

  private static Set<String> query(DSLContext db, String sql, List<String> values) {
    return db.connectionResult(
        connection -> {
          Set<String> stored = new HashSet<>();
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
              statement.setString(i + 1, values.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                stored.add(rows.getString(1));
              }
            }
          }
          return stored;
        });
  }
}
