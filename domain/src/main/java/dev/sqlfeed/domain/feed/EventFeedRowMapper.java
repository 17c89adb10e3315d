package dev.sqlfeed.domain.feed;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.feed.EventFeedMapping;
import dev.sqlfeed.domain.config.feed.EventKind;
import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.domain.error.MappingException;
import dev.sqlfeed.domain.mapping.Activation;
import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.domain.sync.Evaluation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a row of a shared event feed to its one event, for {@link IncrementalRowMapper}.
 *
 * <p>{@code skip_if} first (a skipped row yields nothing, whatever else it holds), then {@code
 * kind}, {@code resource_type} and {@code resource_id}, and for the grant kinds only {@code
 * entitlement}, {@code principal_type} and {@code principal_id}. What the config could not check
 * when it loaded, because the expressions are not literals, is checked here for each row, and a row
 * that fails is a {@link MappingException} naming the feed, the row and the expression: a kind that
 * is not one of the four, a resource type the config does not have, {@code resource_changed} for a
 * type without a {@code get} query, a grant kind without the principal fields, and any empty id. An
 * empty value is an error rather than a skipped row: a feed says which rows to skip with {@code
 * skip_if}.
 *
 * <p>Ids are those of the per-type sources, so that a feed and a per-type source that read the same
 * change at the same cursor and row key give one event: {@code resource:...}, {@code
 * resource_deleted:...}, {@code grant:...} and {@code revoke:...} (as the first mapping of a grants
 * query, index 0), see {@link EventIds}.
 */
final class EventFeedRowMapper {
  private EventFeedRowMapper() {}

  static List<FeedEvent> events(
      FeedSource source, Map<String, Object> row, Instant cursor, String rowKey, String rowName) {
    SharedFeed shared = source.shared().orElseThrow();
    EventFeedMapping map = shared.feed().map();
    Evaluation eval = new Evaluation("source " + source.key(), rowName, Activation.forRow(row));
    if (map.skipIf().isPresent() && eval.bool(map.skipIf().get())) {
      return List.of();
    }
    String kindText = eval.string(map.kind());
    EventKind kind =
        EventKind.of(kindText)
            .orElseThrow(
                () ->
                    eval.error(
                        map.kind(),
                        "'"
                            + kindText
                            + "' is not an event kind (one of "
                            + String.join(", ", EventKind.names())
                            + ")"));
    ResourceType type = resourceType(shared, map.resourceType(), eval, kind);
    String id = nonEmpty(eval, map.resourceId(), "the resource id");
    ResourceRef resource = new ResourceRef(type.id(), id);
    String key = source.key();
    switch (kind) {
      case RESOURCE_CHANGED:
        return List.of(
            new FeedEvent.ResourceChanged(
                EventIds.resourceChanged(type.id(), id, cursor, rowKey), key, resource, cursor));
      case RESOURCE_DELETED:
        return List.of(
            new FeedEvent.ResourceDeleted(
                EventIds.resourceDeleted(type.id(), id, cursor, rowKey), key, resource, cursor));
      default:
        break;
    }
    String entitlement = grantField(eval, map.entitlement(), kind, "entitlement", source);
    String principalType = grantField(eval, map.principalType(), kind, "principal_type", source);
    String principalId = grantField(eval, map.principalId(), kind, "principal_id", source);
    ResourceRef principal = new ResourceRef(principalType, principalId);
    return List.of(
        kind == EventKind.GRANT_CREATED
            ? new FeedEvent.GrantCreated(
                EventIds.grantCreated(type.id(), id, principalId, cursor, rowKey, 0),
                key,
                resource,
                entitlement,
                principal,
                cursor)
            : new FeedEvent.GrantRevoked(
                EventIds.grantRevoked(type.id(), id, principalId, cursor, rowKey, 0),
                key,
                resource,
                entitlement,
                principal,
                cursor));
  }

  private static ResourceType resourceType(
      SharedFeed shared, Cel expression, Evaluation eval, EventKind kind) {
    String name = nonEmpty(eval, expression, "the resource type");
    ResourceType type = shared.resourceTypes().get(name);
    if (type == null) {
      throw eval.error(
          expression,
          "'"
              + name
              + "' is not a resource type of this config (resource types: "
              + String.join(", ", shared.resourceTypes().keySet())
              + ")");
    }
    if (kind == EventKind.RESOURCE_CHANGED && type.get().isEmpty()) {
      throw eval.error(
          expression,
          "resource type '"
              + name
              + "' has no 'get' query, which re-reads the resource for a resource_changed event");
    }
    return type;
  }

  private static String grantField(
      Evaluation eval, Optional<Cel> expression, EventKind kind, String field, FeedSource source) {
    if (expression.isEmpty()) {
      throw new MappingException(
          "source "
              + source.key()
              + ", row "
              + eval.rowKey()
              + ": "
              + source.shared().orElseThrow().feed().path()
              + ".map: kind "
              + kind.yaml()
              + " needs '"
              + field
              + "', which the feed's map does not have");
    }
    return nonEmpty(eval, expression.get(), "the " + field.replace('_', ' '));
  }

  private static String nonEmpty(Evaluation eval, Cel expression, String what) {
    String value = eval.string(expression);
    if (value.isEmpty()) {
      throw eval.error(expression, what + " is empty (a NULL column?)");
    }
    return value;
  }
}
