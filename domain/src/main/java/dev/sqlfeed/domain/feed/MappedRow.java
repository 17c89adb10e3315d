package dev.sqlfeed.domain.feed;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One source row, mapped: its cursor and key, and the events it yields (none when every grant
 * mapping skipped it).
 *
 * @param cursor the row's cursor value
 * @param key the row's primary key value; empty when the source names none, or the row's is NULL or
 *     missing
 * @param rowKey the key as it appears in event ids ({@link EventIds#rowKey}); empty with no key
 * @param events the row's events, in mapping order
 * @param resource for a row-complete source, the resource as the row gives it (no {@code get}
 *     needed); empty otherwise
 */
public record MappedRow(
    Instant cursor,
    Optional<KeyValue> key,
    String rowKey,
    List<FeedEvent> events,
    Optional<RowResource> resource) {
  public MappedRow {
    Objects.requireNonNull(cursor, "cursor");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(rowKey, "rowKey");
    events = List.copyOf(events);
    Objects.requireNonNull(resource, "resource");
  }

  /** A row whose resources, if any, are read again with their {@code get}. */
  public MappedRow(Instant cursor, Optional<KeyValue> key, String rowKey, List<FeedEvent> events) {
    this(cursor, key, rowKey, events, Optional.empty());
  }

  /** The keyset position after this row, when it has a key. */
  public Optional<KeysetPosition> position() {
    return key.map(k -> new KeysetPosition(cursor, k));
  }
}
