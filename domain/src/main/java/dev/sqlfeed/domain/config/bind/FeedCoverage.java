package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.feed.EventFeed;
import dev.sqlfeed.domain.config.feed.EventKind;
import dev.sqlfeed.domain.config.tree.YamlPaths;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Warns about resource types whose changes no incremental source covers, so that only a full sync
 * would bring them into the mirror. Only a config with some incremental sync is checked: a config
 * for full syncs alone covers nothing incrementally on purpose.
 *
 * <p>The rule, as docs/incremental.md states it: a feed <em>may yield</em> a kind for a type when
 * its {@code map.kind} is that kind or not a literal, and its {@code map.resource_type} names that
 * type or is not a literal.
 *
 * <ul>
 *   <li>A type's resources are covered when the type has {@code incremental_sync}, or a feed may
 *       yield {@code resource_changed} or {@code resource_deleted} for it.
 *   <li>A type's grants queries are covered, each, when it has {@code incremental_sync}, or a feed
 *       may yield {@code grant_created} or {@code grant_revoked} for the type. A type with {@code
 *       skip_entitlements_and_grants} has no grants to cover.
 * </ul>
 */
final class FeedCoverage {
  private static final Set<EventKind> RESOURCE_KINDS =
      EnumSet.of(EventKind.RESOURCE_CHANGED, EventKind.RESOURCE_DELETED);
  private static final Set<EventKind> GRANT_KINDS =
      EnumSet.of(EventKind.GRANT_CREATED, EventKind.GRANT_REVOKED);

  private FeedCoverage() {}

  static void check(Binding b, DeclaredTypes types, Collection<EventFeed> feeds) {
    if (feeds.isEmpty() && !types.anyIncremental()) {
      return;
    }
    for (DeclaredTypes.Type t : types.all()) {
      String path = YamlPaths.child("resource_types", t.id());
      if (!t.incremental() && !anyMay(feeds, t.id(), RESOURCE_KINDS)) {
        b.warn(
            t.at(),
            path,
            "no incremental source covers changes to these resources (no incremental_sync here,"
                + " and no event feed can yield resource_changed or resource_deleted for '"
                + t.id()
                + "'): only a full sync updates them");
      }
      if (t.skipsGrants() || anyMay(feeds, t.id(), GRANT_KINDS)) {
        continue;
      }
      for (DeclaredTypes.Grants g : t.grants()) {
        if (!g.incremental()) {
          b.warn(
              g.at(),
              YamlPaths.index(YamlPaths.child(path, "grants"), g.index()),
              "no incremental source covers these grants (no incremental_sync here, and no event"
                  + " feed can yield grant_created or grant_revoked for '"
                  + t.id()
                  + "'): only a full sync updates them");
        }
      }
    }
  }

  private static boolean anyMay(Collection<EventFeed> feeds, String type, Set<EventKind> kinds) {
    return feeds.stream().anyMatch(f -> may(f, type, kinds));
  }

  private static boolean may(EventFeed feed, String type, Set<EventKind> kinds) {
    Optional<String> literalType = CelLiterals.string(feed.map().resourceType().source());
    Optional<String> literalKind = CelLiterals.string(feed.map().kind().source());
    return literalType.map(type::equals).orElse(true)
        && literalKind.map(k -> EventKind.of(k).map(kinds::contains).orElse(false)).orElse(true);
  }
}
