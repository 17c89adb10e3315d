package dev.sqlfeed.domain.feed;

import dev.sqlfeed.domain.config.grant.GrantMapping;
import dev.sqlfeed.domain.error.MappingException;
import dev.sqlfeed.domain.mapping.Activation;
import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.domain.sync.Evaluation;
import dev.sqlfeed.domain.sync.GrantKeys;
import dev.sqlfeed.domain.sync.MappedResource;
import dev.sqlfeed.domain.sync.ResourceRowMapper;
import dev.sqlfeed.domain.value.SqlNull;
import dev.sqlfeed.domain.value.Values;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a row of an incremental source to events, as baton-sql's event feed does.
 *
 * <ul>
 *   <li>A resource source's row names a changed resource: its id is the source's {@code
 *       resource_id} (by default the list mapping's {@code id}); the event is {@code
 *       resource_changed}.
 *   <li>A row-complete resource source's row ({@code incremental_sync.deleted_if}) yields the same
 *       event, and also the resource as the list's {@code map} maps the row, or its deletion when
 *       {@code deleted_if} is true: see {@link RowResource}.
 *   <li>A grants source's row gives the resource id by {@code resource_id}, then each grant mapping
 *       of the grants query in turn: {@code skip_if}, {@code principal_id}, {@code entitlement_id}.
 *       A mapping that is skipped yields nothing; an empty principal or entitlement id is an error
 *       (see {@link GrantKeys}), never a silently dropped grant or revoke. The mappings see {@code
 *       resource} with only {@code ID} and {@code Type} (baton-sql's "minimal resource": display
 *       name empty, no profile), because these queries span every resource and no resource row has
 *       been read.
 *   <li>A shared event feed's row yields the one event its {@code map} names, of any kind and
 *       resource type: see {@link EventFeedRowMapper}.
 * </ul>
 *
 * <p>Where baton-sql is lax, sqlfeed fails the row with a {@link MappingException} naming the
 * source, the row and the column or expression: a cursor value that is not a timestamp, NULL, or
 * missing (baton-sql then stamps the event with {@code since}, which makes its id depend on when it
 * was read), and an empty resource id.
 *
 * <p>Columns are found by their exact label, else by a unique case-insensitive match, as the source
 * reader resolves them.
 */
public final class IncrementalRowMapper {
  private IncrementalRowMapper() {}

  /**
   * Maps one row.
   *
   * @param row column label to value, normalised by {@code Values}
   * @throws MappingException when the cursor value is not a timestamp or an expression fails
   */
  public static MappedRow map(FeedSource source, Map<String, Object> row) {
    // As in baton-sql, a key column the row lacks (or a NULL key) gives the empty row key.
    Optional<Object> keyValue =
        source.keyed()
            ? RowColumns.find(row, source.keyColumn())
                .map(Values::normalise)
                .filter(v -> !SqlNull.is(v))
            : Optional.empty();
    String rowKey = keyValue.map(EventIds::rowKey).orElse("");
    String rowName = RowColumns.rowName(source, row, keyValue, rowKey);
    Optional<KeyValue> key = keyValue.map(v -> RowColumns.key(source, rowName, v));
    Instant cursor = RowColumns.cursor(source, row, rowName);
    String what = "source " + source.key();
    if (source.deletedIf().isPresent()) {
      return rowComplete(source, row, cursor, key, rowKey, what, rowName);
    }
    List<FeedEvent> events =
        switch (source.kind()) {
          case RESOURCE -> List.of(resource(source, row, cursor, rowKey, what, rowName));
          case GRANT_CHANGES, GRANT_REVOKES -> grants(source, row, cursor, rowKey, what, rowName);
          case EVENT_FEED -> EventFeedRowMapper.events(source, row, cursor, rowKey, rowName);
        };
    return new MappedRow(cursor, key, rowKey, events);
  }

  /**
   * A row of a row-complete source: the same event as a row of any resource source (so its id does
   * not depend on {@code deleted_if}), with the resource as the row itself gives it. A deleted row
   * is not mapped: its other columns are often NULL once the application has deleted it.
   */
  private static MappedRow rowComplete(
      FeedSource source,
      Map<String, Object> row,
      Instant cursor,
      Optional<KeyValue> key,
      String rowKey,
      String what,
      String rowName) {
    FeedEvent event = resource(source, row, cursor, rowKey, what, rowName);
    Evaluation eval = new Evaluation(what, rowName, Activation.forRow(row));
    boolean deleted = eval.bool(source.deletedIf().orElseThrow());
    Optional<MappedResource> mapped =
        deleted
            ? Optional.empty()
            : Optional.of(ResourceRowMapper.map(source.resourceType().orElseThrow(), row, rowName));
    return new MappedRow(
        cursor,
        key,
        rowKey,
        List.of(event),
        Optional.of(new RowResource(event.resource(), mapped)));
  }

  private static FeedEvent resource(
      FeedSource source,
      Map<String, Object> row,
      Instant cursor,
      String rowKey,
      String what,
      String rowName) {
    String id = resourceId(source, new Evaluation(what, rowName, Activation.forRow(row)));
    String type = source.resourceTypeId();
    return new FeedEvent.ResourceChanged(
        EventIds.resourceChanged(type, id, cursor, rowKey),
        source.key(),
        new ResourceRef(type, id),
        cursor);
  }

  private static List<FeedEvent> grants(
      FeedSource source,
      Map<String, Object> row,
      Instant cursor,
      String rowKey,
      String what,
      String rowName) {
    String type = source.resourceTypeId();
    String resourceId = resourceId(source, new Evaluation(what, rowName, Activation.forRow(row)));
    ResourceRef resource = new ResourceRef(type, resourceId);
    Evaluation eval =
        new Evaluation(
            what,
            rowName,
            Activation.forRow(row, Activation.resource(resourceId, type, null, null)));
    boolean revoke = source.kind() == FeedSource.Kind.GRANT_REVOKES;
    List<GrantMapping> mappings = source.mappings();
    List<FeedEvent> out = new ArrayList<>(mappings.size());
    for (int i = 0; i < mappings.size(); i++) {
      GrantMapping m = mappings.get(i);
      if (m.skipIf().isPresent() && eval.bool(m.skipIf().get())) {
        continue;
      }
      String principalId = GrantKeys.principalId(eval, m);
      String entitlement = GrantKeys.entitlementId(eval, m);
      ResourceRef principal = new ResourceRef(m.principalType(), principalId);
      out.add(
          revoke
              ? new FeedEvent.GrantRevoked(
                  EventIds.grantRevoked(type, resourceId, principalId, cursor, rowKey, i),
                  source.key(),
                  resource,
                  entitlement,
                  principal,
                  cursor)
              : new FeedEvent.GrantCreated(
                  EventIds.grantCreated(type, resourceId, principalId, cursor, rowKey, i),
                  source.key(),
                  resource,
                  entitlement,
                  principal,
                  cursor));
    }
    return out;
  }

  private static String resourceId(FeedSource source, Evaluation eval) {
    String id = eval.string(source.resourceId());
    if (id.isEmpty()) {
      throw eval.error(source.resourceId(), "the resource id is empty (a NULL column?)");
    }
    return id;
  }
}
