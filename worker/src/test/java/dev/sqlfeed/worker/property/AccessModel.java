package dev.sqlfeed.worker.property;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the source tables hold, kept beside them by the generator: every row's current version for
 * each incremental source, whether the source's query shows it now, and the hard deletes that only
 * a reconciliation can see.
 */
final class AccessModel {
  static final String USERS = "user";
  static final String GROUPS = "group";
  static final String CHANGES = "group.grants.0.changes";
  static final String REVOKES = "group.grants.0.revokes";
  static final String[] SOURCES = {USERS, GROUPS, CHANGES, REVOKES};

  /** A user or group row. */
  static final class Entity {
    boolean deleted;
    Version version;
  }

  /** A membership row: active (its version is the changes query's) or soft-deleted (revokes'). */
  static final class Membership {
    final int group;
    final int user;
    boolean deleted;
    Version version;

    Membership(int group, int user) {
      this.group = group;
      this.user = user;
    }

    String key() {
      return group + ":" + user;
    }
  }

  final Map<Integer, Entity> users = new TreeMap<>();
  final Map<Integer, Entity> groups = new TreeMap<>();
  final Map<Integer, Membership> memberships = new TreeMap<>();

  /**
   * Hard deletes since the last reconciliation ({@code user:1}, {@code group:2}, {@code
   * membership:2:1}): until one runs, the mirror may still hold these, and only these.
   */
  final Set<String> pendingHardDeletes = new LinkedHashSet<>();

  /**
   * Active membership versions that the changes query did not show for a while, their group being
   * soft-deleted: when the group comes back they come back with it, stamped long before, and what
   * stands for them then is the group's event (issue 9 case 6), not one of their own.
   */
  final Set<Long> hidden = new HashSet<>();

  private final Map<Version.Identity, Integer> versionsPerIdentity = new HashMap<>();
  private long serials;

  /** A new version; every version ever made is counted, for "no event without a change". */
  Version version(String source, String row, long stamp) {
    Version.Identity identity = new Version.Identity(source, row, stamp);
    versionsPerIdentity.merge(identity, 1, Integer::sum);
    return new Version(++serials, identity);
  }

  /** Whether some version of the row had this stamp already, in this source. */
  boolean used(String source, String row, long stamp) {
    return versionsPerIdentity.containsKey(new Version.Identity(source, row, stamp));
  }

  /** How many versions ever had this identity. */
  int versions(Version.Identity identity) {
    return versionsPerIdentity.getOrDefault(identity, 0);
  }

  /** The versions a source's query shows now, by row. */
  Map<String, Version> visible(String source) {
    Map<String, Version> out = new HashMap<>();
    switch (source) {
      case USERS -> users.forEach((id, e) -> out.put(id.toString(), e.version));
      case GROUPS -> groups.forEach((id, e) -> out.put(id.toString(), e.version));
      case CHANGES ->
          memberships.values().stream()
              .filter(m -> !m.deleted && groupActive(m.group))
              .forEach(m -> out.put(m.key(), m.version));
      case REVOKES ->
          memberships.values().stream()
              .filter(m -> m.deleted)
              .forEach(m -> out.put(m.key(), m.version));
      default -> throw new IllegalArgumentException(source);
    }
    return out;
  }

  boolean groupActive(int group) {
    Entity g = groups.get(group);
    return g != null && !g.deleted;
  }

  /** Whether a reconciliation event about this entity is explained by a pending hard delete. */
  boolean explains(String kind, String type, String id, String principal) {
    return switch (kind) {
      case "resource_deleted" -> pendingHardDeletes.contains(type + ":" + id);
      case "grant_revoked" ->
          pendingHardDeletes.contains("group:" + id)
              || pendingHardDeletes.contains("membership:" + id + ":" + principal);
      default -> false;
    };
  }
}
