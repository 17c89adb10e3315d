package dev.sqlfeed.worker.feed;

/**
 * The {@code resource_types} section that the page tests read a {@code users(id, username,
 * updated_at)} table with: a list, a {@code get} by id, and an incremental source paged by {@code
 * id}. Each test keeps its own top-level settings in front of it, where they say what it measures.
 */
// Alike on purpose to FeedSourcesFromYamlTest's YAML, ConfigEventFeedsTest's BASE and
// ResourceRefresherTest's CONFIG: a user type as every config writes one.
final class UsersYaml {
  private UsersYaml() {}

  /**
   * The section, not indented, to follow the test's top-level settings.
   *
   * @param incrementalQuery the incremental source's query, on one line
   */
  static String resourceTypes(String incrementalQuery) {
    return """
        resource_types:
          user:
            name: User
            list:
              query: SELECT id, username FROM users
              map:
                id: ".id"
                display_name: ".username"
            get:
              query: SELECT id, username FROM users WHERE id = ?<id>
            incremental_sync:
              query: %s
              cursor_column: updated_at
              pagination:
                primary_key: id
        """
        .formatted(incrementalQuery);
  }
}
