package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.EventLogSchema.CURSOR;
import static dev.sqlfeed.jdbc.EventLogSchema.ENTITLEMENT;
import static dev.sqlfeed.jdbc.EventLogSchema.EVENT_ID;
import static dev.sqlfeed.jdbc.EventLogSchema.KIND;
import static dev.sqlfeed.jdbc.EventLogSchema.OBSERVED_AT;
import static dev.sqlfeed.jdbc.EventLogSchema.PRINCIPAL_ID;
import static dev.sqlfeed.jdbc.EventLogSchema.PRINCIPAL_TYPE;
import static dev.sqlfeed.jdbc.EventLogSchema.SEQ;
import static dev.sqlfeed.jdbc.EventLogSchema.SOURCE;
import static dev.sqlfeed.jdbc.StoreSchema.APP;
import static dev.sqlfeed.jdbc.StoreSchema.RESOURCE_ID;
import static dev.sqlfeed.jdbc.StoreSchema.RESOURCE_TYPE;

import dev.sqlfeed.domain.error.StoreException;
import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.ports.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import org.jooq.Record;

/** An event as a row of {@code events}, in {@link EventLogSchema#EVENT_COLUMNS} order, and back. */
final class EventRows {
  /**
   * One digest per thread: looking SHA-256 up among the security providers for every key profiled
   * as a good part of hashing a page's keys, which a page write does twice (look-up, then write).
   */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("every Java platform has SHA-256", e);
            }
          });

  private static final HexFormat HEX = HexFormat.of();

  /** The {@link #timeOrder} of an id with no timestamp. */
  private static final String NO_TIME = "0".repeat(20);

  private EventRows() {}

  /**
   * The unique key of an app's event in {@code events}: 64 characters, a {@link #timeOrder} prefix
   * of 20 digits taken from the id, then the first 44 hex digits (176 bits) of {@link #hash}.
   *
   * <p>The hash alone (schema version 8 and before) put each new event at a random place in the
   * key's unique index, so that once the index outgrew the store's cache every commit wrote back
   * about one index page per event: on SQLite, a 1,000,000-row backlog spent two fifths of its
   * writer's time in commits. Ids carry their row's cursor value, and a cycle reads rows in cursor
   * order, so with the cursor first a page's keys land side by side at the index's end. The prefix
   * only orders keys: two ids are told apart by their hash, and an id with no timestamp in it (a
   * reconciliation's) gets zeros, which is still a key of its own.
   */
  static String key(String app, String eventId) {
    return keyed(app, eventId).key();
  }

  /** An event id with its {@link #key} and its {@link #hash}, from one digest. */
  record Keyed(String id, String key, String hash) {}

  static Keyed keyed(String app, String eventId) {
    String hash = hash(app, eventId);
    return new Keyed(eventId, timeOrder(eventId) + hash.substring(0, 44), hash);
  }

  /**
   * The SHA-256, in lower-case hex (64 characters), of the app name's length, the app name and
   * {@code text}, so that no two (app, text) pairs share a value. The key of {@code
   * delivered_events} and of grant checks, and of {@code events} before schema version 9.
   */
  static String hash(String app, String text) {
    String value = app.length() + ":" + app + ":" + text;
    // digest() resets the digest, so the next key starts afresh.
    return HEX.formatHex(SHA_256.get().digest(value.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The digits of the first timestamp in the id as {@link dev.sqlfeed.domain.feed.CanonicalTime}
   * writes it ({@code 2026-12-04T22:59:31.322371Z}): year, month, day, hours, minutes, seconds and
   * six digits of fraction, 20 in all; zeros when the id holds none.
   */
  static String timeOrder(String id) {
    int at = id.indexOf('T');
    while (at >= 0) {
      int start = at - 10;
      if (start >= 0 && looksLikeTime(id, start)) {
        return digits(id, start);
      }
      at = id.indexOf('T', at + 1);
    }
    return NO_TIME;
  }

  /** {@code dddd-dd-ddTdd:dd:dd} at {@code start}. */
  private static boolean looksLikeTime(String id, int start) {
    String shape = "dddd-dd-ddTdd:dd:dd";
    if (start + shape.length() > id.length()) {
      return false;
    }
    for (int i = 0; i < shape.length(); i++) {
      char want = shape.charAt(i);
      char c = id.charAt(start + i);
      if (want == 'd' ? c < '0' || c > '9' : c != want) {
        return false;
      }
    }
    return true;
  }

  private static String digits(String id, int start) {
    StringBuilder out = new StringBuilder(20);
    int end = start + 19;
    for (int i = start; i < end; i++) {
      char c = id.charAt(i);
      if (c >= '0' && c <= '9') {
        out.append(c);
      }
    }
    int i = end;
    if (i < id.length() && id.charAt(i) == '.') {
      for (i++; i < id.length() && out.length() < 20; i++) {
        char c = id.charAt(i);
        if (c < '0' || c > '9') {
          break;
        }
        out.append(c);
      }
    }
    while (out.length() < 20) {
      out.append('0');
    }
    return out.toString();
  }

  static Object[] row(long seq, String app, String key, FeedEvent event, String observedAt) {
    ResourceRef principal = null;
    String entitlement = null;
    if (event instanceof FeedEvent.GrantEvent g) {
      entitlement = g.entitlement();
      principal = g.principal();
    }
    return BatchStatement.row(
        seq,
        app,
        key,
        event.id(),
        event.kind(),
        event.source(),
        event.resource().resourceType(),
        event.resource().resourceId(),
        entitlement,
        principal == null ? null : principal.resourceType(),
        principal == null ? null : principal.resourceId(),
        EventLogSchema.cursorText(event.cursor()),
        observedAt);
  }

  static StoredEvent read(Record row) {
    long seq = row.get(SEQ);
    String id = row.get(EVENT_ID);
    String source = row.get(SOURCE);
    ResourceRef resource = new ResourceRef(row.get(RESOURCE_TYPE), row.get(RESOURCE_ID));
    Instant cursor = instant(seq, row.get(CURSOR));
    FeedEvent event =
        switch (row.get(KIND)) {
          case "resource_changed" -> new FeedEvent.ResourceChanged(id, source, resource, cursor);
          case "resource_deleted" -> new FeedEvent.ResourceDeleted(id, source, resource, cursor);
          case "grant_created" ->
              new FeedEvent.GrantCreated(
                  id, source, resource, row.get(ENTITLEMENT), principal(row), cursor);
          case "grant_revoked" ->
              new FeedEvent.GrantRevoked(
                  id, source, resource, row.get(ENTITLEMENT), principal(row), cursor);
          default -> throw corrupt(seq, "unknown kind " + row.get(KIND));
        };
    return new StoredEvent(seq, row.get(APP), event, instant(seq, row.get(OBSERVED_AT)));
  }

  private static ResourceRef principal(Record row) {
    return new ResourceRef(row.get(PRINCIPAL_TYPE), row.get(PRINCIPAL_ID));
  }

  private static Instant instant(long seq, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw corrupt(seq, "unreadable time " + text);
    }
  }

  private static StoreException corrupt(long seq, String why) {
    return new StoreException(
        StoreException.Kind.QUERY_FAILED,
        false,
        "the sync store holds an unreadable event (seq " + seq + "): " + why,
        null);
  }
}
