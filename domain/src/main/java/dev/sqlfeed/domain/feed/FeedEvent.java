package dev.sqlfeed.domain.feed;

import dev.sqlfeed.domain.mirror.ResourceRef;
import java.time.Instant;

/**
 * A change read from a source. The id is a deterministic function of what was read, so reading the
 * same row again yields the same id and the store drops the copy.
 */
public sealed interface FeedEvent
    permits FeedEvent.ResourceChanged, FeedEvent.ResourceDeleted, FeedEvent.GrantEvent {

  /** The deterministic id, in baton-sql's formats. */
  String id();

  /** The source key that read it, for example {@code user} or {@code team.grants.0.changes}. */
  String source();

  /** The resource the event is about (for grants: the resource whose entitlement is held). */
  ResourceRef resource();

  /** The value of the row's cursor column. */
  Instant cursor();

  /** The event's kind as written in the event log: {@code resource_changed} ... */
  String kind();

  /** A resource changed (or vanished): the mirror refreshes it with the type's {@code get}. */
  record ResourceChanged(String id, String source, ResourceRef resource, Instant cursor)
      implements FeedEvent {
    @Override
    public String kind() {
      return "resource_changed";
    }
  }

  /**
   * A resource is gone: named as deleted by a shared event feed's row, or missing from a full read
   * that found it in the mirror (a hard delete, seen by reconciliation).
   */
  record ResourceDeleted(String id, String source, ResourceRef resource, Instant cursor)
      implements FeedEvent {
    @Override
    public String kind() {
      return "resource_deleted";
    }
  }

  /** An event about one grant: the entitlement of {@link #resource()} that a principal holds. */
  sealed interface GrantEvent extends FeedEvent permits GrantCreated, GrantRevoked {
    /** The entitlement's id (its slug, as the grant mapping yields it). */
    String entitlement();

    /** Who holds it. */
    ResourceRef principal();
  }

  /** A principal was granted an entitlement of a resource. */
  record GrantCreated(
      String id,
      String source,
      ResourceRef resource,
      String entitlement,
      ResourceRef principal,
      Instant cursor)
      implements GrantEvent {
    @Override
    public String kind() {
      return "grant_created";
    }
  }

  /** A grant was revoked (a soft delete seen by a revokes query). */
  record GrantRevoked(
      String id,
      String source,
      ResourceRef resource,
      String entitlement,
      ResourceRef principal,
      Instant cursor)
      implements GrantEvent {
    @Override
    public String kind() {
      return "grant_revoked";
    }
  }
}
