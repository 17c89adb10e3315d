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

  private EventRows() {}

  /**
   * The unique key of an app's event: the SHA-256, in lower-case hex (64 characters), of the app
   * name's length, the app name and the event id, so that no two (app, id) pairs share a text.
   */
  static String key(String app, String eventId) {
    String text = app.length() + ":" + app + ":" + eventId;
    // digest() resets the digest, so the next key starts afresh.
    return HEX.formatHex(SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
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
