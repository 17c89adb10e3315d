package dev.sqlfeed.worker.property;

import dev.sqlfeed.jdbc.testing.TestDatabase;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The config the property runs: users and groups as incremental resource types (soft-deleted rows
 * are not found by {@code get}, so they are deleted from the mirror), and memberships as a grants
 * query with a {@code changes_query} (active memberships of active groups) and a {@code
 * revokes_query} (soft-deleted memberships). Overlap and safety lag are those the generator
 * promises to stay within ({@link SourceWriter}).
 */
final class PropertyConfig {
  static final Duration OVERLAP = Duration.ofSeconds(10);
  static final String DSN_VARIABLE = "SQLFEED_PROPERTY_DSN";

  private PropertyConfig() {}

  /** The config of one history: its own app, so that histories can share a store. */
  // Alike on purpose to ChangesWithinOneTickIT's config, and its user and group types to each
  // other: soft-deleted tables written as baton-sql configs write them; the config stands whole.
  static String yaml(String app, int pageSize) {
    return """
        app_name: %s
        connect:
          dsn: "${%s}"
        incremental_sync:
          default_lookback: 1h
          page_size: %d
          overlap: %ds
          safety_lag: 2s
          poll_interval: 1s
        resource_types:
          user:
            name: User
            list:
              query: SELECT id, login FROM p_users WHERE deleted_at IS NULL
              map: {id: ".id", display_name: ".login"}
            get:
              query: SELECT id, login FROM p_users WHERE id = ?<id> AND deleted_at IS NULL
            incremental_sync:
              query: SELECT id, updated_at FROM p_users WHERE updated_at >= ?<since>
              cursor_column: updated_at
              pagination: {primary_key: id}
          group:
            name: Group
            list:
              query: SELECT id, name FROM p_groups WHERE deleted_at IS NULL
              map: {id: ".id", display_name: ".name"}
            get:
              query: SELECT id, name FROM p_groups WHERE id = ?<id> AND deleted_at IS NULL
            incremental_sync:
              query: SELECT id, updated_at FROM p_groups WHERE updated_at >= ?<since>
              cursor_column: updated_at
              pagination: {primary_key: id}
            static_entitlements:
              - id: member
                display_name: "'member'"
                purpose: assignment
                grantable_to: [user]
            grants:
              - query: SELECT user_id FROM p_memberships WHERE group_id = ?<grp> AND deleted_at IS NULL
                vars: {grp: "resource.ID"}
                map:
                  - principal_id: ".user_id"
                    principal_type: user
                    entitlement_id: "'member'"
                incremental_sync:
                  resource_id: ".group_id"
                  changes_query: >
                    SELECT m.mkey, m.group_id, m.user_id, m.updated_at
                    FROM p_memberships m JOIN p_groups g ON g.id = m.group_id
                    WHERE m.deleted_at IS NULL AND g.deleted_at IS NULL AND m.updated_at >= ?<since>
                  changes_cursor_column: updated_at
                  revokes_query: >
                    SELECT mkey, group_id, user_id, deleted_at
                    FROM p_memberships WHERE deleted_at >= ?<since>
                  revokes_cursor_column: deleted_at
                  pagination: {primary_key: mkey}
        """
        .formatted(app, DSN_VARIABLE, pageSize, OVERLAP.toSeconds());
  }

  /** The DSN of a test database in baton-sql's form (a JDBC URL for SQLite). */
  static String dsn(TestDatabase db) {
    if (db.kind() == TestDatabase.Kind.SQLITE) {
      return db.jdbcUrl();
    }
    URI uri = URI.create(db.jdbcUrl().substring("jdbc:".length()));
    String userInfo = encode(db.user());
    if (db.password() != null && !db.password().isEmpty()) {
      userInfo += ":" + encode(db.password());
    }
    String scheme = db.kind() == TestDatabase.Kind.POSTGRES ? "postgres" : "mysql";
    String dsn =
        scheme + "://" + userInfo + "@" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
    return db.kind() == TestDatabase.Kind.POSTGRES ? dsn + "?sslmode=disable" : dsn;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
