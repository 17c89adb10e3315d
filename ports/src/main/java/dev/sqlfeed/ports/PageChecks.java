package dev.sqlfeed.ports;

import dev.sqlfeed.domain.error.StoreException;
import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.mirror.Entitlement;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.Resource;
import dev.sqlfeed.domain.mirror.ResourceRef;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The validation that {@link EventLog#writePage} promises, written once for every implementation: a
 * store calls {@link #check} before it writes anything of a page, so that a page that cannot be
 * stored fails the same way on every store, SQLite (which does not enforce column lengths) and the
 * in-memory fake included.
 */
public final class PageChecks {
  /** The longest source key a store keeps, in UTF-16 code units, as {@link EventLog} says. */
  public static final int SOURCE_LENGTH = 255;

  private PageChecks() {}

  /**
   * Checks every event, change and the checkpoint of a page.
   *
   * @throws StoreException of kind {@code QUERY_FAILED} when a name, id or source key is too long
   * @throws IllegalArgumentException when the page is malformed (an empty event id, a grant event
   *     without an entitlement or principal, an entitlement of another resource, a checkpoint of
   *     another app)
   * @throws NullPointerException when the app, the events, the commit or a required field is null
   */
  public static void check(String app, List<SourceEvent> events, Optional<Checkpoint> commit) {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(commit, "commit");
    MirrorKeyLimits.checkApp(app);
    for (SourceEvent event : events) {
      check(event.event());
      event.changes().forEach(PageChecks::check);
    }
    if (commit.isPresent()) {
      Checkpoint checkpoint = commit.get();
      if (!checkpoint.app().equals(app)) {
        throw new IllegalArgumentException(
            "a page of " + app + " cannot commit a checkpoint of " + checkpoint.app());
      }
      checkSource(checkpoint.source());
    }
  }

  private static void check(FeedEvent event) {
    Objects.requireNonNull(event.id(), "event id");
    if (event.id().isEmpty()) {
      throw new IllegalArgumentException("an event id must not be empty");
    }
    Objects.requireNonNull(event.resource(), "event resource");
    Objects.requireNonNull(event.cursor(), "event cursor");
    checkSource(event.source());
    if (event instanceof FeedEvent.GrantEvent g) {
      MirrorKeyLimits.check(grantOf(g.resource(), g.entitlement(), g.principal()));
    } else {
      MirrorKeyLimits.check(resourceOf(event.resource()));
    }
  }

  private static void check(MirrorChange change) {
    // Java 17 has no pattern matching for switch; the four cases are the sealed permits.
    if (change instanceof MirrorChange.PutResource put) {
      MirrorKeyLimits.check(put.resource());
      for (Entitlement entitlement : put.entitlements()) {
        if (!entitlement.resource().equals(put.resource().resource())) {
          throw new IllegalArgumentException(
              "an entitlement put with a resource must belong to it: " + entitlement.toJsonLine());
        }
        MirrorKeyLimits.check(entitlement);
      }
    } else if (change instanceof MirrorChange.DeleteResource delete) {
      MirrorKeyLimits.check(resourceOf(delete.resource()));
    } else if (change instanceof MirrorChange.PutGrant put) {
      MirrorKeyLimits.check(put.grant());
    } else {
      MirrorKeyLimits.check(((MirrorChange.DeleteGrant) change).grant());
    }
  }

  private static Grant grantOf(ResourceRef resource, String entitlement, ResourceRef principal) {
    if (entitlement == null || principal == null) {
      throw new IllegalArgumentException("a grant event needs an entitlement and a principal");
    }
    return new Grant(resource, entitlement, principal);
  }

  /** A resource with only its reference, for checking the reference's lengths. */
  private static Resource resourceOf(ResourceRef ref) {
    return new Resource(Objects.requireNonNull(ref, "resource"), "", null, null, Map.of());
  }

  private static void checkSource(String source) {
    Objects.requireNonNull(source, "source");
    if (source.length() > SOURCE_LENGTH) {
      throw new StoreException(
          StoreException.Kind.QUERY_FAILED,
          false,
          "source key is "
              + source.length()
              + " characters long; a sync store keeps at most "
              + SOURCE_LENGTH
              + ": "
              + source.substring(0, 200)
              + "...",
          null);
    }
  }
}
